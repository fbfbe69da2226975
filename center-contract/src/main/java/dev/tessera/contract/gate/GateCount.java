package dev.tessera.contract.gate;

public record GateCount(String gateId, int admitted, int refused) {}
