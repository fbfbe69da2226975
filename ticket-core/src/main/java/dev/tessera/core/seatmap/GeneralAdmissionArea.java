package dev.tessera.core.seatmap;

import java.util.List;

/** A standing or unreserved area sold by capacity rather than by seat; its id shares the seat ids' namespace. */
public record GeneralAdmissionArea(String id, String name, String categoryId, int capacity, List<Point> outline) {
    static final int MIN_OUTLINE_POINTS = 3;

    public GeneralAdmissionArea {
        Rules.requireId("area", id);
        Rules.Owner owner = new Rules.Owner("area", id);
        Rules.requireText(owner, "name", name, Rules.MAX_NAME_LENGTH);
        Rules.requirePresent(owner, "category", categoryId);
        Rules.requireId("category", categoryId);
        String capacityProblem = Rules.checkCapacity(capacity);
        if (capacityProblem != null) {
            throw new IllegalArgumentException(owner + ": capacity " + capacityProblem);
        }
        outline = Rules.copyList(owner, "outline", outline);
        String outlineProblem = Rules.checkOutline(outline.size());
        if (outlineProblem != null) {
            throw new IllegalArgumentException(owner + ": outline " + outlineProblem);
        }
    }
}
