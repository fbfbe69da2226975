package dev.tessera.designer.numbering;

import dev.tessera.core.seatmap.Point;
import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.job.PropertyEdit;
import dev.tessera.designer.job.SetPropertiesJob;
import dev.tessera.designer.model.DesignRow;
import dev.tessera.designer.model.DesignSeat;
import dev.tessera.designer.model.DocumentChange;
import dev.tessera.designer.model.SeatDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renumbers a selection as one undoable job: the rows that hold selected seats get labels in
 * order from the front (nearest the focal point) to the back, and the selected seats of each row
 * get numbers in the row's order. Seat ids never change: tickets refer to them.
 */
public final class Renumbering {
    private Renumbering() {}

    /**
     * @param rowLabels null to keep the rows' labels
     * @param numbering null to keep the seats' labels
     */
    public static SetPropertiesJob job(SeatDocument document, Collection<DesignSeat> seats, RowLabels rowLabels,
            SeatNumbering numbering) {
        Map<DesignRow, List<DesignSeat>> byRow = new LinkedHashMap<>();
        for (DesignSeat seat : seats) {
            if (seat.row() != null) {
                byRow.computeIfAbsent(seat.row(), r -> new ArrayList<>()).add(seat);
            }
        }
        List<PropertyEdit<?, ?>> edits = new ArrayList<>();
        if (rowLabels != null) {
            Point focus = document.focalPoint();
            List<DesignRow> rows = new ArrayList<>(byRow.keySet());
            rows.sort(Comparator.comparingDouble(row -> distance(row, focus)));
            for (int i = 0; i < rows.size(); i++) {
                DesignRow row = rows.get(i);
                edits.add(new PropertyEdit<>(row, DesignRow::setLabel, row.label(), rowLabels.label(i)));
            }
        }
        if (numbering != null) {
            for (Map.Entry<DesignRow, List<DesignSeat>> entry : byRow.entrySet()) {
                List<DesignSeat> rowSeats = new ArrayList<>(entry.getValue());
                List<DesignSeat> order = entry.getKey().seats();
                rowSeats.sort(Comparator.comparingInt(order::indexOf));
                String[] labels = numbering.labels(rowSeats.size());
                for (int i = 0; i < labels.length; i++) {
                    DesignSeat seat = rowSeats.get(i);
                    edits.add(new PropertyEdit<>(seat, DesignSeat::setLabel, seat.label(), labels[i]));
                }
            }
        }
        return new SetPropertiesJob(document, edits, DocumentChange.Kind.SEATS_RESTYLED,
                Messages.get("job.renumber", seats.size()));
    }

    private static double distance(DesignRow row, Point focus) {
        double x = 0;
        double y = 0;
        for (DesignSeat seat : row.seats()) {
            x += seat.x();
            y += seat.y();
        }
        int n = Math.max(1, row.seats().size());
        return Math.hypot(x / n - focus.x(), y / n - focus.y());
    }
}
