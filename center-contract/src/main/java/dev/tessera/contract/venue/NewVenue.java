package dev.tessera.contract.venue;

/** POST /api/venues. */
public record NewVenue(String name, String address) {}
