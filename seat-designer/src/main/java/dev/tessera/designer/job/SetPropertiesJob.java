package dev.tessera.designer.job;

import dev.tessera.designer.model.DesignSeat;
import dev.tessera.designer.model.DocumentChange;
import dev.tessera.designer.model.SeatDocument;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Sets properties of many elements at once: renumbering, recategorizing, flagging, renaming. */
public final class SetPropertiesJob extends Job {
    private final SeatDocument document;
    private final List<PropertyEdit<?, ?>> edits;
    private final DocumentChange.Kind kind;
    private final String description;

    /**
     * @param kind what views must redo afterwards: {@link DocumentChange.Kind#SEATS_RESTYLED} for
     *     seat looks and labels, {@link DocumentChange.Kind#STRUCTURE} for ids,
     *     {@link DocumentChange.Kind#LAYOUT} for everything else
     */
    public SetPropertiesJob(SeatDocument document, List<? extends PropertyEdit<?, ?>> edits, DocumentChange.Kind kind,
            String description) {
        this.document = document;
        this.edits = edits.stream().filter(PropertyEdit::changes).<PropertyEdit<?, ?>>map(e -> e).toList();
        this.kind = kind;
        this.description = description;
    }

    @Override
    public boolean isExecutable() {
        return !edits.isEmpty();
    }

    @Override
    public void execute() {
        edits.forEach(PropertyEdit::apply);
        fire();
    }

    @Override
    public void undo() {
        for (int i = edits.size() - 1; i >= 0; i--) {
            edits.get(i).revert();
        }
        fire();
    }

    @Override
    public void redo() {
        execute();
    }

    @Override
    public String getDescription() {
        return description;
    }

    public int size() {
        return edits.size();
    }

    private void fire() {
        if (kind == DocumentChange.Kind.SEATS_RESTYLED) {
            Set<DesignSeat> seats = new LinkedHashSet<>();
            for (PropertyEdit<?, ?> edit : edits) {
                if (edit.element() instanceof DesignSeat seat) {
                    seats.add(seat);
                }
            }
            document.fire(new DocumentChange(kind, new ArrayList<>(seats)));
            document.fire(DocumentChange.layout());
        } else {
            document.fire(new DocumentChange(kind, List.of()));
        }
    }
}
