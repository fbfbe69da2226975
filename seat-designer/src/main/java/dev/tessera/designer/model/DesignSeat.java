package dev.tessera.designer.model;

import dev.tessera.core.seatmap.SeatFlag;
import java.util.EnumSet;
import java.util.Set;

/**
 * A seat being edited. Its {@link #id()} is the stable id that tickets refer to: moving or
 * renumbering a seat changes its position and label, never its id.
 */
public final class DesignSeat extends PointElement {
    /** The diameter a seat is drawn with on the plan, in centimetres. */
    public static final double DIAMETER = 46;

    private String id;
    private String label;
    private String categoryId;
    private final EnumSet<SeatFlag> flags = EnumSet.noneOf(SeatFlag.class);
    DesignRow row;
    int index = -1;

    public DesignSeat(String id, String label, double x, double y, String categoryId, Set<SeatFlag> flags) {
        super(x, y);
        this.id = id;
        this.label = label;
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
    public double[] bounds() {
        return squareBounds(DIAMETER);
    }

    @Override
    public String toString() {
        return "DesignSeat[" + id + " " + label + " @" + x() + "," + y() + "]";
    }
}
