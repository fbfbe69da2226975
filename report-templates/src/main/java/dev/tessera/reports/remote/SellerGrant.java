package dev.tessera.reports.remote;

import java.util.Map;
import java.util.Set;

/**
 * A seller's authorization for an event ({@code GET /api/events/{id}/authorizations}, claims 30, 73, 74): quotas per
 * category, allocated seats, and (issue 18) places of standing areas allocated to its offline counter, area id to
 * places, with how many of them it sold.
 */
public record SellerGrant(long eventId, long sellerId, String sellerName, Map<String, Integer> quotas,
                          Set<String> allocatedSeatIds, Map<String, Integer> allocatedAreas,
                          Map<String, Integer> allocatedAreasSold) {
    public SellerGrant {
        quotas = quotas == null ? Map.of() : Map.copyOf(quotas);
        allocatedSeatIds = allocatedSeatIds == null ? Set.of() : Set.copyOf(allocatedSeatIds);
        allocatedAreas = allocatedAreas == null ? Map.of() : Map.copyOf(allocatedAreas);
        allocatedAreasSold = allocatedAreasSold == null ? Map.of() : Map.copyOf(allocatedAreasSold);
    }

    /** A grant without standing places. */
    public SellerGrant(long eventId, long sellerId, String sellerName, Map<String, Integer> quotas,
                       Set<String> allocatedSeatIds) {
        this(eventId, sellerId, sellerName, quotas, allocatedSeatIds, Map.of(), Map.of());
    }
}
