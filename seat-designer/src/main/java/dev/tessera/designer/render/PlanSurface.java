package dev.tessera.designer.render;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

/**
 * The node that shows a {@link SeatLayer}: seats stamped into an int[] that JavaFX displays
 * through a {@link PixelBuffer} (no copy), with a canvas on top for everything else. Repaints are
 * coalesced to one per pulse; a change of a few seats repaints only the regions around them.
 *
 * <p>Used by both the editor and the availability view; the caller owns the viewport and tells the
 * surface what changed.
 */
public class PlanSurface extends Region {
    private final SeatLayer layer;
    private final PlanViewport viewport = new PlanViewport();
    private final ImageView seatView = new ImageView();
    private final Canvas overlay = new Canvas();
    private final List<OverlayPainter> painters = new ArrayList<>();
    private PixelBuffer<IntBuffer> buffer;
    private SeatRaster raster;
    private int background = 0;
    private boolean fullRedrawPending = true;
    private boolean overlayPending = true;
    private final List<int[]> pendingSeatBatches = new ArrayList<>();
    private long lastRenderNanos;
    private int lastDrawnSeats;
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            flush();
        }
    };

    public PlanSurface(SeatLayer layer) {
        this.layer = layer;
        getStyleClass().add("plan-surface");
        seatView.setManaged(false);
        overlay.setManaged(false);
        seatView.setSmooth(false);
        getChildren().addAll(seatView, overlay);
        setFocusTraversable(true);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                pulse.stop();
            } else {
                pulse.start();
            }
        });
    }

    public SeatLayer layer() {
        return layer;
    }

    public PlanViewport viewport() {
        return viewport;
    }

    /** Painters draw in order, after the overlay is cleared. */
    public void addOverlayPainter(OverlayPainter painter) {
        painters.add(painter);
        requestOverlay();
    }

    /** Nodes behind the seats (a background image) are inserted here, at the back. */
    public void addUnderlay(javafx.scene.Node node) {
        node.setManaged(false);
        getChildren().add(0, node);
    }

    /** The colour the raster is cleared to; transparent by default, so CSS and underlays show. */
    public void setRasterBackground(int argb) {
        this.background = argb;
        requestFullRedraw();
    }

    /** Seats moved, were added or removed, or the viewport changed: redraw everything at the next pulse. */
    public void requestFullRedraw() {
        fullRedrawPending = true;
        overlayPending = true;
    }

    /** Only the overlay changed (a marquee, a label). */
    public void requestOverlay() {
        overlayPending = true;
    }

    /** Only these seats' looks changed: their regions are redrawn at the next pulse. */
    public void requestSeats(int[] seats) {
        if (!fullRedrawPending) {
            pendingSeatBatches.add(seats);
        }
    }

    /** Draws what is pending now instead of at the next pulse (tests, benchmarks, exports). */
    public void flush() {
        if (raster == null) {
            return;
        }
        long start = System.nanoTime();
        if (fullRedrawPending) {
            fullRedrawPending = false;
            pendingSeatBatches.clear();
            lastDrawnSeats = layer.render(raster, viewport, background);
            buffer.updateBuffer(b -> null);
            lastRenderNanos = System.nanoTime() - start;
        } else if (!pendingSeatBatches.isEmpty()) {
            int[] dirty = null;
            for (int[] batch : pendingSeatBatches) {
                dirty = union(dirty, layer.redrawSeats(raster, viewport, batch, batch.length, background));
            }
            pendingSeatBatches.clear();
            if (dirty != null) {
                Rectangle2D region = new Rectangle2D(dirty[0], dirty[1], dirty[2] - dirty[0], dirty[3] - dirty[1]);
                buffer.updateBuffer(b -> region);
            }
            lastRenderNanos = System.nanoTime() - start;
        }
        if (overlayPending) {
            overlayPending = false;
            GraphicsContext g = overlay.getGraphicsContext2D();
            g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
            for (OverlayPainter painter : painters) {
                g.save();
                painter.paint(g, viewport, overlay.getWidth(), overlay.getHeight());
                g.restore();
            }
        }
    }

    /** How long the last seat repaint took (stamping plus handing the buffer to JavaFX). */
    public long lastRenderNanos() {
        return lastRenderNanos;
    }

    public int lastDrawnSeats() {
        return lastDrawnSeats;
    }

    public SeatRaster raster() {
        return raster;
    }

    @Override
    protected void layoutChildren() {
        int width = (int) Math.max(1, Math.ceil(getWidth()));
        int height = (int) Math.max(1, Math.ceil(getHeight()));
        if (raster == null || raster.width() != width || raster.height() != height) {
            int[] pixels = new int[width * height];
            buffer = new PixelBuffer<>(width, height, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            raster = new SeatRaster(width, height, pixels);
            seatView.setImage(new WritableImage(buffer));
            overlay.setWidth(width);
            overlay.setHeight(height);
            requestFullRedraw();
            onResized(width, height);
        }
        for (var child : getChildren()) {
            if (child != seatView && child != overlay && child.isResizable()) {
                child.autosize();
            }
        }
    }

    /** Called after the raster was resized; the editor fits the plan on first show. */
    protected void onResized(int width, int height) {}

    @Override
    protected double computePrefWidth(double height) {
        return 800;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 600;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 50;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 50;
    }

    private static int[] union(int[] a, int[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new int[] {Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])};
    }
}
