package dev.tessera.designer.model;

/**
 * The stage (or field) outline: a rectangle on the plan. The focal point the seats face is kept
 * in the seat map itself; the stage tool sets it to the centre of the stage's front edge.
 */
public final class StageShape extends PolygonElement {
    public StageShape(double minX, double minY, double maxX, double maxY) {
        super(new double[] {minX, minY, maxX, minY, maxX, maxY, minX, maxY});
    }

    /** The outline as x0, y0, ... x3, y3 (a copy). */
    public double[] corners() {
        return points();
    }
}
