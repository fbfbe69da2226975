package dev.tessera.designer.model;

/**
 * A round table drawn on the plan; its seats are an ordinary row of seats around it, so the box
 * office sells them like any other. The table itself is a designer layout element.
 */
public final class PlanTable extends PointElement {
    private double radius;

    public PlanTable(double x, double y, double radius) {
        super(x, y);
        this.radius = radius;
    }

    public double radius() {
        return radius;
    }

    @Override
    public double[] bounds() {
        return squareBounds(2 * radius);
    }
}
