package dev.tessera.contract.event;

/** One sale to refund: who sold it, how it was paid, to whom (the member, or null for a walk-in customer). */
public record RefundSale(long saleId, long sellerId, String sellerName, String paymentMethod, String paymentRef,
                         String customer, int tickets, long amountMinor) {}
