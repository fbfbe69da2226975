package dev.tessera.desktop.support;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Reads on the JavaFX thread and waits for conditions checked there: what every UI test needs.
 *
 * <p>A deadline here detects a hang; it is not a speed test (figures belong in {@code ./tessera bench}). So no wait
 * gives up sooner than {@value #PATIENCE_SECONDS} s, whatever the caller names: on a machine shared with two busy
 * processes a window, a center round trip or a JIT warm-up can take several times what it takes on a quiet one, and a
 * condition met early returns at once.
 */
public final class Fx {
    static final int PATIENCE_SECONDS = 30;

    private Fx() {}

    public static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }

    public static void waitFor(int seconds, String what, Callable<Boolean> condition) throws Exception {
        int deadline = Math.max(seconds, PATIENCE_SECONDS);
        try {
            WaitForAsyncUtils.waitFor(deadline, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("not within " + deadline + " s: " + what, e);
        }
    }
}
