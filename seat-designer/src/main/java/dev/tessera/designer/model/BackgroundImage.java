package dev.tessera.designer.model;

/**
 * A scanned or drawn venue plan (PNG or JPG) shown under the seats for tracing.
 *
 * @param location the image file, as a path or a URI
 * @param x where the image's top-left corner lies on the plan, in centimetres
 * @param y where the image's top-left corner lies on the plan, in centimetres
 * @param centimetresPerPixel the image's scale on the plan
 * @param opacity 0 (invisible) to 1
 */
public record BackgroundImage(String location, double x, double y, double centimetresPerPixel, double opacity) {
    public BackgroundImage {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("a background image needs a file");
        }
        if (!(centimetresPerPixel > 0) || Double.isInfinite(centimetresPerPixel)) {
            throw new IllegalArgumentException("the background image's scale must be positive, was " + centimetresPerPixel);
        }
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("the background image's opacity must be between 0 and 1, was " + opacity);
        }
    }

    public BackgroundImage withScale(double newCentimetresPerPixel) {
        return new BackgroundImage(location, x, y, newCentimetresPerPixel, opacity);
    }

    public BackgroundImage withOpacity(double newOpacity) {
        return new BackgroundImage(location, x, y, centimetresPerPixel, newOpacity);
    }
}
