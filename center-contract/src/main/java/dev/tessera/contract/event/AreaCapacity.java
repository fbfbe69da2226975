package dev.tessera.contract.event;

/** Issue 18: the organizer's new capacity of a standing area. */
public record AreaCapacity(Integer capacity) {}
