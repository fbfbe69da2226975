package dev.tessera.designer.editor;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waits for JavaFX to finish a whole pulse begun after the call, so that what a pulse does (animation
 * timers, CSS, layout, the plan's repaint) has run for everything the test changed before it.
 */
public final class RenderPass {
    private static final long TIMEOUT_SECONDS = 30;

    private RenderPass() {}

    public static void await() {
        WaitForAsyncUtils.waitForFxEvents();
        CountDownLatch pulses = new CountDownLatch(2);
        Platform.runLater(() -> new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.countDown();
                if (pulses.getCount() == 0) {
                    stop();
                }
            }
        }.start());
        try {
            // the second pulse starts only after the first one has laid out and rendered the scene
            if (!pulses.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("JavaFX ran no two pulses within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a pulse", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
