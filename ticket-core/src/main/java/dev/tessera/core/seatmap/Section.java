package dev.tessera.core.seatmap;

import java.util.List;

/** A block of rows: stalls, balcony, a stand of a stadium. */
public record Section(String id, String name, List<Row> rows) {
    public Section {
        Rules.requireId("section", id);
        Rules.Owner owner = new Rules.Owner("section", id);
        Rules.requireText(owner, "name", name, Rules.MAX_NAME_LENGTH);
        rows = Rules.copyList(owner, "rows", rows);
    }
}
