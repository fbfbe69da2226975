package dev.tessera.contract.gate;

/** Issue 18: the gate staff mark a standing area full inside (or open it again). */
public record DoorState(Boolean full) {}
