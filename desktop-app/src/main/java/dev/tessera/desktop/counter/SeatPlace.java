package dev.tessera.desktop.counter;

import dev.tessera.core.seatmap.Row;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.Section;

/** Where a seat is, as a customer reads it: section, row, seat. */
record SeatPlace(String section, String row, String seat) {
    /** From the map's own index of seats (a 100,000-seat map is not walked); an unknown seat is its id alone. */
    static SeatPlace of(SeatMap map, String seatId) {
        return new SeatPlace(map.sectionOf(seatId).map(Section::name).orElse(""),
                map.rowOf(seatId).map(Row::label).orElse(""), map.seat(seatId).map(Seat::label).orElse(seatId));
    }

    static SeatPlace of(SeatMap map, Seat seat) {
        return of(map, seat.id());
    }
}
