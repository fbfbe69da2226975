package dev.tessera.reports.receipt;

import java.util.List;

/**
 * A counter receipt: the sale, its tickets and the payment. {@code tenderedMinor} is what the
 * customer handed over in cash; the center does not keep it, so the counter passes it in (or null).
 */
public record ReceiptData(long saleId, String soldAt, String seller, String eventName, String venueName,
                          String eventStartsAt, String currency, List<Line> lines, long totalMinor,
                          String paymentMethod, String paymentReference, Long tenderedMinor) {
    public ReceiptData {
        lines = List.copyOf(lines);
    }

    /** One ticket on the receipt. */
    public record Line(String seat, String category, String attendee, long priceMinor) {}

    public Long changeMinor() {
        return tenderedMinor == null ? null : tenderedMinor - totalMinor;
    }
}
