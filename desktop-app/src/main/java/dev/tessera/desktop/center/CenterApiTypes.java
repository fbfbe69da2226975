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
                            String contact, String status) {
        public EventInfo {
            pricesMinor = pricesMinor == null ? Map.of() : Map.copyOf(pricesMinor);
            gates = gates == null ? List.of() : List.copyOf(gates);
            sellerNames = sellerNames == null ? List.of() : List.copyOf(sellerNames);
        }
    }

    public record CategoryCount(String categoryId, int free, int held, int sold, int blocked) {}

    /** Seat ids by status (FREE, HELD, SOLD, BLOCKED), and the caller's own allocated seats. */
    public record Availability(long eventId, long revision, Map<String, List<String>> seats,
                               List<String> allocatedToYou, List<CategoryCount> counts) {
        public Availability {
            seats = seats == null ? Map.of() : Map.copyOf(seats);
            allocatedToYou = allocatedToYou == null ? List.of() : List.copyOf(allocatedToYou);
            counts = counts == null ? List.of() : List.copyOf(counts);
        }
    }

    public record SeatChange(String seatId, String status, long revision) {}

    public record SeatChanges(long eventId, List<SeatChange> seats) {
        public SeatChanges {
            seats = seats == null ? List.of() : List.copyOf(seats);
        }
    }

    public record HoldRequest(List<String> seatIds) {}

    public record Hold(long id, long eventId, long sellerId, List<String> seatIds, Instant expiresAt, String status) {}

    record Login(String loginId, String password) {}

    record Problem(String type, String title, Integer status, String detail, String instance) {}
}
