package dev.tessera.designer.render;

import java.util.function.Supplier;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;

/**
 * Zoom and pan for a {@link PlanSurface}: the mouse wheel zooms at the pointer, a trackpad's
 * two-finger scroll pans and its pinch zooms, the middle or right button (or Space with the left)
 * drags the plan, and the keyboard zooms with + and -, pans with the arrow keys (when the caller
 * leaves them unconsumed) and fits the plan with Home or Ctrl+0.
 */
public final class PlanNavigator {
    private static final double WHEEL_ZOOM_PER_NOTCH = 1.15;
    private static final double KEY_PAN_PIXELS = 60;

    private final PlanSurface surface;
    private final Supplier<double[]> planBounds;
    private double lastX;
    private double lastY;
    private boolean panning;
    private boolean spaceDown;
    /** True from a fit until the user (or a caller) zooms or pans. */
    private boolean fitted;
    private double fitMargin = 24;

    /**
     * @param planBounds what "fit" shows: minX, minY, maxX, maxY in centimetres
     */
    public PlanNavigator(PlanSurface surface, Supplier<double[]> planBounds) {
        this.surface = surface;
        this.planBounds = planBounds;
        surface.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        surface.addEventHandler(ZoomEvent.ZOOM, this::onZoom);
        surface.addEventFilter(MouseEvent.MOUSE_PRESSED, this::onPressed);
        surface.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        surface.addEventFilter(MouseEvent.MOUSE_RELEASED, this::onReleased);
        surface.addEventHandler(KeyEvent.KEY_PRESSED, this::onKeyPressed);
        surface.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = true;
            }
        });
        surface.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = false;
            }
        });
    }

    public void fit() {
        fit(fitMargin);
    }

    /** The margin {@link #fit()} and the Home key leave around the plan, in pixels (24 unless set). */
    public void setFitMargin(double pixels) {
        fitMargin = pixels;
    }

    /** Shows the whole plan centred, {@code margin} pixels from the surface's nearer edges. */
    public void fit(double margin) {
        double[] b = planBounds.get();
        surface.viewport().fit(b[0], b[1], b[2], b[3], surface.getWidth(), surface.getHeight(), margin);
        surface.requestFullRedraw();
        fitted = true;
    }

    /** Whether the view still shows the last fit: nothing zoomed or panned since (a resize may fit again). */
    public boolean isFitted() {
        return fitted;
    }

    public void zoom(double factor) {
        fitted = false;
        surface.viewport().zoomAt(factor, surface.getWidth() / 2, surface.getHeight() / 2);
        surface.requestFullRedraw();
    }

    public void pan(double dx, double dy) {
        fitted = false;
        surface.viewport().pan(dx, dy);
        surface.requestFullRedraw();
    }

    /** Centres the view on a plan point, keeping the zoom. */
    public void centreOn(double planX, double planY) {
        fitted = false;
        PlanViewport v = surface.viewport();
        v.set(v.scale(), surface.getWidth() / 2 - planX * v.scale(), surface.getHeight() / 2 - planY * v.scale());
        surface.requestFullRedraw();
    }

    private void onScroll(ScrollEvent e) {
        if (e.getTouchCount() > 0 || (e.isInertia())) {
            pan(e.getDeltaX(), e.getDeltaY());
        } else if (e.getDeltaY() != 0) {
            double factor = Math.pow(WHEEL_ZOOM_PER_NOTCH, e.getDeltaY() / Math.max(1, Math.abs(e.getMultiplierY())));
            fitted = false;
            surface.viewport().zoomAt(factor, e.getX(), e.getY());
            surface.requestFullRedraw();
        } else if (e.getDeltaX() != 0) {
            pan(e.getDeltaX(), 0);
        }
        e.consume();
    }

    private void onZoom(ZoomEvent e) {
        fitted = false;
        surface.viewport().zoomAt(e.getZoomFactor(), e.getX(), e.getY());
        surface.requestFullRedraw();
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        surface.requestFocus();
        if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.SECONDARY
                || (spaceDown && e.getButton() == MouseButton.PRIMARY)) {
            panning = true;
            lastX = e.getX();
            lastY = e.getY();
            e.consume();
        }
    }

    private void onDragged(MouseEvent e) {
        if (panning) {
            pan(e.getX() - lastX, e.getY() - lastY);
            lastX = e.getX();
            lastY = e.getY();
            e.consume();
        }
    }

    private void onReleased(MouseEvent e) {
        if (panning) {
            panning = false;
            e.consume();
        }
    }

    private void onKeyPressed(KeyEvent e) {
        switch (e.getCode()) {
            case PLUS, EQUALS, ADD -> zoom(1.25);
            case MINUS, SUBTRACT -> zoom(1 / 1.25);
            case HOME -> fit(fitMargin);
            case DIGIT0, NUMPAD0 -> {
                if (e.isShortcutDown()) {
                    fit(fitMargin);
                } else {
                    return;
                }
            }
            case LEFT -> pan(KEY_PAN_PIXELS, 0);
            case RIGHT -> pan(-KEY_PAN_PIXELS, 0);
            case UP -> pan(0, KEY_PAN_PIXELS);
            case DOWN -> pan(0, -KEY_PAN_PIXELS);
            default -> {
                return;
            }
        }
        e.consume();
    }
}
