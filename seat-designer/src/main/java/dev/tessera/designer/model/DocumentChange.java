package dev.tessera.designer.model;

import java.util.List;

/**
 * What a job changed, so that views redo only what they must: a move of 30 seats repaints 30
 * seats, not 100,000.
 *
 * @param seats the seats concerned for {@link Kind#SEATS_MOVED} and {@link Kind#SEATS_RESTYLED}
 */
public record DocumentChange(Kind kind, List<DesignSeat> seats) {
    public enum Kind {
        /** Elements were added or removed, or ids changed: everything derived must be rebuilt. */
        STRUCTURE,
        /** Seats moved; their look is unchanged. */
        SEATS_MOVED,
        /** Seats changed category, flags or label. */
        SEATS_RESTYLED,
        /** Categories, names, areas, gates, labels, tables, the stage or the background changed. */
        LAYOUT
    }

    public static DocumentChange structure() {
        return new DocumentChange(Kind.STRUCTURE, List.of());
    }

    public static DocumentChange layout() {
        return new DocumentChange(Kind.LAYOUT, List.of());
    }
}
