package dev.tessera.contract.event;

/** The money to give back for one seller and payment method: tickets still valid when the event was cancelled. */
public record RefundLine(long sellerId, String sellerName, String paymentMethod, int tickets, long amountMinor) {}
