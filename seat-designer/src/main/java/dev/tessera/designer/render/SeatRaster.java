package dev.tessera.designer.render;

import java.util.Arrays;

/**
 * A premultiplied ARGB pixel buffer that seats are stamped into, as solid spans: no per-pixel
 * blending, no anti-aliasing, so 100,000 seats cost about a millisecond. The JavaFX view shows the
 * same int[] through a PixelBuffer, so nothing is copied.
 */
public final class SeatRaster {
    private final int width;
    private final int height;
    private final int[] pixels;
    /** Half-widths of a disc's scan lines, per radius in half pixels: spans[2r][dy + r]. */
    private final int[][] discSpans = new int[256][];

    public SeatRaster(int width, int height) {
        this(width, height, new int[Math.max(1, width * height)]);
    }

    /** Wraps an existing array (the one a PixelBuffer shares with JavaFX). */
    public SeatRaster(int width, int height, int[] pixels) {
        if (width < 1 || height < 1 || pixels.length < width * height) {
            throw new IllegalArgumentException("bad raster size " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int[] pixels() {
        return pixels;
    }

    public int pixel(int x, int y) {
        return pixels[y * width + x];
    }

    public void clear(int argb) {
        Arrays.fill(pixels, 0, width * height, argb);
    }

    /** Clears a rectangle, clipped to the raster; coordinates are inclusive-exclusive. */
    public void clear(int x0, int y0, int x1, int y1, int argb) {
        int cx0 = Math.max(0, x0);
        int cx1 = Math.min(width, x1);
        int cy0 = Math.max(0, y0);
        int cy1 = Math.min(height, y1);
        if (cx0 >= cx1) {
            return;
        }
        for (int y = cy0; y < cy1; y++) {
            int base = y * width;
            Arrays.fill(pixels, base + cx0, base + cx1, argb);
        }
    }

    public void dot(int x, int y, int argb) {
        if (x >= 0 && y >= 0 && x < width && y < height) {
            pixels[y * width + x] = argb;
        }
    }

    /** A size x size square with its top-left corner at (x, y), clipped. */
    public void square(int x, int y, int size, int argb) {
        fillRect(x, y, x + size, y + size, argb, 0, 0, width, height);
    }

    /**
     * A solid disc centred on pixel (cx, cy), clipped to the clip rectangle (inclusive-exclusive),
     * which must lie inside the raster.
     *
     * @param radius in pixels; rounded to half pixels
     */
    public void disc(int cx, int cy, double radius, int argb, int clipX0, int clipY0, int clipX1, int clipY1) {
        int halfSteps = Math.min(discSpans.length - 1, Math.max(1, (int) Math.round(radius * 2)));
        int[] spans = spans(halfSteps);
        int r = spans.length / 2;
        int yStart = Math.max(cy - r, clipY0);
        int yEnd = Math.min(cy + r + 1, clipY1);
        for (int y = yStart; y < yEnd; y++) {
            int half = spans[y - cy + r];
            int x0 = Math.max(cx - half, clipX0);
            int x1 = Math.min(cx + half + 1, clipX1);
            if (x0 < x1) {
                int base = y * width;
                Arrays.fill(pixels, base + x0, base + x1, argb);
            }
        }
    }

    public void disc(int cx, int cy, double radius, int argb) {
        disc(cx, cy, radius, argb, 0, 0, width, height);
    }

    void fillRect(int x0, int y0, int x1, int y1, int argb, int clipX0, int clipY0, int clipX1, int clipY1) {
        int cx0 = Math.max(x0, clipX0);
        int cx1 = Math.min(x1, clipX1);
        int cy0 = Math.max(y0, clipY0);
        int cy1 = Math.min(y1, clipY1);
        if (cx0 >= cx1) {
            return;
        }
        for (int y = cy0; y < cy1; y++) {
            int base = y * width;
            for (int x = cx0; x < cx1; x++) {
                pixels[base + x] = argb;
            }
        }
    }

    private int[] spans(int halfSteps) {
        int[] spans = discSpans[halfSteps];
        if (spans == null) {
            double radius = halfSteps / 2.0;
            int r = (int) Math.floor(radius);
            spans = new int[2 * r + 1];
            for (int dy = -r; dy <= r; dy++) {
                // the pixel centres inside the circle
                double w2 = radius * radius - dy * dy;
                spans[dy + r] = w2 < 0 ? -1 : (int) Math.floor(Math.sqrt(w2));
            }
            discSpans[halfSteps] = spans;
        }
        return spans;
    }
}
