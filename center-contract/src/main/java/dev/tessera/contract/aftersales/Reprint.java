package dev.tessera.contract.aftersales;

public record Reprint(String reason, Boolean reissue) {}
