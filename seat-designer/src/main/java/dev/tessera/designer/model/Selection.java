package dev.tessera.designer.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the user has selected on the plan. Not undoable (as in Scene Builder): selecting is not an
 * edit. Listeners hear about every change, once per call.
 */
public final class Selection {
    private final Set<PlanElement> elements = new LinkedHashSet<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public Set<PlanElement> elements() {
        return Collections.unmodifiableSet(elements);
    }

    public List<DesignSeat> seats() {
        List<DesignSeat> seats = new ArrayList<>();
        for (PlanElement element : elements) {
            if (element instanceof DesignSeat seat) {
                seats.add(seat);
            }
        }
        return seats;
    }

    public boolean isEmpty() {
        return elements.isEmpty();
    }

    public int size() {
        return elements.size();
    }

    public boolean contains(PlanElement element) {
        return elements.contains(element);
    }

    public void select(Collection<? extends PlanElement> newSelection) {
        elements.clear();
        elements.addAll(newSelection);
        fire();
    }

    public void add(Collection<? extends PlanElement> more) {
        elements.addAll(more);
        fire();
    }

    /** Shift-click: adds the element, or removes it if it was selected. */
    public void toggle(PlanElement element) {
        if (!elements.remove(element)) {
            elements.add(element);
        }
        fire();
    }

    public void clear() {
        if (!elements.isEmpty()) {
            elements.clear();
            fire();
        }
    }

    /** Drops elements that are no longer in the document, after an undo or a deletion. */
    public void retainIn(SeatDocument document) {
        boolean changed = elements.removeIf(element -> switch (element) {
            case DesignSeat seat -> seat.row() == null || seat.row().section() == null
                    || !document.sections().contains(seat.row().section())
                    || !seat.row().section().rows().contains(seat.row());
            case DesignArea area -> !document.areas().contains(area);
            case DesignGate gate -> !document.gates().contains(gate);
            case PlanLabel label -> !document.labels().contains(label);
            case PlanTable table -> !document.tables().contains(table);
            case StageShape stage -> document.stage().orElse(null) != stage;
        });
        if (changed) {
            fire();
        }
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void fire() {
        listeners.forEach(Runnable::run);
    }
}
