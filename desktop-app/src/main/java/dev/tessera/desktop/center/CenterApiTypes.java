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
    }

    public record CategoryCount(String categoryId, int free, int held, int sold, int blocked) {}

    /**
     * Issue 18: a standing area's places; remaining is what can still be held (capacity less held, sold and allocated).
     */
    public record AreaCount(String areaId, String categoryId, int capacity, int held, int sold, int allocated,
                            int remaining, int admitted, boolean doorFull, long revision) {}

    /** Issue 18: a standing area marked full at the door (or opened again). */
    public record DoorState(boolean full) {}

    /** Seat ids by status (FREE, HELD, SOLD, BLOCKED), the caller's own allocated seats, the standing areas. */
    public record Availability(long eventId, long revision, Map<String, List<String>> seats,
                               List<String> allocatedToYou, List<CategoryCount> counts, List<AreaCount> areas) {
        public Availability {
            seats = seats == null ? Map.of() : Map.copyOf(seats);
            allocatedToYou = allocatedToYou == null ? List.of() : List.copyOf(allocatedToYou);
            counts = counts == null ? List.of() : List.copyOf(counts);
            areas = areas == null ? List.of() : List.copyOf(areas);
        }

        public Availability(long eventId, long revision, Map<String, List<String>> seats, List<String> allocatedToYou,
                            List<CategoryCount> counts) {
            this(eventId, revision, seats, allocatedToYou, counts, List.of());
        }
    }

    public record SeatChange(String seatId, String status, long revision) {}

    /** Changed seats, and the standing areas that changed with them (issue 18). */
    public record SeatChanges(long eventId, List<SeatChange> seats, List<AreaCount> areas) {
        public SeatChanges {
            seats = seats == null ? List.of() : List.copyOf(seats);
            areas = areas == null ? List.of() : List.copyOf(areas);
        }

        public SeatChanges(long eventId, List<SeatChange> seats) {
            this(eventId, seats, List.of());
        }
    }

    /** Seats and standing places per area id (issue 18) in one hold. */
    public record HoldRequest(List<String> seatIds, Map<String, Integer> areas) {
        public HoldRequest(List<String> seatIds) {
            this(seatIds, null);
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

    record Login(String loginId, String password) {}

    record Problem(String type, String title, Integer status, String detail, String instance) {}
}
