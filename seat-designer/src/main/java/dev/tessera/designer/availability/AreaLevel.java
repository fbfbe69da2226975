package dev.tessera.designer.availability;

/**
 * How full a standing area is, as the availability view draws it: its places, those held and those sold, and the
 * caption the host writes under the area's name in its own language ("47 of 200 left").
 */
public record AreaLevel(int capacity, int held, int sold, String caption) {
    public AreaLevel {
        if (capacity < 0 || held < 0 || sold < 0) {
            throw new IllegalArgumentException("an area's counts are never negative");
        }
        caption = caption == null ? "" : caption;
    }

    /** Places neither held nor sold. */
    public int left() {
        return Math.max(0, capacity - held - sold);
    }

    /** The share of the area taken (held or sold), 0 to 1; a full area of no places counts as full. */
    public double taken() {
        return capacity == 0 ? 1 : Math.min(1, (held + sold) / (double) capacity);
    }
}
