package dev.tessera.contract.venue;

/** POST /api/venues/{venueId}/seat-maps: the version the new map got. */
public record SeatMapAdded(long venueId, int version, int seatCount) {}
