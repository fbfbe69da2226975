package dev.tessera.desktop.center;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The parts of the center's JSON (docs/openapi.json) the desktop reads. Unknown fields are ignored,
 * so a newer center that adds fields still works with this client.
 */
public final class CenterApiTypes {
    private CenterApiTypes() {}

    public record Account(long accountId, String loginId, String role, String displayName) {}

    public record Session(String token, Account account, Instant expiresAt) {}

    public record EventInfo(long id, String name, String servicer, long venueId, String venueName, int seatMapVersion,
                            Instant doorsOpen, Instant startsAt, Instant endsAt, String currency,
                            Map<String, Long> pricesMinor, List<String> gates, List<String> sellerNames,
                            String contact, String status, boolean attendeeNamesRequired) {
        public EventInfo {
            pricesMinor = pricesMinor == null ? Map.of() : Map.copyOf(pricesMinor);
            gates = gates == null ? List.of() : List.copyOf(gates);
            sellerNames = sellerNames == null ? List.of() : List.copyOf(sellerNames);
        }

        /** The event of a member shop's {@code OnSale}, which carries ticket-core's record. */
        public static EventInfo of(dev.tessera.core.model.Event e) {
            return new EventInfo(e.id(), e.name(), e.servicer(), e.venueId(), e.venueName(), e.seatMapVersion(),
                    e.doorsOpen(), e.startsAt(), e.endsAt(), e.currency(), e.pricesMinor(), e.gates(), e.sellerNames(),
                    e.contact(), e.status() == null ? null : e.status().name(), e.attendeeNamesRequired());
        }
    }

    public record Hold(long id, long eventId, long sellerId, List<String> seatIds, Map<String, Integer> areas,
                       Instant expiresAt, String status) {
        public Hold {
            seatIds = seatIds == null ? List.of() : List.copyOf(seatIds);
            areas = areas == null ? Map.of() : Map.copyOf(areas);
        }

        public Hold(long id, long eventId, long sellerId, List<String> seatIds, Instant expiresAt, String status) {
            this(id, eventId, sellerId, seatIds, Map.of(), expiresAt, status);
        }
    }
}
