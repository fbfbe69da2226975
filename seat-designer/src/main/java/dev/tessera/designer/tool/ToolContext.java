package dev.tessera.designer.tool;

import dev.tessera.designer.job.Job;
import dev.tessera.designer.model.DesignSection;
import dev.tessera.designer.model.PlanElement;
import dev.tessera.designer.model.SeatDocument;
import dev.tessera.designer.model.Selection;
import dev.tessera.designer.render.PlanViewport;
import java.util.List;

/** What a tool may use: the document, its selection, the undo stack, the view, the options. */
public interface ToolContext {
    SeatDocument document();

    Selection selection();

    /** Executes the job and makes it undoable. */
    void push(Job job);

    PlanViewport viewport();

    ToolOptions options();

    /** The topmost element under a plan point (seats first), or null. */
    PlanElement elementAt(double planX, double planY);

    /** Every element inside a plan rectangle. */
    List<PlanElement> elementsIn(double x0, double y0, double x1, double y1);

    /** The overlay must be painted again (a preview or marquee moved). */
    void repaintOverlay();

    /** The section new rows go into. */
    default DesignSection targetSection() {
        DesignSection chosen = options().section.get();
        if (chosen != null && document().sections().contains(chosen)) {
            return chosen;
        }
        return document().sections().isEmpty() ? null : document().sections().getFirst();
    }

    /** The category new seats get. */
    default String targetCategory() {
        String chosen = options().categoryId.get();
        if (chosen != null && document().category(chosen).isPresent()) {
            return chosen;
        }
        return document().categories().isEmpty() ? null : document().categories().getFirst().id();
    }
}
