package dev.tessera.designer.model;

/** A text label on the plan ("Stage door", "Bar"); a designer layout element, not part of the seat map. */
public final class PlanLabel extends PointElement {
    private String text;
    private double size;

    /**
     * @param size the text height in centimetres on the plan
     */
    public PlanLabel(String text, double x, double y, double size) {
        super(x, y);
        this.text = text;
        this.size = size;
    }

    public String text() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public double size() {
        return size;
    }

    public void setSize(double size) {
        this.size = size;
    }

    @Override
    public double[] bounds() {
        double width = Math.max(1, text.length()) * size * 0.6;
        return new double[] {x() - width / 2, y() - size / 2, x() + width / 2, y() + size / 2};
    }
}
