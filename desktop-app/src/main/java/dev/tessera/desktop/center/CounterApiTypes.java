package dev.tessera.desktop.center;

import java.util.List;
import java.util.Map;

/** The center's JSON for terminals, sales, chips and transfers (docs/openapi.json, docs/terminal-sync.md). */
public final class CounterApiTypes {
    private CounterApiTypes() {}

    /** allocatedAreas: standing places set aside for this seller's offline counter per area id (issue 18). */
    public record SellerAuthorization(long eventId, long sellerId, String sellerName, Map<String, Integer> quotas,
                                      List<String> allocatedSeats, Map<String, Integer> allocatedAreas,
                                      Map<String, Integer> allocatedAreasSold) {
        public SellerAuthorization {
            quotas = quotas == null ? Map.of() : Map.copyOf(quotas);
            allocatedSeats = allocatedSeats == null ? List.of() : List.copyOf(allocatedSeats);
            allocatedAreas = allocatedAreas == null ? Map.of() : Map.copyOf(allocatedAreas);
            allocatedAreasSold = allocatedAreasSold == null ? Map.of() : Map.copyOf(allocatedAreasSold);
        }

        public SellerAuthorization(long eventId, long sellerId, String sellerName, Map<String, Integer> quotas,
                                   List<String> allocatedSeats) {
            this(eventId, sellerId, sellerName, quotas, allocatedSeats, Map.of(), Map.of());
        }

        /** The places of a standing area this seller's offline counter may still sell. */
        public int allocatedPlacesLeft(String areaId) {
            return allocatedAreas.getOrDefault(areaId, 0) - allocatedAreasSold.getOrDefault(areaId, 0);
        }
    }
}
