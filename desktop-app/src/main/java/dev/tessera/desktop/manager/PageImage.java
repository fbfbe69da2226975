package dev.tessera.desktop.manager;

import java.awt.image.BufferedImage;

/** One rendered report page as ARGB pixels, so the view model stays free of JavaFX images. */
public record PageImage(int index, int width, int height, int[] argb) {
    static PageImage of(int index, BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        return new PageImage(index, w, h, image.getRGB(0, 0, w, h, null, 0, w));
    }
}
