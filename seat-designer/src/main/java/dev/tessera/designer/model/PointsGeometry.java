package dev.tessera.designer.model;

/** Shared geometry of elements made of a list of points held in one array (x0, y0, x1, y1, ...). */
final class PointsGeometry {
    private PointsGeometry() {}

    static void translate(double[] points, double dx, double dy) {
        for (int i = 0; i < points.length; i += 2) {
            points[i] += dx;
            points[i + 1] += dy;
        }
    }

    static void rotate(double[] points, double cx, double cy, double radians) {
        for (int i = 0; i < points.length; i += 2) {
            double[] p = PlanElement.rotatePoint(points[i], points[i + 1], cx, cy, radians);
            points[i] = p[0];
            points[i + 1] = p[1];
        }
    }

    static double[] bounds(double[] points) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < points.length; i += 2) {
            minX = Math.min(minX, points[i]);
            maxX = Math.max(maxX, points[i]);
            minY = Math.min(minY, points[i + 1]);
            maxY = Math.max(maxY, points[i + 1]);
        }
        return new double[] {minX, minY, maxX, maxY};
    }
}
