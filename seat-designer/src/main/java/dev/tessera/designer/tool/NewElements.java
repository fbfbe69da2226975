package dev.tessera.designer.tool;

import dev.tessera.core.seatmap.Point;
import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.job.StructureJob;
import dev.tessera.designer.model.DesignRow;
import dev.tessera.designer.model.DesignSeat;
import dev.tessera.designer.model.DesignSection;
import dev.tessera.designer.model.IdAllocator;
import dev.tessera.designer.model.Placement;
import dev.tessera.designer.model.SeatDocument;
import dev.tessera.designer.numbering.RowLabels;
import dev.tessera.designer.numbering.SeatNumbering;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds the jobs that add new rows of seats, with fresh unique ids and numbering. */
public final class NewElements {
    /** The job and the seats it will add (for selecting them afterwards). */
    public record AddedSeats(StructureJob job, List<DesignSeat> seats, List<DesignRow> rows) {}

    private NewElements() {}

    /**
     * New rows at the end of the section (a new section if the document has none), labelled after
     * the section's last letter label, seats numbered left to right from 1.
     */
    public static AddedSeats rows(SeatDocument document, DesignSection section, List<List<Point>> positions,
            String categoryId, String description) {
        List<Placement> placements = new ArrayList<>();
        IdAllocator ids = new IdAllocator(document);
        DesignSection target = section;
        if (target == null) {
            target = new DesignSection(ids.allocate("S1"), Messages.get("section.defaultName", 1));
            placements.add(new Placement.OfSection(-1, target));
        }
        int next = nextRowPosition(target);
        RowLabels.Letters letters = new RowLabels.Letters();
        List<DesignSeat> seats = new ArrayList<>();
        List<DesignRow> rows = new ArrayList<>();
        for (List<Point> rowPositions : positions) {
            String label = letters.label(next++);
            DesignRow row = new DesignRow(ids.allocate(target.id() + "-" + label), label);
            placements.add(new Placement.OfRow(target, -1, row));
            rows.add(row);
            String[] numbers = SeatNumbering.leftToRight().labels(rowPositions.size());
            for (int j = 0; j < rowPositions.size(); j++) {
                Point p = rowPositions.get(j);
                DesignSeat seat = new DesignSeat(ids.allocate(row.id() + "-" + numbers[j]), numbers[j], p.x(), p.y(),
                        categoryId, Set.of());
                placements.add(new Placement.OfSeat(row, j, seat));
                seats.add(seat);
            }
        }
        return new AddedSeats(StructureJob.add(document, placements, description), seats, rows);
    }

    private static int nextRowPosition(DesignSection section) {
        RowLabels.Letters letters = new RowLabels.Letters();
        int next = 0;
        for (DesignRow row : section.rows()) {
            next = Math.max(next, letters.positionOf(row.label()) + 1);
        }
        return Math.max(next, 0);
    }
}
