package dev.tessera.desktop.organizer;

import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.SeatMap;
import java.util.function.Supplier;

/** Where a new venue's first seat map comes from: the designer's plan or one of ticket-core's samples. */
public enum MapSource {
    DESIGNER(null),
    THEATRE(SampleVenues::theatre),
    ARENA(() -> SampleVenues.arena(20_000)),
    STADIUM(() -> SampleVenues.stadium(100_000));

    private final Supplier<SeatMap> sample;

    MapSource(Supplier<SeatMap> sample) {
        this.sample = sample;
    }

    boolean isSample() {
        return sample != null;
    }

    SeatMap sample() {
        return sample.get();
    }

    public String messageKey() {
        return "organizer.venue.source." + name();
    }
}
