package dev.tessera.designer.render;

import javafx.scene.canvas.GraphicsContext;

/**
 * Draws what is not a seat over the seat raster: areas, the stage, gates, labels, row names, the
 * selection marquee, a tool's preview. Called with the overlay canvas cleared.
 */
@FunctionalInterface
public interface OverlayPainter {
    void paint(GraphicsContext g, PlanViewport viewport, double width, double height);
}
