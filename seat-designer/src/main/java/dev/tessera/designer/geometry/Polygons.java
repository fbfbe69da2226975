package dev.tessera.designer.geometry;

/** Small polygon helpers on flat coordinate arrays (x0, y0, x1, y1, ...). */
public final class Polygons {
    private Polygons() {}

    /** Even-odd rule: true if (x, y) lies inside the polygon. */
    public static boolean contains(double[] polygon, double x, double y) {
        boolean inside = false;
        int n = polygon.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = polygon[2 * i];
            double yi = polygon[2 * i + 1];
            double xj = polygon[2 * j];
            double yj = polygon[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** The polygon's area by the shoelace formula, always positive. */
    public static double area(double[] polygon) {
        double sum = 0;
        int n = polygon.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            sum += polygon[2 * j] * polygon[2 * i + 1] - polygon[2 * i] * polygon[2 * j + 1];
        }
        return Math.abs(sum) / 2;
    }
}
