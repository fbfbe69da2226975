package dev.tessera.core.seatmap;

/** A price category of seats and areas; an event sets the price per category. */
public record Category(String id, String name, String color) {
    public Category {
        Rules.requireId("category", id);
        Rules.Owner owner = new Rules.Owner("category", id);
        Rules.requireText(owner, "name", name, Rules.MAX_NAME_LENGTH);
        Rules.requirePresent(owner, "color", color);
        String problem = Rules.checkColor(color);
        if (problem != null) {
            throw new IllegalArgumentException(owner + ": color " + problem);
        }
    }
}
