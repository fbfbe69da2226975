package dev.tessera.contract.saleslog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One page of the log (issue 13): whole sales in the order sold (time, then sale number), their tickets in seat
 * order; the totals are this page's. {@code next} is the cursor of the page after it (null on the last page).
 */
public record SalesLog(Filter filter, List<Line> lines, int tickets, long totalMinor, List<Total> bySeller,
                       List<Total> byEvent, List<Total> byDay, List<Total> byCategory, List<Total> byPayment,
                       List<TaxTotal> byRate, String next) {
    /** Every part optional; {@code paymentMethod} is CASH, CARD or INVOICE. */
    public record Filter(Instant from, Instant to, Long sellerId, Long eventId, String paymentMethod) {
        public Filter(Instant from, Instant to, Long sellerId, Long eventId) {
            this(from, to, sellerId, eventId, null);
        }
    }

    /**
     * One ticket sold: {@code status} is the ticket's now (VALID, USED or VOID); a voided ticket
     * keeps its line, so a manager sees sold, voided and refunded apart ({@code refundMinor}).
     */
    public record Line(long saleId, OffsetDateTime soldAt, long eventId, String eventName, long sellerId,
                       String sellerName, String ticketId, String seatId, String categoryId, long priceMinor,
                       String currency, String paymentMethod, String status, long refundMinor,
                       int taxRateBasisPoints) {}
}
