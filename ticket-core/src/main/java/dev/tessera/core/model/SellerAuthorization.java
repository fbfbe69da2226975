package dev.tessera.core.model;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Claims 30, 73, 74: a seller may sell an event up to a quota per category, and may hold seat
 * blocks allocated to it alone (the only seats it may sell while offline).
 */
public record SellerAuthorization(long eventId, long sellerId, String sellerName,
                                  Map<String, Integer> quotas, Set<String> allocatedSeats) {
    public SellerAuthorization {
        Require.positive(eventId, "event id");
        Require.positive(sellerId, "seller id");
        sellerName = Require.optionalText(sellerName, "seller name", 200);
        Require.notEmpty(quotas, "quotas");
        quotas.forEach((category, quota) -> Require.notNegative(quota, "quota of " + category));
        quotas = Map.copyOf(new TreeMap<>(quotas));
        allocatedSeats = Set.copyOf(new TreeSet<>(Require.noNulls(allocatedSeats, "allocated seats")));
    }

    public int quota(String categoryId) {
        return quotas.getOrDefault(categoryId, 0);
    }
}
