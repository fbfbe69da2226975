package dev.tessera.desktop.events;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/** One price category's seat counts, kept current by the live feed. */
public final class CategoryAvailability {
    private final String categoryId;
    private final String name;
    private final String color;
    private final ReadOnlyIntegerWrapper free = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper held = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper sold = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper blocked = new ReadOnlyIntegerWrapper();

    CategoryAvailability(String categoryId, String name, String color) {
        this.categoryId = categoryId;
        this.name = name;
        this.color = color;
    }

    void set(SeatStatusBoard.Counts counts) {
        free.set(counts.free());
        held.set(counts.held());
        sold.set(counts.sold());
        blocked.set(counts.blocked());
    }

    public String categoryId() {
        return categoryId;
    }

    public String name() {
        return name;
    }

    /** The category's colour from the seat map, as #RRGGBB. */
    public String color() {
        return color;
    }

    public ReadOnlyIntegerProperty freeProperty() {
        return free.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty heldProperty() {
        return held.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty soldProperty() {
        return sold.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty blockedProperty() {
        return blocked.getReadOnlyProperty();
    }
}
