package dev.tessera.contract.saleslog;

public record Total(String key, int tickets, long amountMinor) {}
