package dev.tessera.designer.model;

/**
 * A round table drawn on the plan; its seats are an ordinary row of seats around it, so the box
 * office sells them like any other. The table itself is a designer layout element.
 */
public final class PlanTable implements PlanElement {
    private double x;
    private double y;
    private double radius;

    public PlanTable(double x, double y, double radius) {
        this.x = x;
        this.y = y;
        this.radius = radius;
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    public double radius() {
        return radius;
    }

    @Override
    public double anchorX() {
        return x;
    }

    @Override
    public double anchorY() {
        return y;
    }

    @Override
    public void translate(double dx, double dy) {
        x += dx;
        y += dy;
    }

    @Override
    public void rotate(double cx, double cy, double radians) {
        double[] p = PlanElement.rotatePoint(x, y, cx, cy, radians);
        x = p[0];
        y = p[1];
    }

    @Override
    public Object saveGeometry() {
        return new double[] {x, y};
    }

    @Override
    public void restoreGeometry(Object saved) {
        double[] p = (double[]) saved;
        x = p[0];
        y = p[1];
    }

    @Override
    public double[] bounds() {
        return new double[] {x - radius, y - radius, x + radius, y + radius};
    }
}
