package dev.tessera.contract.sales;

import java.util.List;
import java.util.Map;

/**
 * Seats by id or best available, and standing places: {@code areas} maps a general-admission area id to the number
 * of places (issue 18). A hold names seats, places or both.
 */
public record HoldRequest(List<String> seatIds, BestAvailable bestAvailable, Map<String, Integer> areas) {
    public HoldRequest(List<String> seatIds, BestAvailable bestAvailable) {
        this(seatIds, bestAvailable, null);
    }
}
