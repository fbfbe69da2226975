package dev.tessera.core.seatmap;

/** Properties of a seat that the box office shows and that best-available selection respects. */
public enum SeatFlag {
    /** A space for a wheelchair. */
    WHEELCHAIR,
    /** A seat for the companion of a wheelchair user, next to a {@link #WHEELCHAIR} space. */
    COMPANION,
    /** The view of the stage or field is partly blocked; usually sold at a lower price. */
    RESTRICTED_VIEW,
    /** Never sold (technical position, camera, broken seat); it does not count towards capacity. */
    NOT_FOR_SALE
}
