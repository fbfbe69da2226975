package dev.tessera.core.seatmap;

/** A point on the seat-map plan, in centimetres; x grows to the right, y grows downwards. */
public record Point(double x, double y) {
    public Point {
        x = Rules.requireFinite(Rules.Owner.POINT, "x", x);
        y = Rules.requireFinite(Rules.Owner.POINT, "y", y);
    }
}
