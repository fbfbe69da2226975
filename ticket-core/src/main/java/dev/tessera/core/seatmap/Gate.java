package dev.tessera.core.seatmap;

/** An entrance where tickets are read; an event lists the gates a ticket may enter by. */
public record Gate(String id, String name, Point position) {
    public Gate {
        Rules.requireId("gate", id);
        Rules.Owner owner = new Rules.Owner("gate", id);
        Rules.requireText(owner, "name", name, Rules.MAX_NAME_LENGTH);
        Rules.requirePresent(owner, "position", position);
    }
}
