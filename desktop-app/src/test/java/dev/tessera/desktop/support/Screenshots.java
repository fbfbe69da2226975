package dev.tessera.desktop.support;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** JavaFX snapshots of a scene, written as PNG to target/screenshots for a person to look at. */
public final class Screenshots {
    public static final Path FOLDER = Path.of("target", "screenshots");

    private Screenshots() {}

    public static Path take(Scene scene, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        Files.createDirectories(FOLDER);
        Path file = FOLDER.resolve(name + ".png");
        if (!ImageIO.write(png, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
        return file;
    }
}
