package dev.tessera.desktop.center;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import dev.tessera.contract.sales.IssuedTicket;

/** The center's JSON for a member's own wallet (issue 14; docs/openapi.json): tickets, transfers, lost cards. */
public final class MemberApiTypes {
    private MemberApiTypes() {}

    /** A member's ticket at the center; state VALID means held on an active card (on it, or still to write). */
    public record MemberTicket(String ticketId, int version, long eventId, String eventName, Instant startsAt,
                               long venueId, int seatMapVersion, String seatId, String categoryId, String gateId,
                               long priceMinor, String currency, String holderChipId, String state, Long transferId,
                               Instant transferExpiresAt, String attendee) {}

    /** A pending transfer the member is party to: IN (to accept with the password) or OUT (waiting). */
    public record MemberTransfer(long transferId, String direction, String ticketId, long eventId, String eventName,
                                 Instant startsAt, long venueId, int seatMapVersion, String seatId, String categoryId,
                                 String fromChipId, String toChipId, String counterpart, boolean expired,
                                 boolean locked, Instant expiresAt) {}

    /** Issue 14: a member the counter found by name or login, with their cards (GET /api/members?q=). */
    public record MemberFound(long memberId, String loginId, String displayName, List<MemberCard> cards) {
        public MemberFound {
            cards = cards == null ? List.of() : List.copyOf(cards);
        }
    }

    /** One card of a found member: ACTIVE or BLOCKED, and the valid tickets on it (refused at the gates if blocked). */
    public record MemberCard(String chipId, String status, int validTickets, Instant registeredAt) {
        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    public record BlockedChip(String chipId, String status, int revokedTickets, Instant blockedAt) {}

    public record ChipReplacement(String fromChipId, String toChipId, List<IssuedTicket> tickets) {
        public ChipReplacement {
            tickets = tickets == null ? List.of() : List.copyOf(tickets);
        }
    }

    /** An event a member can buy at home: the seats left in the internet-sales quota, and how long a hold lasts. */
    public record OnSale(CenterApiTypes.EventInfo event, Map<String, Integer> quotaLeft, long holdSeconds) {
        public OnSale {
            quotaLeft = quotaLeft == null ? Map.of() : Map.copyOf(quotaLeft);
        }
    }

    /** Seats picked on the map and standing places per area id (issue 18), held at home (POST /api/me/holds). */
    public record MemberHold(long eventId, List<String> seatIds, java.util.Map<String, Integer> areas) {
        public MemberHold {
            areas = areas == null || areas.isEmpty() ? null : java.util.Map.copyOf(areas);
        }
    }

    /** The member's hold bought for their card, paid by card online. */
    public record Purchase(long holdId, String chipId, String paymentReference, List<String> attendees) {}
}
