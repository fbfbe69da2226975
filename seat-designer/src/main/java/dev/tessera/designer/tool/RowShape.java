package dev.tessera.designer.tool;

/** How the row tool lays out seats between the two points the user drags. */
public enum RowShape {
    /** Straight rows, each behind the other. */
    STRAIGHT,
    /** Arcs around the focal point (the stage), each further away. */
    CURVED,
    /** Straight rows, every other row shifted by half a seat so people see between heads. */
    STAGGERED
}
