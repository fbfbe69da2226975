package dev.tessera.desktop.aftersales;

import java.time.Instant;

/**
 * Issue 17: one refund made at this counter, as its credit note prints it: numbered CN-{refundId} (the center's
 * refund number), referring to the sale's receipt, the amount paid back at the rate kept with the ticket at sale time.
 */
public record CreditNote(long refundId, long saleId, long eventId, String ticketId, String seatId, String categoryId,
                         String attendee, long amountMinor, String method, String reference, Instant refundedAt,
                         int taxRateBasisPoints) {
    /** CN- and the refund's number (docs/tax.md). */
    public String number() {
        return "CN-" + refundId;
    }
}
