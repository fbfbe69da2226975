package dev.tessera.contract.sales;

/** refundMethod CASH or CARD (default CASH) and refundReference (a card refund's reference) matter only with refund. */
public record VoidTicket(String reason, Boolean refund, RefundMethod refundMethod, String refundReference) {}
