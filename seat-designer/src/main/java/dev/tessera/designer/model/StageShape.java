package dev.tessera.designer.model;

/**
 * The stage (or field) outline: a rectangle on the plan. The focal point the seats face is kept
 * in the seat map itself; the stage tool sets it to the centre of the stage's front edge.
 */
public final class StageShape implements PlanElement {
    private double[] corners;

    public StageShape(double minX, double minY, double maxX, double maxY) {
        this.corners = new double[] {minX, minY, maxX, minY, maxX, maxY, minX, maxY};
    }

    /** The outline as x0, y0, ... x3, y3 (a copy). */
    public double[] corners() {
        return corners.clone();
    }

    @Override
    public double anchorX() {
        return corners[0];
    }

    @Override
    public double anchorY() {
        return corners[1];
    }

    @Override
    public void translate(double dx, double dy) {
        PointsGeometry.translate(corners, dx, dy);
    }

    @Override
    public void rotate(double cx, double cy, double radians) {
        PointsGeometry.rotate(corners, cx, cy, radians);
    }

    @Override
    public Object saveGeometry() {
        return corners.clone();
    }

    @Override
    public void restoreGeometry(Object saved) {
        corners = ((double[]) saved).clone();
    }

    @Override
    public double[] bounds() {
        return PointsGeometry.bounds(corners);
    }

    public boolean contains(double x, double y) {
        return PointsGeometry.contains(corners, x, y);
    }
}
