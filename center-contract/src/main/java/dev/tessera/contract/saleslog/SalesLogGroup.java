package dev.tessera.contract.saleslog;

/**
 * Issue 13: one event and seller with sales in a log's period ({@code sales}, of the payment method asked for) or
 * tickets of its sales taken back in it ({@code voids}, whatever the payment), so a client can read the log one
 * event and seller at a time in the order it prints them.
 */
public record SalesLogGroup(long eventId, String eventName, long sellerId, String sellerName, int sales, int voids) {}
