package dev.tessera.designer.render;

import dev.tessera.designer.geometry.IntList;
import dev.tessera.designer.geometry.SpatialGrid;
import java.util.Arrays;

/**
 * Seats as flat arrays (centres, colours, marks) and the code that stamps them into a
 * {@link SeatRaster}: only the seats in view, with a level of detail chosen by their size on
 * screen (a pixel, a 2x2 block, a disc, a disc with a rim), and for status changes only the
 * regions around the changed seats. Pure Java, no JavaFX: the benchmark and the tests drive it
 * directly.
 */
public final class SeatLayer {
    /** Drawn in the selection colour. */
    public static final byte SELECTED = 1;
    /** Drawn with an outline even when small (hover, search result, best-available pick). */
    public static final byte EMPHASIZED = 2;
    /** Drawn with a ring in the own colour (a seller's own allocated block); selection and emphasis win over it. */
    public static final byte OWN = 4;

    /** Below this diameter in pixels a seat is one pixel. */
    static final double DOT_BELOW = 1.6;
    /** Below this diameter a seat is a 2x2 block. */
    static final double BLOCK_BELOW = 3.2;
    /** From this diameter a seat gets a darker rim. */
    static final double RIM_FROM = 9;

    private float[] xs = new float[0];
    private float[] ys = new float[0];
    private int[] fills = new int[0];
    private byte[] marks = new byte[0];
    private float[] pulse = new float[0];
    private int count;
    private double diameter = 46;
    private int selectionColor = 0xFFFF6D00;
    private int emphasisColor = 0xFF111111;
    private int ownColor = 0xFF0969DA;
    private SpatialGrid grid;
    private float minX;
    private float minY;
    private float maxX;
    private float maxY;
    private final IntList scratch = new IntList(4096);
    private RasterBackdrop backdrop;

    /** Replaces all seats; the arrays are copied. */
    public void setSeats(float[] newXs, float[] newYs, int[] newFills, int newCount) {
        count = newCount;
        xs = Arrays.copyOf(newXs, newCount);
        ys = Arrays.copyOf(newYs, newCount);
        fills = Arrays.copyOf(newFills, newCount);
        marks = new byte[newCount];
        pulse = new float[newCount];
        Arrays.fill(pulse, 1f);
        grid = null;
    }

    public int count() {
        return count;
    }

    /** What is painted under the seats after each clear (a grid); null for nothing. */
    public void setBackdrop(RasterBackdrop backdrop) {
        this.backdrop = backdrop;
    }

    public float x(int i) {
        return xs[i];
    }

    public float y(int i) {
        return ys[i];
    }

    public void setPosition(int i, double x, double y) {
        xs[i] = (float) x;
        ys[i] = (float) y;
        grid = null;
    }

    public int fill(int i) {
        return fills[i];
    }

    public void setFill(int i, int argb) {
        fills[i] = argb | 0xFF000000;
    }

    public byte marks(int i) {
        return marks[i];
    }

    public void setMarks(int i, byte value) {
        marks[i] = value;
    }

    public void clearMarks(byte mask) {
        for (int i = 0; i < count; i++) {
            marks[i] &= (byte) ~mask;
        }
    }

    /** Scales a seat's drawn radius (1 = normal); status-change animations pulse seats this way. */
    public void setPulse(int i, float factor) {
        pulse[i] = factor;
    }

    public double diameter() {
        return diameter;
    }

    public void setDiameter(double centimetres) {
        this.diameter = centimetres;
    }

    public void setSelectionColor(int argb) {
        this.selectionColor = argb | 0xFF000000;
    }

    public void setEmphasisColor(int argb) {
        this.emphasisColor = argb | 0xFF000000;
    }

    public void setOwnColor(int argb) {
        this.ownColor = argb | 0xFF000000;
    }

