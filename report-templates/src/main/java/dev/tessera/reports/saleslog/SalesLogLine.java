package dev.tessera.reports.saleslog;

import java.time.Instant;

/**
 * A line of the sales log: one sale's tickets of one category ({@link Kind#SALE}, amount positive), or one
 * ticket voided after the sale, dated when the void happened: {@link Kind#REFUND} (and the returned ticket of
 * an {@link Kind#EXCHANGE}) with the money paid back as a negative amount, {@link Kind#VOID} with no money back
 * (amount 0). A voided ticket counts -1 in {@code tickets}. {@code paymentMethod} is CASH, CARD or INVOICE: the
 * sale's, or for a refund the method the money went back by, as the shift's drawer counts it.
 */
public record SalesLogLine(Kind kind, long saleId, Instant at, long eventId, String eventName, String currency,
                           long sellerId, String sellerName, String categoryName, String paymentMethod,
                           int tickets, long amountMinor, int taxRateBasisPoints) {
    public enum Kind { SALE, VOID, REFUND, EXCHANGE }

    /** A line without its tax rate (0). */
    public SalesLogLine(Kind kind, long saleId, Instant at, long eventId, String eventName, String currency,
                        long sellerId, String sellerName, String categoryName, String paymentMethod, int tickets,
                        long amountMinor) {
        this(kind, saleId, at, eventId, eventName, currency, sellerId, sellerName, categoryName, paymentMethod, tickets,
                amountMinor, 0);
    }

    /** A sale's line. */
    public static SalesLogLine sale(long saleId, Instant at, long eventId, String eventName, String currency,
                                    long sellerId, String sellerName, String categoryName, String paymentMethod,
                                    int tickets, long amountMinor) {
        return sale(saleId, at, eventId, eventName, currency, sellerId, sellerName, categoryName, paymentMethod, tickets,
                amountMinor, 0);
    }

    /** A sale's line at its tax rate (issue 17: basis points, 1000 = 10 %). */
    public static SalesLogLine sale(long saleId, Instant at, long eventId, String eventName, String currency,
                                    long sellerId, String sellerName, String categoryName, String paymentMethod,
                                    int tickets, long amountMinor, int taxRateBasisPoints) {
        return new SalesLogLine(Kind.SALE, saleId, at, eventId, eventName, currency, sellerId, sellerName, categoryName,
                paymentMethod, tickets, amountMinor, taxRateBasisPoints);
    }

    /** Whether the line takes a ticket back (void, refund, exchange). */
    public boolean voids() {
        return kind != Kind.SALE;
    }

    /** The money paid back, 0 for a sale or a void without refund. */
    public long refundMinor() {
        return voids() ? -amountMinor : 0;
    }
}
