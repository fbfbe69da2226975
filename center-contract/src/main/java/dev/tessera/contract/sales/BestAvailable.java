package dev.tessera.contract.sales;

public record BestAvailable(int count, String categoryId) {}
