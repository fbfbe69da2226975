package dev.tessera.designer.geometry;

import java.util.Arrays;

/**
 * A uniform grid over points (seat centres) for hit-testing clicks, marquees and lassos in well
 * under a millisecond at 100,000 seats. Built in O(n) into two flat arrays (cells in CSR layout),
 * so a stadium costs a few milliseconds and almost no garbage.
 */
public final class SpatialGrid {
    private final float[] xs;
    private final float[] ys;
    private final int count;
    private final double minX;
    private final double minY;
    private final double cellSize;
    private final int columns;
    private final int rows;
    private final int[] cellStart;
    private final int[] items;

    private SpatialGrid(float[] xs, float[] ys, int count, double minX, double minY, double cellSize, int columns,
            int rows, int[] cellStart, int[] items) {
        this.xs = xs;
        this.ys = ys;
        this.count = count;
        this.minX = minX;
        this.minY = minY;
        this.cellSize = cellSize;
        this.columns = columns;
        this.rows = rows;
        this.cellStart = cellStart;
        this.items = items;
    }

    /**
     * Indexes the first {@code count} points. The arrays are kept, not copied: rebuild the grid
     * after moving points.
     *
     * @param typicalSpacing the usual distance between neighbours (a seat pitch), used as a floor for the cell size
     */
    public static SpatialGrid build(float[] xs, float[] ys, int count, double typicalSpacing) {
        if (count == 0) {
            return new SpatialGrid(xs, ys, 0, 0, 0, 1, 1, 1, new int[2], new int[0]);
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        double width = Math.max(maxX - minX, 1);
        double height = Math.max(maxY - minY, 1);
        // about two points per cell if spread evenly, never finer than two seat pitches
        double cellSize = Math.max(Math.sqrt(width * height / count) * 1.5, typicalSpacing * 2);
        int columns = (int) Math.min(Math.ceil(width / cellSize) + 1, 4096);
        int rows = (int) Math.min(Math.ceil(height / cellSize) + 1, 4096);
        cellSize = Math.max(cellSize, Math.max(width / (columns - 1), height / (rows - 1)));
        int cells = columns * rows;
        int[] cellOf = new int[count];
        int[] cellStart = new int[cells + 1];
        for (int i = 0; i < count; i++) {
            int cx = (int) ((xs[i] - minX) / cellSize);
            int cy = (int) ((ys[i] - minY) / cellSize);
            int cell = Math.min(cy, rows - 1) * columns + Math.min(cx, columns - 1);
            cellOf[i] = cell;
            cellStart[cell + 1]++;
        }
        for (int c = 0; c < cells; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        int[] fill = Arrays.copyOf(cellStart, cells);
        int[] items = new int[count];
        for (int i = 0; i < count; i++) {
            items[fill[cellOf[i]]++] = i;
        }
        return new SpatialGrid(xs, ys, count, minX, minY, cellSize, columns, rows, cellStart, items);
    }

    public int size() {
        return count;
    }

    /** The index of the point nearest (x, y) within maxDistance, or -1. */
    public int nearest(double x, double y, double maxDistance) {
        int best = -1;
        double bestDistance = maxDistance * maxDistance;
        int c0 = column(x - maxDistance);
        int c1 = column(x + maxDistance);
        int r0 = row(y - maxDistance);
        int r1 = row(y + maxDistance);
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int cell = r * columns + c;
                for (int k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
                    int i = items[k];
                    double dx = xs[i] - x;
                    double dy = ys[i] - y;
                    double d = dx * dx + dy * dy;
                    if (d <= bestDistance) {
                        bestDistance = d;
                        best = i;
                    }
                }
            }
        }
        return best;
    }

    /** Adds to {@code out} every point inside the rectangle (edges included). */
    public void queryRect(double x0, double y0, double x1, double y1, IntList out) {
        double minQx = Math.min(x0, x1);
        double maxQx = Math.max(x0, x1);
        double minQy = Math.min(y0, y1);
        double maxQy = Math.max(y0, y1);
        if (count == 0) {
            return;
        }
        int c0 = column(minQx);
        int c1 = column(maxQx);
        int r0 = row(minQy);
        int r1 = row(maxQy);
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int cell = r * columns + c;
                for (int k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
                    int i = items[k];
                    float x = xs[i];
                    float y = ys[i];
                    if (x >= minQx && x <= maxQx && y >= minQy && y <= maxQy) {
                        out.add(i);
                    }
                }
            }
        }
    }

    /** Adds to {@code out} every point inside the polygon (x0, y0, x1, y1, ...): a lasso. */
    public void queryPolygon(double[] polygon, IntList out) {
        if (polygon.length < 6) {
            return;
        }
        double minQx = Double.POSITIVE_INFINITY;
        double minQy = Double.POSITIVE_INFINITY;
        double maxQx = Double.NEGATIVE_INFINITY;
        double maxQy = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < polygon.length; i += 2) {
            minQx = Math.min(minQx, polygon[i]);
            maxQx = Math.max(maxQx, polygon[i]);
            minQy = Math.min(minQy, polygon[i + 1]);
            maxQy = Math.max(maxQy, polygon[i + 1]);
        }
        IntList candidates = new IntList();
        queryRect(minQx, minQy, maxQx, maxQy, candidates);
        for (int k = 0; k < candidates.size(); k++) {
            int i = candidates.get(k);
            if (Polygons.contains(polygon, xs[i], ys[i])) {
                out.add(i);
            }
        }
    }

    private int column(double x) {
        int c = (int) Math.floor((x - minX) / cellSize);
        return Math.max(0, Math.min(columns - 1, c));
    }

    private int row(double y) {
        int r = (int) Math.floor((y - minY) / cellSize);
        return Math.max(0, Math.min(rows - 1, r));
    }
}
