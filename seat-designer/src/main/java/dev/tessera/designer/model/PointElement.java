package dev.tessera.designer.model;

/**
 * A plan element placed by one point (a seat, a gate, a label, a table): moving, rotating and the
 * undo snapshot are the same for all of them; each says only how large it is.
 */
public abstract sealed class PointElement implements PlanElement permits DesignSeat, DesignGate, PlanLabel, PlanTable {
    private double x;
    private double y;

    protected PointElement(double x, double y) {
        this.x = x;
        this.y = y;
    }

    public final double x() {
        return x;
    }

    public final double y() {
        return y;
    }

    public final void moveTo(double newX, double newY) {
        x = newX;
        y = newY;
    }

    @Override
    public final double anchorX() {
        return x;
    }

    @Override
    public final double anchorY() {
        return y;
    }

    @Override
    public final void translate(double dx, double dy) {
        moveTo(x + dx, y + dy);
    }

    @Override
    public final void rotate(double cx, double cy, double radians) {
        double[] p = PlanElement.rotatePoint(x, y, cx, cy, radians);
        moveTo(p[0], p[1]);
    }

    @Override
    public final Object saveGeometry() {
        return new double[] {x, y};
    }

    @Override
    public final void restoreGeometry(Object saved) {
        double[] p = (double[]) saved;
        moveTo(p[0], p[1]);
    }

    /** Bounds of a square of side {@code size} centred on the point. */
    protected final double[] squareBounds(double size) {
        double r = size / 2;
        return new double[] {x - r, y - r, x + r, y + r};
    }
}
