package dev.tessera.designer.render;

/**
 * Maps plan centimetres to screen pixels: {@code screen = plan * scale + offset}. Mutable; the
 * view that owns it repaints when it changes.
 */
public final class PlanViewport {
    public static final double MIN_SCALE = 0.002;
    public static final double MAX_SCALE = 5;

    private double scale = 0.5;
    private double offsetX;
    private double offsetY;

    public double scale() {
        return scale;
    }

    public double offsetX() {
        return offsetX;
    }

    public double offsetY() {
        return offsetY;
    }

    public void set(double newScale, double newOffsetX, double newOffsetY) {
        this.scale = clampScale(newScale);
        this.offsetX = newOffsetX;
        this.offsetY = newOffsetY;
    }

    public double toScreenX(double x) {
        return x * scale + offsetX;
    }

    public double toScreenY(double y) {
        return y * scale + offsetY;
    }

    public double toPlanX(double screenX) {
        return (screenX - offsetX) / scale;
    }

    public double toPlanY(double screenY) {
        return (screenY - offsetY) / scale;
    }

    public void pan(double dxPixels, double dyPixels) {
        offsetX += dxPixels;
        offsetY += dyPixels;
    }

    /** Zooms by the factor keeping the plan point under (screenX, screenY) where it is. */
    public void zoomAt(double factor, double screenX, double screenY) {
        double planX = toPlanX(screenX);
        double planY = toPlanY(screenY);
        scale = clampScale(scale * factor);
        offsetX = screenX - planX * scale;
        offsetY = screenY - planY * scale;
    }

    /** Shows the plan rectangle centred in a view of the given size, with a margin in pixels. */
    public void fit(double minX, double minY, double maxX, double maxY, double viewWidth, double viewHeight,
            double margin) {
        double width = Math.max(maxX - minX, 1);
        double height = Math.max(maxY - minY, 1);
        double available = Math.max(viewWidth - 2 * margin, 1);
        double availableHeight = Math.max(viewHeight - 2 * margin, 1);
        scale = clampScale(Math.min(available / width, availableHeight / height));
        offsetX = viewWidth / 2 - (minX + maxX) / 2 * scale;
        offsetY = viewHeight / 2 - (minY + maxY) / 2 * scale;
    }

    public PlanViewport copy() {
        PlanViewport copy = new PlanViewport();
        copy.set(scale, offsetX, offsetY);
        return copy;
    }

    private static double clampScale(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }

    @Override
    public String toString() {
        return "PlanViewport[scale=" + scale + ", offset=" + offsetX + "," + offsetY + "]";
    }
}
