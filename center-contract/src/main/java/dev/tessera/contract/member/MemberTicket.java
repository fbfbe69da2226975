package dev.tessera.contract.member;

import java.time.OffsetDateTime;

/** One ticket of the member's; venueId and seatMapVersion let a terminal put the seat into words. */
public record MemberTicket(String ticketId, int version, long eventId, String eventName, OffsetDateTime startsAt,
                           long venueId, int seatMapVersion, String seatId, String categoryId, String gateId,
                           long priceMinor, String currency, String holderChipId, State state, Long transferId,
                           OffsetDateTime transferExpiresAt, String attendee) {
    /** Where a ticket of the member's stands at the center. */
    public enum State {
        /** Held on an active card of the member's: on it, or waiting to be written to it. */
        VALID,
        /** The member asked to transfer it; the assignee has not accepted yet. */
        TRANSFER_PENDING,
        /** Accepted by the assignee: the member's copy is revoked. */
        TRANSFERRED,
        /** Admitted at a gate. */
        USED,
        /** Voided, refunded or exchanged. */
        REVOKED,
        /** On a card the member blocked: revoked at the gates until it is moved to the new card. */
        CARD_BLOCKED,
        /** The organizer cancelled the event: revoked at the gates, its price refunded by the seller. */
        EVENT_CANCELLED
    }
}
