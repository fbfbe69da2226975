package dev.tessera.reports.saleslog;

import java.time.Instant;

/** One sale's tickets of one category: a line of the sales log. */
public record SalesLogLine(long saleId, Instant soldAt, long eventId, String eventName, String currency,
                           long sellerId, String sellerName, String categoryName, String paymentMethod,
                           int tickets, long amountMinor) {}
