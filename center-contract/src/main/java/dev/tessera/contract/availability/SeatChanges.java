package dev.tessera.contract.availability;

import java.util.List;

/** Changed seats, and the counts of the standing areas that changed with them (issue 18). */
public record SeatChanges(long eventId, List<SeatChange> seats, List<AreaCount> areas) {}
