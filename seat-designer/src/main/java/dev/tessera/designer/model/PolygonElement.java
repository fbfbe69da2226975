package dev.tessera.designer.model;

import dev.tessera.designer.geometry.Polygons;

/**
 * A plan element drawn as a polygon (a general-admission area, the stage): moving, rotating, bounds, hit test and
 * the undo snapshot are the same for all of them, done on the corner list x0, y0, x1, y1, ...
 */
public abstract sealed class PolygonElement implements PlanElement permits DesignArea, StageShape {
    private double[] points;

    protected PolygonElement(double[] points) {
        this.points = points.clone();
    }

    /** The corners as x0, y0, x1, y1, ... (a copy). */
    protected final double[] points() {
        return points.clone();
    }

    public final boolean contains(double x, double y) {
        return Polygons.contains(points, x, y);
    }

    @Override
    public final double anchorX() {
        return points[0];
    }

    @Override
    public final double anchorY() {
        return points[1];
    }

    @Override
    public final void translate(double dx, double dy) {
        PointsGeometry.translate(points, dx, dy);
    }

    @Override
    public final void rotate(double cx, double cy, double radians) {
        PointsGeometry.rotate(points, cx, cy, radians);
    }

    @Override
    public final Object saveGeometry() {
        return points.clone();
    }

    @Override
    public final void restoreGeometry(Object saved) {
        points = ((double[]) saved).clone();
    }

    @Override
    public final double[] bounds() {
        return PointsGeometry.bounds(points);
    }
}
