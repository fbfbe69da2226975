package dev.tessera.designer.model;

/** An entrance gate being edited. */
public final class DesignGate implements PlanElement {
    /** The size a gate is drawn with, in centimetres. */
    public static final double SIZE = 120;

    private String id;
    private String name;
    private double x;
    private double y;

    public DesignGate(String id, String name, double x, double y) {
        this.id = id;
        this.name = name;
        this.x = x;
        this.y = y;
    }

    public String id() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
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
        double r = SIZE / 2;
        return new double[] {x - r, y - r, x + r, y + r};
    }
}
