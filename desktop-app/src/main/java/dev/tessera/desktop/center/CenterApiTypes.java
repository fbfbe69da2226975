package dev.tessera.desktop.center;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The desktop's own view of an event: the center answers with ticket-core's {@code Event}, which {@link EventInfo#of}
 * turns into this record (the status as its name), the one place the two meet.
 */
public final class CenterApiTypes {
    private CenterApiTypes() {}

    public record EventInfo(long id, String name, String servicer, long venueId, String venueName, int seatMapVersion,
                            Instant doorsOpen, Instant startsAt, Instant endsAt, String currency,
                            Map<String, Long> pricesMinor, List<String> gates, List<String> sellerNames,
                            String contact, String status, boolean attendeeNamesRequired) {
        public EventInfo {
            pricesMinor = pricesMinor == null ? Map.of() : Map.copyOf(pricesMinor);
            gates = gates == null ? List.of() : List.copyOf(gates);
            sellerNames = sellerNames == null ? List.of() : List.copyOf(sellerNames);
        }

        /** The one mapping from the center's event (ticket-core's record, as every event answer and a member shop's {@code OnSale} carry it). */
        public static EventInfo of(dev.tessera.core.model.Event e) {
            return new EventInfo(e.id(), e.name(), e.servicer(), e.venueId(), e.venueName(), e.seatMapVersion(),
                    e.doorsOpen(), e.startsAt(), e.endsAt(), e.currency(), e.pricesMinor(), e.gates(), e.sellerNames(),
                    e.contact(), e.status() == null ? null : e.status().name(), e.attendeeNamesRequired());
        }
    }
}
