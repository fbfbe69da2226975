package dev.tessera.reports.data;

import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.Gate;
import dev.tessera.core.seatmap.Row;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.Section;
import java.time.Instant;

/** An event's service information (claim 71) with the seat map it pins, for labels on paper. */
public record EventInfo(long id, String name, String servicer, String venueName, String venueAddress,
                        Instant doorsOpen, Instant startsAt, Instant endsAt, String currency, String contact,
                        SeatMap seatMap) {

    public String categoryName(String categoryId) {
        return seatMap.category(categoryId).map(Category::name).orElse(categoryId);
    }

    public String sectionName(String seatId) {
        return seatMap.sectionOf(seatId).map(Section::name).orElse("");
    }

    public String rowLabel(String seatId) {
        return seatMap.rowOf(seatId).map(Row::label).orElse("");
    }

    /** A standing (general-admission) area's name, for a standing ticket whose seat id names its area. */
    public String areaName(String areaId) {
        return seatMap.areas().stream().filter(a -> a.id().equals(areaId)).map(a -> a.name()).findFirst()
                .orElse(areaId);
    }

    public String seatLabel(String seatId) {
        return seatMap.seat(seatId).map(Seat::label).orElse(seatId);
    }

    /** A gate's name, or every gate's name when the ticket may enter by any (empty gate id). */
    public String gateName(String gateId) {
        if (gateId == null || gateId.isEmpty()) {
            return String.join(" / ", seatMap.gates().stream().map(Gate::name).toList());
        }
        return seatMap.gates().stream().filter(g -> g.id().equals(gateId)).map(Gate::name).findFirst().orElse(gateId);
    }
}
