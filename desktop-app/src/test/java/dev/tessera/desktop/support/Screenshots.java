package dev.tessera.desktop.support;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * JavaFX snapshots of a scene, written as PNG to target/screenshots for a person to look at. The snapshot is taken at
 * once, on the FX thread; its PNG is encoded and written by one background thread while the test goes on (a
 * 1920 x 1080 PNG costs a tenth of a second or more, and the clipping test takes 120 of them). The test JVM waits for
 * the last file before it exits.
 */
public final class Screenshots {
    public static final Path FOLDER = Path.of("target", "screenshots");

    /** At most eight snapshots (8 MB each at 1920 x 1080) wait; with more, the test writes its own. */
    private static final ExecutorService WRITER = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(8), Thread.ofPlatform().daemon().name("screenshot-writer").factory(),
            new ThreadPoolExecutor.CallerRunsPolicy());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            WRITER.shutdown();
            try {
                WRITER.awaitTermination(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "screenshot-writer-drain"));
    }

    private Screenshots() {}

    /** Takes the snapshot now; the PNG at the returned path is written shortly after. */
    public static Path take(Scene scene, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        Files.createDirectories(FOLDER);
        Path file = FOLDER.resolve(name + ".png");
        WRITER.execute(() -> write(image, file));
        return file;
    }

    private static void write(WritableImage image, Path file) {
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        try {
            if (!ImageIO.write(png, "png", file.toFile())) {
                throw new IOException("no PNG writer for " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
