package dev.tessera.desktop.events;

import dev.tessera.core.seatmap.Seat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Seats by square cell of the canvas, to find the seats a repainted rectangle touches without scanning them all. */
final class SeatBuckets {
    private final double cell;
    private final Map<Long, List<Seat>> cells = new HashMap<>();

    SeatBuckets(List<Seat> seats, SeatMapGeometry geometry, double cell) {
        this.cell = Math.max(1, cell);
        for (Seat s : seats) {
            cells.computeIfAbsent(key(index(geometry.x(s.x())), index(geometry.y(s.y()))), k -> new ArrayList<>()).add(s);
        }
    }

    /** Seats whose centre lies within {@code reach} of the rectangle's cells; a superset, never missing one. */
    Set<Seat> near(double x, double y, double w, double h, double reach) {
        Set<Seat> found = new LinkedHashSet<>();
        for (long cx = index(x - reach); cx <= index(x + w + reach); cx++) {
            for (long cy = index(y - reach); cy <= index(y + h + reach); cy++) {
                found.addAll(cells.getOrDefault(key(cx, cy), List.of()));
            }
        }
        return found;
    }

    private long index(double v) {
        return (long) Math.floor(v / cell);
    }

    private static long key(long cx, long cy) {
        return (cx << 32) ^ (cy & 0xffffffffL);
    }
}
