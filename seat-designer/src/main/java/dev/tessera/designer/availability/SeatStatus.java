package dev.tessera.designer.availability;

/**
 * A seat's state for one event: the one status type of the whole application (the counter, the Events
 * workspace, the organizer and the designer). {@link #ofWire} is the one place the center's status
 * names are read.
 */
public enum SeatStatus {
    /** On sale: drawn in its category's colour. */
    FREE(0),
    /** Held for a sale in progress (claim 32); lapses unless issued. */
    HELD(0xFFF5A623),
    SOLD(0xFFB8BEC6),
    /** Allocated to a seller's block (claims 30, 73, 74). */
    ALLOCATED(0xFF8E44AD),
    /** Not for sale for this event. */
    BLOCKED(0xFF3D3D3D),
    /** Sold and already scanned at the gate. */
    USED(0xFF4E6E5D);

    private final int color;

    SeatStatus(int color) {
        this.color = color;
    }

    /** The ARGB colour the renderer uses; 0 for {@link #FREE}, which takes the category's colour. */
    public int color() {
        return color;
    }

    /** The key of the status's name in the designer's message bundles. */
    public String messageKey() {
        return "status." + name().toLowerCase(java.util.Locale.ROOT);
    }

    private static final SeatStatus[] VALUES = values();

    /**
     * The status the center names on the wire ({@code FREE}, {@code HELD}, {@code SOLD}, {@code BLOCKED}, in any
     * case); a name this client does not know, or none, is shown as {@link #BLOCKED}: not for sale here.
     */
    public static SeatStatus ofWire(String wire) {
        if (wire == null) {
            return BLOCKED;
        }
        try {
            return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return BLOCKED;
        }
    }

    static SeatStatus ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
