package dev.tessera.contract.event;

import java.util.List;
import java.util.Map;

/**
 * {@code areas}: places of general-admission areas set aside for the seller's offline counter, per area id (issue
 * 18); the seller's quota of the area's category still bounds what it sells.
 */
public record AuthorizeSeller(long sellerId, Map<String, Integer> quotas, List<String> seatIds,
                              Map<String, Integer> areas) {
    public AuthorizeSeller(long sellerId, Map<String, Integer> quotas, List<String> seatIds) {
        this(sellerId, quotas, seatIds, null);
    }
}
