package dev.tessera.designer.model;

import dev.tessera.core.seatmap.SeatFlag;
import java.util.EnumSet;
import java.util.Set;

/**
 * A seat being edited. Its {@link #id()} is the stable id that tickets refer to: moving or
 * renumbering a seat changes its position and label, never its id.
 */
public final class DesignSeat implements PlanElement {
    /** The diameter a seat is drawn with on the plan, in centimetres. */
    public static final double DIAMETER = 46;

    private String id;
    private String label;
    private double x;
    private double y;
    private String categoryId;
    private final EnumSet<SeatFlag> flags = EnumSet.noneOf(SeatFlag.class);
    DesignRow row;
    int index = -1;

    public DesignSeat(String id, String label, double x, double y, String categoryId, Set<SeatFlag> flags) {
        this.id = id;
        this.label = label;
        this.x = x;
        this.y = y;
        this.categoryId = categoryId;
        this.flags.addAll(flags);
    }

    public String id() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** The seat number people see; may be blank while the seat is not numbered yet. */
    public String label() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    public void moveTo(double newX, double newY) {
        this.x = newX;
        this.y = newY;
    }

    /** The id of the seat's category, or null while it has none. */
    public String categoryId() {
        return categoryId;
    }

    public void setCategoryId(String categoryId) {
        this.categoryId = categoryId;
    }

    public Set<SeatFlag> flags() {
        return EnumSet.copyOf(flags.isEmpty() ? EnumSet.noneOf(SeatFlag.class) : flags);
    }

    public boolean has(SeatFlag flag) {
        return flags.contains(flag);
    }

    public void setFlags(Set<SeatFlag> newFlags) {
        flags.clear();
        flags.addAll(newFlags);
    }

    /** The row that holds the seat, or null while it is not in the document. */
    public DesignRow row() {
        return row;
    }

    /** The seat's position in {@link SeatDocument#seats()}; valid until the document's structure changes. */
    public int index() {
        return index;
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
        double r = DIAMETER / 2;
        return new double[] {x - r, y - r, x + r, y + r};
    }

    @Override
    public String toString() {
        return "DesignSeat[" + id + " " + label + " @" + x + "," + y + "]";
    }
}
