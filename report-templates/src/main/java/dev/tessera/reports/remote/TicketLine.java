package dev.tessera.reports.remote;

import java.time.Instant;

/**
 * One ticket of the center's sales log ({@code GET /api/sales-log}, claims 75, 88) as a client reads
 * it over HTTP: {@code status} is VALID, USED or VOID; a voided ticket may carry a refund.
 */
public record TicketLine(long saleId, Instant soldAt, long eventId, String eventName, long sellerId,
                         String sellerName, String ticketId, String seatId, String categoryId, long priceMinor,
                         String currency, String paymentMethod, String status, long refundMinor,
                         int taxRateBasisPoints) {
    /** A line without its tax rate (0): a center before issue 17. */
    public TicketLine(long saleId, Instant soldAt, long eventId, String eventName, long sellerId, String sellerName,
                      String ticketId, String seatId, String categoryId, long priceMinor, String currency,
                      String paymentMethod, String status, long refundMinor) {
        this(saleId, soldAt, eventId, eventName, sellerId, sellerName, ticketId, seatId, categoryId, priceMinor,
                currency, paymentMethod, status, refundMinor, 0);
    }

    public boolean voided() {
        return "VOID".equals(status);
    }
}
