package dev.tessera.designer.model;

/** An entrance gate being edited. */
public final class DesignGate extends PointElement {
    /** The size a gate is drawn with, in centimetres. */
    public static final double SIZE = 120;

    private String id;
    private String name;

    public DesignGate(String id, String name, double x, double y) {
        super(x, y);
        this.id = id;
        this.name = name;
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

    @Override
    public double[] bounds() {
        return squareBounds(SIZE);
    }
}
