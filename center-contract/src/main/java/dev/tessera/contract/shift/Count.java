package dev.tessera.contract.shift;

public record Count(long denominationMinor, int quantity) {}
