package dev.tessera.desktop.counter;

import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;

/** Where a seat is, as a customer reads it: section, row, seat. */
record SeatPlace(String section, String row, String seat) {
    static SeatPlace of(SeatMap map, Seat seat) {
        for (var section : map.sections()) {
            for (var row : section.rows()) {
                if (row.seats().contains(seat)) {
                    return new SeatPlace(section.name(), row.label(), seat.label());
                }
            }
        }
        return new SeatPlace("", "", seat.label());
    }
}
