package dev.tessera.desktop.center;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The organizer's calls to the center (docs/openapi.json): venues, seat-map versions, events, sellers. */
public final class OrganizerApiTypes {
    private OrganizerApiTypes() {}

    public record Venue(long id, String name, String address, int latestSeatMapVersion) {}

    public record SeatMapSaved(long venueId, int version, int seatCount) {}

    /** Claim 71: the service information of a new event; it starts as a draft. */
    /** {@code attendeeNamesRequired}: claim 70, every ticket must name its attendee. */
    public record NewEvent(String name, String servicer, long venueId, int seatMapVersion, Instant doorsOpen,
                           Instant startsAt, Instant endsAt, String currency, Map<String, Long> pricesMinor,
                           List<String> gates, String contact, boolean attendeeNamesRequired) {
        public NewEvent {
            pricesMinor = Map.copyOf(pricesMinor);
            gates = List.copyOf(gates);
        }
    }

    /**
     * Claims 30, 73, 74: quotas per category and seat blocks for one seller; {@code areas} (issue 18): the seller's
     * allocation of standing places per area id becomes this quantity (null leaves every allocation as it is).
     */
    public record AuthorizeSeller(long sellerId, Map<String, Integer> quotas, List<String> seatIds,
                                  Map<String, Integer> areas) {
        public AuthorizeSeller {
            quotas = Map.copyOf(quotas);
            seatIds = List.copyOf(seatIds);
            areas = areas == null || areas.isEmpty() ? null : Map.copyOf(areas);
        }

        public AuthorizeSeller(long sellerId, Map<String, Integer> quotas, List<String> seatIds) {
            this(sellerId, quotas, seatIds, null);
        }
    }

    /** Issue 18: a standing area's new capacity, never below its places sold, held and allocated. */
    public record AreaCapacity(int capacity) {}

    /** What a release did: the authorization afterwards, the seats now free for all, the named seats that stayed. */
    public record Released(ManagerApiTypes.Authorization authorization, List<String> released, List<String> kept) {
        public Released {
            released = released == null ? List.of() : List.copyOf(released);
            kept = kept == null ? List.of() : List.copyOf(kept);
        }
    }

    /** What a cancellation or a move did. */
    public record EventChanged(CenterApiTypes.EventInfo event, int revokedTickets, int reissuedTickets) {}
}
