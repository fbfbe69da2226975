package dev.tessera.core.seatmap;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One seat. Its id is unique in the whole seat map and stays the same across versions of the map,
 * because tickets and seller allocations refer to it.
 *
 * @param x the seat's centre on the plan, in centimetres, growing to the right
 * @param y the seat's centre on the plan, in centimetres, growing downwards
 */
public record Seat(String id, String label, double x, double y, String categoryId, Set<SeatFlag> flags) {
    private static final Set<SeatFlag> NO_FLAGS = Collections.unmodifiableSet(EnumSet.noneOf(SeatFlag.class));

    public Seat {
        Rules.requireId("seat", id);
        Rules.Owner owner = new Rules.Owner("seat", id);
        Rules.requireText(owner, "label", label, Rules.MAX_LABEL_LENGTH);
        x = Rules.requireFinite(owner, "x", x);
        y = Rules.requireFinite(owner, "y", y);
        Rules.requirePresent(owner, "category", categoryId);
        Rules.requireId("category", categoryId);
        flags = copyFlags(owner, flags);
    }

    /** A seat without flags. */
    public Seat(String id, String label, double x, double y, String categoryId) {
        this(id, label, x, y, categoryId, NO_FLAGS);
    }

    public boolean has(SeatFlag flag) {
        return flags.contains(flag);
    }

    public boolean isForSale() {
        return !flags.contains(SeatFlag.NOT_FOR_SALE);
    }

    private static Set<SeatFlag> copyFlags(Rules.Owner owner, Set<SeatFlag> flags) {
        Rules.requirePresent(owner, "flags", flags);
        if (flags.isEmpty()) {
            return NO_FLAGS;
        }
        EnumSet<SeatFlag> copy = EnumSet.noneOf(SeatFlag.class);
        for (SeatFlag flag : flags) {
            copy.add(Rules.requirePresent(owner, "flag", flag));
        }
        return Collections.unmodifiableSet(copy);
    }
}
