package dev.tessera.contract.sales;

import java.util.List;
import java.util.Map;

/** Seats named on the map, or the best N together in one category (claim 62). */
public record MemberHoldRequest(long eventId, List<String> seatIds, BestAvailable bestAvailable,
                                Map<String, Integer> areas) {
    /** Seats only. */
    public MemberHoldRequest(long eventId, List<String> seatIds, BestAvailable bestAvailable) {
        this(eventId, seatIds, bestAvailable, null);
    }
}
