package dev.tessera.reports.receipt;

import java.util.List;

/**
 * A counter receipt: the sale, its tickets and the payment. {@code tenderedMinor} is what the
 * customer handed over in cash; the center does not keep it, so the counter passes it in (or null).
 * {@code tax} (issue 17) names the invoice issuer and makes the receipt a qualified invoice (Japan) or a VAT
 * receipt, or a credit note for a refund; null prints no tax block.
 */
public record ReceiptData(long saleId, String soldAt, String seller, String eventName, String venueName,
                          String eventStartsAt, String currency, List<Line> lines, long totalMinor,
                          String paymentMethod, String paymentReference, Long tenderedMinor, Tax tax) {
    public ReceiptData {
        lines = List.copyOf(lines);
    }

    public ReceiptData(long saleId, String soldAt, String seller, String eventName, String venueName,
                       String eventStartsAt, String currency, List<Line> lines, long totalMinor,
                       String paymentMethod, String paymentReference, Long tenderedMinor) {
        this(saleId, soldAt, seller, eventName, venueName, eventStartsAt, currency, lines, totalMinor, paymentMethod,
                paymentReference, tenderedMinor, null);
    }

    /** One ticket on the receipt, its price tax-inclusive at its rate (basis points, 1000 = 10 %). */
    public record Line(String seat, String category, String attendee, long priceMinor, int taxRateBasisPoints) {
        public Line(String seat, String category, String attendee, long priceMinor) {
            this(seat, category, attendee, priceMinor, 0);
        }
    }

    /**
     * The issuer and the kind of document. {@code creditNoteNumber} non-null makes it a credit note (返還インボイス)
     * for money paid back on the receipt {@code saleId} names; its lines and total are what was refunded.
     */
    public record Tax(String issuerName, String registrationNumber, boolean qualifiedInvoice, String creditNoteNumber) {
        public boolean creditNote() {
            return creditNoteNumber != null;
        }
    }

    public Long changeMinor() {
        return tenderedMinor == null ? null : tenderedMinor - totalMinor;
    }
}
