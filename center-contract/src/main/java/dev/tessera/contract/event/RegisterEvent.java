package dev.tessera.contract.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code attendeeNamesRequired}: a name on every ticket (claim 70); optional, not required when absent. */
public record RegisterEvent(String name, String servicer, long venueId, int seatMapVersion, Instant doorsOpen,
                            Instant startsAt, Instant endsAt, String currency, Map<String, Long> pricesMinor,
                            List<String> gates, String contact, Boolean attendeeNamesRequired) {
    public RegisterEvent(String name, String servicer, long venueId, int seatMapVersion, Instant doorsOpen,
                         Instant startsAt, Instant endsAt, String currency, Map<String, Long> pricesMinor,
                         List<String> gates, String contact) {
        this(name, servicer, venueId, seatMapVersion, doorsOpen, startsAt, endsAt, currency, pricesMinor, gates,
                contact, null);
    }
}
