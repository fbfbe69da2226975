package dev.tessera.designer.job;

import dev.tessera.designer.model.DocumentChange;
import dev.tessera.designer.model.Placement;
import dev.tessera.designer.model.SeatDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Adds or removes elements: sections, rows, seats, areas, gates, labels, tables. Placements say
 * where each element goes, so that undoing a deletion puts everything back exactly where it was.
 */
public final class StructureJob extends Job {
    private final SeatDocument document;
    private final List<Placement> placements;
    private final boolean adding;
    private final String description;

    private StructureJob(SeatDocument document, List<Placement> placements, boolean adding, String description) {
        this.document = document;
        this.placements = List.copyOf(placements);
        this.adding = adding;
        this.description = description;
    }

    /** Inserts the placements in the given order (parents before their children). */
    public static StructureJob add(SeatDocument document, List<Placement> placements, String description) {
        return new StructureJob(document, placements, true, description);
    }

    /** Removes the elements; their placements are taken now, before anything is removed. */
    public static StructureJob remove(SeatDocument document, List<?> elements, String description) {
        List<Placement> placements = new ArrayList<>();
        for (Object element : elements) {
            placements.add(document.placementOf(element));
        }
        return new StructureJob(document, placements, false, description);
    }

    @Override
    public boolean isExecutable() {
        return !placements.isEmpty();
    }

    @Override
    public void execute() {
        if (adding) {
            insertAll();
        } else {
            removeAll();
        }
    }

    @Override
    public void undo() {
        if (adding) {
            removeAll();
        } else {
            insertAll();
        }
    }

    @Override
    public void redo() {
        execute();
    }

    @Override
    public String getDescription() {
        return description;
    }

    private void insertAll() {
        // ascending indexes, so every element lands where it was recorded
        List<Placement> ordered = new ArrayList<>(placements);
        if (!adding) {
            ordered.sort(Comparator.comparingInt(StructureJob::depth).thenComparingInt(Placement::index));
        }
        for (Placement placement : ordered) {
            document.insert(placement);
        }
        document.fire(DocumentChange.structure());
    }

    private void removeAll() {
        List<Placement> ordered = new ArrayList<>(placements);
        ordered.sort(Comparator.comparingInt(StructureJob::depth).reversed()
                .thenComparing(Comparator.comparingInt(Placement::index).reversed()));
        for (Placement placement : ordered) {
            document.remove(placement);
        }
        document.fire(DocumentChange.structure());
    }

    /** Parents first when inserting, children first when removing. */
    private static int depth(Placement placement) {
        return switch (placement) {
            case Placement.OfSeat p -> 2;
            case Placement.OfRow p -> 1;
            default -> 0;
        };
    }
}
