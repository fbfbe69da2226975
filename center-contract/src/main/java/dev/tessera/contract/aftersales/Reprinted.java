package dev.tessera.contract.aftersales;

public record Reprinted(String ticketId, int reprintNo, int version, boolean reissued, String encoded) {}
