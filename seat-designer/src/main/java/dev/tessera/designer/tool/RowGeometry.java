package dev.tessera.designer.tool;

import dev.tessera.core.seatmap.Point;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Seat positions for the row and table tools. Pure geometry in plan centimetres; every row comes
 * back ordered left to right as seen by its occupants facing the focal point (claim 62 reads the
 * order as adjacency).
 */
public final class RowGeometry {
    private RowGeometry() {}

    /**
     * A block of rows from a dragged line: the first row runs from {@code a} to {@code b} (for
     * {@link RowShape#CURVED}, along the arc around the focal point through {@code a}, up to the
     * angle of {@code b}); further rows lie behind it, away from the focal point.
     *
     * @return rows of seat centres (x, y pairs)
     */
    public static List<List<Point>> block(RowShape shape, Point a, Point b, Point focal, int rows, double seatPitch,
            double rowPitch) {
        if (rows < 1 || !(seatPitch > 0) || !(rowPitch > 0)) {
            throw new IllegalArgumentException("need at least one row and positive pitches");
        }
        List<List<Point>> result = new ArrayList<>(rows);
        if (shape == RowShape.CURVED) {
            double r0 = Math.hypot(a.x() - focal.x(), a.y() - focal.y());
            double angleA = Math.atan2(a.y() - focal.y(), a.x() - focal.x());
            double angleB = Math.atan2(b.y() - focal.y(), b.x() - focal.x());
            double sweep = angleB - angleA;
            while (sweep > Math.PI) {
                sweep -= 2 * Math.PI;
            }
            while (sweep <= -Math.PI) {
                sweep += 2 * Math.PI;
            }
            for (int k = 0; k < rows; k++) {
                double radius = Math.max(r0 + k * rowPitch, seatPitch);
                int count = Math.max(1, (int) Math.floor(Math.abs(sweep) * radius / seatPitch + 1e-9) + 1);
                List<Point> row = new ArrayList<>(count);
                for (int j = 0; j < count; j++) {
                    // the pitch is kept exact: the last seat may stop short of b's angle
                    double angle = angleA + Math.signum(sweep) * j * seatPitch / radius;
                    row.add(new Point(focal.x() + radius * Math.cos(angle), focal.y() + radius * Math.sin(angle)));
                }
                result.add(leftToRight(row, focal));
            }
            return result;
        }
        double length = Math.hypot(b.x() - a.x(), b.y() - a.y());
        double ux = length == 0 ? 1 : (b.x() - a.x()) / length;
        double uy = length == 0 ? 0 : (b.y() - a.y()) / length;
        double nx = -uy;
        double ny = ux;
        double midX = (a.x() + b.x()) / 2;
        double midY = (a.y() + b.y()) / 2;
        if ((midX - focal.x()) * nx + (midY - focal.y()) * ny < 0) {
            nx = -nx;
            ny = -ny;
        }
        int count = Math.max(1, (int) Math.floor(length / seatPitch + 1e-9) + 1);
        for (int k = 0; k < rows; k++) {
            double shift = shape == RowShape.STAGGERED && k % 2 == 1 ? seatPitch / 2 : 0;
            int seats = shape == RowShape.STAGGERED && k % 2 == 1 ? Math.max(1, count - 1) : count;
            List<Point> row = new ArrayList<>(seats);
            for (int j = 0; j < seats; j++) {
                double along = j * seatPitch + shift;
                row.add(new Point(a.x() + ux * along + nx * k * rowPitch, a.y() + uy * along + ny * k * rowPitch));
            }
            result.add(leftToRight(row, focal));
        }
        return result;
    }

    /** Seats around a round table, starting at the top and going clockwise on the plan. */
    public static List<Point> aroundTable(Point centre, double tableRadius, int seats) {
        List<Point> positions = new ArrayList<>(seats);
        double radius = tableRadius + 35;
        for (int j = 0; j < seats; j++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * j / seats;
            positions.add(new Point(centre.x() + radius * Math.cos(angle), centre.y() + radius * Math.sin(angle)));
        }
        return positions;
    }

    /** Orders a row's seats left to right for someone in the row facing the focal point. */
    public static List<Point> leftToRight(List<Point> seats, Point focal) {
        if (seats.size() < 2) {
            return seats;
        }
        double cx = 0;
        double cy = 0;
        for (Point p : seats) {
            cx += p.x();
            cy += p.y();
        }
        cx /= seats.size();
        cy /= seats.size();
        double fx = focal.x() - cx;
        double fy = focal.y() - cy;
        if (fx == 0 && fy == 0) {
            fy = -1;
        }
        // on screen (y down), the left of someone facing f is (fy, -fx)
        double lx = fy;
        double ly = -fx;
        double ox = cx;
        double oy = cy;
        List<Point> sorted = new ArrayList<>(seats);
        sorted.sort(Comparator.comparingDouble((Point p) -> -((p.x() - ox) * lx + (p.y() - oy) * ly)));
        return sorted;
    }
}
