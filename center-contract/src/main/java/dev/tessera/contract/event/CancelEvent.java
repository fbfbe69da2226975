package dev.tessera.contract.event;

public record CancelEvent(String reason) {}
