package dev.tessera.contract.event;

import java.util.List;

/** Seats to take back from a seller's block. */
public record ReleaseSeats(List<String> seatIds) {}
