package dev.tessera.contract.availability;

import java.util.List;

/** Seats changed since a revision; the standing areas' counts as they are now (a handful of rows). */
public record AvailabilityDelta(long eventId, long revision, List<SeatChange> changes, List<AreaCount> areas) {}
