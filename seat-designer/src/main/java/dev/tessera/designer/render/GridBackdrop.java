package dev.tessera.designer.render;

import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

/**
 * The editor's grid, one-pixel lines stamped into the raster: the grid size in centimetres, made
 * ten times coarser until lines are at least ten pixels apart, every tenth line darker.
 */
public final class GridBackdrop implements RasterBackdrop {
    private static final int MINOR = 0xFFE3E8EC;
    private static final int MAJOR = 0xFFC5CFD6;

    private final BooleanSupplier visible;
    private final DoubleSupplier size;

    public GridBackdrop(BooleanSupplier visible, DoubleSupplier size) {
        this.visible = visible;
        this.size = size;
    }

    @Override
    public void paint(SeatRaster raster, PlanViewport v, int x0, int y0, int x1, int y1) {
        double step = size.getAsDouble();
        if (!visible.getAsBoolean() || !(step > 0)) {
            return;
        }
        while (step * v.scale() < 10) {
            step *= 10;
        }
        int[] pixels = raster.pixels();
        int width = raster.width();
        long first = (long) Math.floor(v.toPlanX(x0) / step);
        for (long k = first; ; k++) {
            int x = (int) Math.round(v.toScreenX(k * step));
            if (x >= x1) {
                break;
            }
            if (x >= x0) {
                int color = k % 10 == 0 ? MAJOR : MINOR;
                for (int y = y0; y < y1; y++) {
                    pixels[y * width + x] = color;
                }
            }
        }
        first = (long) Math.floor(v.toPlanY(y0) / step);
        for (long k = first; ; k++) {
            int y = (int) Math.round(v.toScreenY(k * step));
            if (y >= y1) {
                break;
            }
            if (y >= y0) {
                java.util.Arrays.fill(pixels, y * width + x0, y * width + x1, k % 10 == 0 ? MAJOR : MINOR);
            }
        }
    }
}
