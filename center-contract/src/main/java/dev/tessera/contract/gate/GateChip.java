package dev.tessera.contract.gate;

public record GateChip(String chipId, String publicKey, String gateKey) {}
