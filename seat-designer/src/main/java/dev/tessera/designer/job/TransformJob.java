package dev.tessera.designer.job;

import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.model.DesignSeat;
import dev.tessera.designer.model.DocumentChange;
import dev.tessera.designer.model.PlanElement;
import dev.tessera.designer.model.SeatDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Moves, rotates, aligns or nudges elements. The geometry before and after is saved, so undo and
 * redo restore it exactly (no drift from applying the inverse transform).
 */
public final class TransformJob extends Job {
    private final SeatDocument document;
    private final List<PlanElement> elements;
    private final Consumer<PlanElement> transform;
    private final String description;
    private Object[] before;
    private Object[] after;

    public TransformJob(SeatDocument document, List<? extends PlanElement> elements, Consumer<PlanElement> transform,
            String description) {
        this.document = document;
        this.elements = List.copyOf(elements);
        this.transform = transform;
        this.description = description;
    }

    public static TransformJob move(SeatDocument document, List<? extends PlanElement> elements, double dx, double dy) {
        TransformJob job = new TransformJob(document, elements, e -> e.translate(dx, dy),
                Messages.get("job.move", elements.size()));
        job.noOp = dx == 0 && dy == 0;
        return job;
    }

    public static TransformJob rotate(SeatDocument document, List<? extends PlanElement> elements, double cx, double cy,
            double radians) {
        TransformJob job = new TransformJob(document, elements, e -> e.rotate(cx, cy, radians),
                Messages.get("job.rotate", elements.size(), Math.round(Math.toDegrees(radians))));
        job.noOp = radians == 0;
        return job;
    }

    private boolean noOp;

    @Override
    public boolean isExecutable() {
        return !elements.isEmpty() && !noOp;
    }

    @Override
    public void execute() {
        before = save();
        elements.forEach(transform);
        after = save();
        fire();
    }

    @Override
    public void undo() {
        restore(before);
        fire();
    }

    @Override
    public void redo() {
        restore(after);
        fire();
    }

    @Override
    public String getDescription() {
        return description;
    }

    private Object[] save() {
        Object[] saved = new Object[elements.size()];
        for (int i = 0; i < saved.length; i++) {
            saved[i] = elements.get(i).saveGeometry();
        }
        return saved;
    }

    private void restore(Object[] saved) {
        for (int i = 0; i < saved.length; i++) {
            elements.get(i).restoreGeometry(saved[i]);
        }
    }

    private void fire() {
        List<DesignSeat> seats = new ArrayList<>();
        boolean others = false;
        for (PlanElement element : elements) {
            if (element instanceof DesignSeat seat) {
                seats.add(seat);
            } else {
                others = true;
            }
        }
        if (!seats.isEmpty()) {
            document.fire(new DocumentChange(DocumentChange.Kind.SEATS_MOVED, seats));
        }
        if (others) {
            document.fire(DocumentChange.layout());
        }
    }
}
