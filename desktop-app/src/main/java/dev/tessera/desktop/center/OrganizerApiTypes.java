package dev.tessera.desktop.center;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The organizer's calls to the center (docs/openapi.json): venues, seat-map versions, events, sellers. */
public final class OrganizerApiTypes {
    private OrganizerApiTypes() {}

    public record Venue(long id, String name, String address, int latestSeatMapVersion) {}

    public record SeatMapSaved(long venueId, int version, int seatCount) {}
}
