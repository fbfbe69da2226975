package dev.tessera.designer.validation;

import dev.tessera.designer.model.DesignSeat;
import dev.tessera.designer.model.PlanElement;
import java.util.List;

/**
 * One problem in a document, with the elements that cause it, so the list can select them.
 *
 * @param message a sentence for the user, already localized
 */
public record Problem(Kind kind, String message, List<PlanElement> elements) {
    public enum Kind {
        DUPLICATE_ID, DUPLICATE_LABEL, OVERLAPPING_SEATS, UNNUMBERED_SEAT, NO_CATEGORY, UNKNOWN_CATEGORY,
        EMPTY_SECTION, EMPTY_ROW, INVALID_ID, NO_NAME
    }

    public Problem {
        elements = List.copyOf(elements);
    }

    public List<DesignSeat> seats() {
        return elements.stream().filter(DesignSeat.class::isInstance).map(DesignSeat.class::cast).toList();
    }
}
