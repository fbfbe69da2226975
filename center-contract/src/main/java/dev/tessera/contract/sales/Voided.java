package dev.tessera.contract.sales;

public record Voided(String ticketId, int version, long saleId, long refundMinor, String reason, Long refundId) {}
