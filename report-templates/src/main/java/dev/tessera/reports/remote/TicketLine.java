package dev.tessera.reports.remote;

import java.time.Instant;

/**
 * One ticket of the center's sales log ({@code GET /api/sales-log}, claims 75, 88) as a client reads
 * it over HTTP: {@code status} is VALID, USED or VOID; a voided ticket may carry a refund.
 */
public record TicketLine(long saleId, Instant soldAt, long eventId, String eventName, long sellerId,
                         String sellerName, String ticketId, String seatId, String categoryId, long priceMinor,
                         String currency, String paymentMethod, String status, long refundMinor) {
    public boolean voided() {
        return "VOID".equals(status);
    }
}
