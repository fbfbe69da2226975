package dev.tessera.desktop.aftersales;

import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.Gate;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.contract.tax.EventTax;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import java.util.Optional;

/**
 * What paper and the clerk's list need besides the tickets: the event, its venue's address and seat map, and its tax
 * (issue 17: the rate of each category and the invoice issuer; null prints receipts without a tax block).
 */
public record EventPaper(EventInfo event, String venueAddress, SeatMap map, EventTax tax) {

    public EventPaper(EventInfo event, String venueAddress, SeatMap map) {
        this(event, venueAddress, map, null);
    }

    /** The tax rate of a category in basis points, 0 without the event's tax. */
    public int taxRate(String categoryId) {
        return tax == null ? 0 : tax.rateOf(categoryId);
    }

    /** Section, row and seat as printed; the raw seat id when the map does not know it. */
    public String[] place(String seatId) {
        Optional<Seat> seat = map.seat(seatId);
        if (seat.isPresent()) {
            for (var section : map.sections()) {
                for (var row : section.rows()) {
                    if (row.seats().contains(seat.get())) {
                        return new String[] {section.name(), row.label(), seat.get().label()};
                    }
                }
            }
        }
        // a standing ticket's seat id names its area: the area's name is its place, it has no row or seat
        for (var area : map.areas()) {
            if (area.id().equals(seatId)) {
                return new String[] {area.name(), "", ""};
            }
        }
        return new String[] {"", "", seatId};
    }

    /** The place on one receipt line: "Stalls K-12" for a seat, the area's name alone for a standing place. */
    public String where(String seatId) {
        String[] place = place(seatId);
        return place[1].isEmpty() && place[2].isEmpty() ? place[0] : place[0] + " " + place[1] + "-" + place[2];
    }

    public String categoryName(String categoryId) {
        return map.categories().stream().filter(c -> c.id().equals(categoryId)).findFirst().map(Category::name)
                .orElse(categoryId);
    }

    public String gateName(String gateId) {
        return map.gates().stream().filter(g -> g.id().equals(gateId)).findFirst().map(Gate::name).orElse(gateId);
    }
}
