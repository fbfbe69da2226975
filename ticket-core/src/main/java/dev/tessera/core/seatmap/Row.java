package dev.tessera.core.seatmap;

import java.util.List;

/**
 * A row of seats. The seats are ordered from left to right as seen from the seats, facing the
 * stage or field: that order defines which seats are consecutive (claim 62).
 */
public record Row(String id, String label, List<Seat> seats) {
    public Row {
        Rules.requireId("row", id);
        Rules.Owner owner = new Rules.Owner("row", id);
        Rules.requireText(owner, "label", label, Rules.MAX_LABEL_LENGTH);
        seats = Rules.copyList(owner, "seats", seats);
    }
}
