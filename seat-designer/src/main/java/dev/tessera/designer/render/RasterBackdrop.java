package dev.tessera.designer.render;

/**
 * Paints what lies under the seats straight into the raster (a grid), after the raster is cleared
 * and before seats are stamped, for full and partial redraws alike. Cheaper than a Canvas layer on
 * the software pipeline, where every translucent layer is composited pixel by pixel.
 */
@FunctionalInterface
public interface RasterBackdrop {
    /** Paints the clip rectangle (inclusive-exclusive screen pixels). */
    void paint(SeatRaster raster, PlanViewport viewport, int x0, int y0, int x1, int y1);
}
