package dev.tessera.designer.model;

/** A text label on the plan ("Stage door", "Bar"); a designer layout element, not part of the seat map. */
public final class PlanLabel implements PlanElement {
    private String text;
    private double x;
    private double y;
    private double size;

    /**
     * @param size the text height in centimetres on the plan
     */
    public PlanLabel(String text, double x, double y, double size) {
        this.text = text;
        this.x = x;
        this.y = y;
        this.size = size;
    }

    public String text() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    public double size() {
        return size;
    }

    public void setSize(double size) {
        this.size = size;
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
        double width = Math.max(1, text.length()) * size * 0.6;
        return new double[] {x - width / 2, y - size / 2, x + width / 2, y + size / 2};
    }
}
