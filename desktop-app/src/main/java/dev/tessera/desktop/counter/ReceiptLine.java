package dev.tessera.desktop.counter;

/** One ticket on the receipt: where it is (section, row, seat, put into words by the view), category, price. */
public record ReceiptLine(String ticketId, String seatId, String section, String row, String seat, String categoryName,
                          long priceMinor, String currency) {}
