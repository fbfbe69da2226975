package dev.tessera.core.model;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Claims 30, 73, 74: a seller may sell an event up to a quota per category, and may hold seat
 * blocks allocated to it alone (the only seats it may sell while offline).
 *
 * @param allocatedAreas     issue 18: places of general-admission areas set aside for the seller's offline counter,
 *                           per area id
 * @param allocatedAreasSold of those, the places the seller has sold (offline sales that reached the center)
 */
public record SellerAuthorization(long eventId, long sellerId, String sellerName,
                                  Map<String, Integer> quotas, Set<String> allocatedSeats,
                                  Map<String, Integer> allocatedAreas, Map<String, Integer> allocatedAreasSold) {
    public SellerAuthorization(long eventId, long sellerId, String sellerName, Map<String, Integer> quotas,
                               Set<String> allocatedSeats) {
        this(eventId, sellerId, sellerName, quotas, allocatedSeats, Map.of(), Map.of());
    }

    public SellerAuthorization {
        Require.positive(eventId, "event id");
        Require.positive(sellerId, "seller id");
        sellerName = Require.optionalText(sellerName, "seller name", 200);
        Require.notEmpty(quotas, "quotas");
        quotas.forEach((category, quota) -> Require.notNegative(quota, "quota of " + category));
        quotas = Map.copyOf(new TreeMap<>(quotas));
        allocatedSeats = Set.copyOf(new TreeSet<>(Require.noNulls(allocatedSeats, "allocated seats")));
        allocatedAreas = allocatedAreas == null ? Map.of() : Map.copyOf(new TreeMap<>(allocatedAreas));
        allocatedAreasSold = allocatedAreasSold == null ? Map.of() : Map.copyOf(new TreeMap<>(allocatedAreasSold));
    }

    /** Issue 18: the places of a standing area the seller's offline counter may still sell. */
    public int allocatedPlacesLeft(String areaId) {
        return allocatedAreas.getOrDefault(areaId, 0) - allocatedAreasSold.getOrDefault(areaId, 0);
    }

    public int quota(String categoryId) {
        return quotas.getOrDefault(categoryId, 0);
    }
}
