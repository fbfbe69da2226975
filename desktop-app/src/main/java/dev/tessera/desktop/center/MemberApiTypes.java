package dev.tessera.desktop.center;

import java.time.Instant;
import java.util.List;

/** The center's JSON for a member's own wallet (issue 14; docs/openapi.json): tickets, transfers, lost cards. */
public final class MemberApiTypes {
    private MemberApiTypes() {}

    /** A member's ticket at the center; state VALID means held on an active card (on it, or still to write). */
    public record MemberTicket(String ticketId, int version, long eventId, String eventName, Instant startsAt,
                               long venueId, int seatMapVersion, String seatId, String categoryId, String gateId,
                               long priceMinor, String currency, String holderChipId, String state, Long transferId,
                               Instant transferExpiresAt) {}

    /** A pending transfer the member is party to: IN (to accept with the password) or OUT (waiting). */
    public record MemberTransfer(long transferId, String direction, String ticketId, long eventId, String eventName,
                                 Instant startsAt, long venueId, int seatMapVersion, String seatId, String categoryId,
                                 String fromChipId, String toChipId, String counterpart, boolean expired,
                                 boolean locked, Instant expiresAt) {}

    /** Claims 64, 65 from home: the assignee named by their member login id. */
    public record StartTransferToMember(String ticketId, String toLoginId, String transferPassword) {}

    public record BlockChip(String reason) {}

    public record BlockedChip(String chipId, String status, int revokedTickets, Instant blockedAt) {}

    public record ReplaceChip(String toChipId) {}

    public record ChipReplacement(String fromChipId, String toChipId, List<CounterApiTypes.IssuedTicket> tickets) {
        public ChipReplacement {
            tickets = tickets == null ? List.of() : List.copyOf(tickets);
        }
    }
}
