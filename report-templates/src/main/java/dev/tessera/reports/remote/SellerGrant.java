package dev.tessera.reports.remote;

import java.util.Map;
import java.util.Set;

/** A seller's authorization for an event ({@code GET /api/events/{id}/authorizations}, claims 30, 73, 74). */
public record SellerGrant(long eventId, long sellerId, String sellerName, Map<String, Integer> quotas,
                          Set<String> allocatedSeatIds) {
    public SellerGrant {
        quotas = quotas == null ? Map.of() : Map.copyOf(quotas);
        allocatedSeatIds = allocatedSeatIds == null ? Set.of() : Set.copyOf(allocatedSeatIds);
    }
}
