package dev.tessera.desktop.counter;

/**
 * One ticket on the receipt: where it is (section, row, seat, put into words by the view), category, price. A standing
 * place (issue 18) names its area as the section and has no row or seat.
 */
public record ReceiptLine(String ticketId, String seatId, String section, String row, String seat, String categoryName,
                          long priceMinor, String currency, boolean standing) {

    /** The line's place in words: "Stalls · row K · seat 12", or "Standing pit · standing place". */
    public dev.tessera.desktop.ui.Message place() {
        return standing ? dev.tessera.desktop.ui.Message.of("counter.receipt.standing", section)
                : dev.tessera.desktop.ui.Message.of("counter.receipt.place", section, row, seat);
    }
}