    /** The index over seat centres, rebuilt after moves. */
    public SpatialGrid grid() {
        if (grid == null) {
            grid = SpatialGrid.build(xs, ys, count, diameter);
            minX = minY = Float.POSITIVE_INFINITY;
            maxX = maxY = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < count; i++) {
                minX = Math.min(minX, xs[i]);
                maxX = Math.max(maxX, xs[i]);
                minY = Math.min(minY, ys[i]);
                maxY = Math.max(maxY, ys[i]);
            }
        }
        return grid;
    }

    /** The seats' bounds in centimetres (minX, minY, maxX, maxY), seat discs included; empty layer: zeros. */
    public double[] bounds() {
        grid();
        if (count == 0) {
            return new double[4];
        }
        double r = diameter / 2;
        return new double[] {minX - r, minY - r, maxX + r, maxY + r};
    }

    /** The seat whose disc contains the plan point, or -1. */
    public int seatAt(double planX, double planY) {
        return grid().nearest(planX, planY, diameter / 2);
    }

    /** Clears the raster and draws every seat in view. Returns how many seats were drawn. */
    public int render(SeatRaster raster, PlanViewport viewport, int background) {
        return render(raster, viewport, background, true);
    }

    /** As {@link #render(SeatRaster, PlanViewport, int)}, optionally without the backdrop (a minimap). */
    public int render(SeatRaster raster, PlanViewport viewport, int background, boolean withBackdrop) {
        raster.clear(background);
        if (backdrop != null && withBackdrop) {
            backdrop.paint(raster, viewport, 0, 0, raster.width(), raster.height());
        }
        return drawRegion(raster, viewport, 0, 0, raster.width(), raster.height());
    }

    /**
     * Clears a screen rectangle and redraws the seats that touch it, clipped to it.
     * Returns how many seats were drawn.
     */
    public int redrawRegion(SeatRaster raster, PlanViewport viewport, int x0, int y0, int x1, int y1, int background) {
        int cx0 = Math.max(0, x0);
        int cy0 = Math.max(0, y0);
        int cx1 = Math.min(raster.width(), x1);
        int cy1 = Math.min(raster.height(), y1);
        if (cx0 >= cx1 || cy0 >= cy1) {
            return 0;
        }
        raster.clear(cx0, cy0, cx1, cy1, background);
        if (backdrop != null) {
            backdrop.paint(raster, viewport, cx0, cy0, cx1, cy1);
        }
        return drawRegion(raster, viewport, cx0, cy0, cx1, cy1);
    }

    /**
     * Redraws the regions around the given seats (after a status or colour change) and returns
     * the screen rectangle touched (x0, y0, x1, y1), or null if none is in view.
     */
    public int[] redrawSeats(SeatRaster raster, PlanViewport viewport, int[] seats, int n, int background) {
        double scale = viewport.scale();
        int reach = (int) Math.ceil(maxRadiusPixels(scale)) + 2;
        int dirtyX0 = Integer.MAX_VALUE;
        int dirtyY0 = Integer.MAX_VALUE;
        int dirtyX1 = Integer.MIN_VALUE;
        int dirtyY1 = Integer.MIN_VALUE;
        int width = raster.width();
        int height = raster.height();
        for (int k = 0; k < n; k++) {
            int i = seats[k];
            int sx = (int) Math.floor(xs[i] * scale + viewport.offsetX());
            int sy = (int) Math.floor(ys[i] * scale + viewport.offsetY());
            if (sx + reach < 0 || sy + reach < 0 || sx - reach >= width || sy - reach >= height) {
                continue;
            }
            int r = (int) Math.ceil(diameter * scale * pulse[i] / 2) + 2;
            if (diameter * scale * 1.6 < BLOCK_BELOW) {
                // small seats do not overlap their neighbours: stamp in place, no region work
                stamp(raster, i, sx, sy, scale, 0, 0, width, height);
            } else {
                redrawRegion(raster, viewport, sx - r, sy - r, sx + r + 1, sy + r + 1, background);
            }
            dirtyX0 = Math.min(dirtyX0, Math.max(0, sx - r));
            dirtyY0 = Math.min(dirtyY0, Math.max(0, sy - r));
            dirtyX1 = Math.max(dirtyX1, Math.min(width, sx + r + 1));
            dirtyY1 = Math.max(dirtyY1, Math.min(height, sy + r + 1));
        }
        return dirtyX0 > dirtyX1 ? null : new int[] {dirtyX0, dirtyY0, dirtyX1, dirtyY1};
    }

    private int drawRegion(SeatRaster raster, PlanViewport viewport, int cx0, int cy0, int cx1, int cy1) {
        double scale = viewport.scale();
        double ox = viewport.offsetX();
        double oy = viewport.offsetY();
        double reach = maxRadiusPixels(scale) + 2;
        double planX0 = viewport.toPlanX(cx0 - reach);
        double planY0 = viewport.toPlanY(cy0 - reach);
        double planX1 = viewport.toPlanX(cx1 + reach);
        double planY1 = viewport.toPlanY(cy1 + reach);
        SpatialGrid index = grid();
        int drawn = 0;
        if (planX0 <= minX && planY0 <= minY && planX1 >= maxX && planY1 >= maxY) {
            // everything is in view: a straight pass over the arrays beats the index
            boolean anySelected = false;
            for (int i = 0; i < count; i++) {
                if ((marks[i] & SELECTED) != 0) {
                    anySelected = true;
                    continue;
                }
                int sx = (int) Math.floor(xs[i] * scale + ox);
                int sy = (int) Math.floor(ys[i] * scale + oy);
                stamp(raster, i, sx, sy, scale, cx0, cy0, cx1, cy1);
            }
            if (anySelected) {
                // selected seats on top, so a dragged seat stays visible over the others
                for (int i = 0; i < count; i++) {
                    if ((marks[i] & SELECTED) != 0) {
                        stamp(raster, i, (int) Math.floor(xs[i] * scale + ox), (int) Math.floor(ys[i] * scale + oy),
                                scale, cx0, cy0, cx1, cy1);
                    }
                }
            }
            return count;
        }
        scratch.clear();
        index.queryRect(planX0, planY0, planX1, planY1, scratch);
        int[] found = scratch.raw();
        int n = scratch.size();
        // the document's order, so overlapping seats stack the same way as in a full redraw
        Arrays.sort(found, 0, n);
        boolean anySelected = false;
        for (int k = 0; k < n; k++) {
            int i = found[k];
            if ((marks[i] & SELECTED) != 0) {
                anySelected = true;
                continue;
            }
            stamp(raster, i, (int) Math.floor(xs[i] * scale + ox), (int) Math.floor(ys[i] * scale + oy), scale,
                    cx0, cy0, cx1, cy1);
            drawn++;
        }
        if (anySelected) {
            for (int k = 0; k < n; k++) {
                int i = found[k];
                if ((marks[i] & SELECTED) != 0) {
                    stamp(raster, i, (int) Math.floor(xs[i] * scale + ox), (int) Math.floor(ys[i] * scale + oy), scale,
                            cx0, cy0, cx1, cy1);
                    drawn++;
                }
            }
        }
        return drawn;
    }

    private double maxRadiusPixels(double scale) {
        return diameter * scale * 1.6 / 2;
    }

    private void stamp(SeatRaster raster, int i, int sx, int sy, double scale, int cx0, int cy0, int cx1, int cy1) {
        double d = diameter * scale * pulse[i];
        byte mark = marks[i];
        boolean selected = (mark & SELECTED) != 0;
        int fill = fills[i];
        if (d < DOT_BELOW) {
            if (sx >= cx0 && sy >= cy0 && sx < cx1 && sy < cy1) {
                raster.pixels()[sy * raster.width() + sx] = selected ? selectionColor : fill;
            }
        } else if (d < BLOCK_BELOW) {
            raster.fillRect(sx - 1, sy - 1, sx + 1, sy + 1, selected ? selectionColor : fill, cx0, cy0, cx1, cy1);
        } else if (d < RIM_FROM) {
            if (mark != 0) {
                raster.disc(sx, sy, d / 2 + 1, ringColor(mark), cx0, cy0, cx1, cy1);
                raster.disc(sx, sy, d / 2 - 1, fill, cx0, cy0, cx1, cy1);
            } else {
                raster.disc(sx, sy, d / 2, fill, cx0, cy0, cx1, cy1);
            }
        } else {
            double radius = d / 2;
            int rim = mark != 0 ? ringColor(mark) : darker(fill);
            double rimWidth = mark != 0 ? Math.max(2, d / 7) : Math.max(1, d / 14);
            raster.disc(sx, sy, radius, rim, cx0, cy0, cx1, cy1);
            raster.disc(sx, sy, radius - rimWidth, fill, cx0, cy0, cx1, cy1);
        }
    }

    private int ringColor(byte mark) {
        return (mark & SELECTED) != 0 ? selectionColor : (mark & EMPHASIZED) != 0 ? emphasisColor : ownColor;
    }

    static int darker(int argb) {
        return 0xFF000000 | ((argb >> 1) & 0x7F7F7F) + ((argb >> 3) & 0x1F1F1F);
    }
}
