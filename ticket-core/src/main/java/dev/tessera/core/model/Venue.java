package dev.tessera.core.model;

/** A place with one or more seat-map versions; an event pins one version. */
public record Venue(long id, String name, String address, int latestSeatMapVersion) {
    public Venue {
        Require.positive(id, "venue id");
        Require.text(name, "venue name", 200);
        address = Require.optionalText(address, "venue address", 400);
        Require.notNegative(latestSeatMapVersion, "seat-map version");
    }
}
