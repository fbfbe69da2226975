package dev.tessera.designer.app;

import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.SeatMapFormat;
import dev.tessera.designer.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the sample venues as seat-map files: the 1,194-seat theatre, a 20,000-seat arena and a
 * 100,000-seat stadium. The build runs it into the jar's resources
 * ({@code dev/tessera/designer/samples}); run it by hand to get the files elsewhere:
 * {@code java -cp "seat-designer/target/seat-designer.jar:seat-designer/target/lib/*"
 * dev.tessera.designer.app.SampleVenueFiles DIR}.
 */
public final class SampleVenueFiles {
    /** The resource folder the samples are in, inside the jar. */
    public static final String RESOURCE_FOLDER = "/dev/tessera/designer/samples/";

    private SampleVenueFiles() {}

    /** File name (without folder) to venue, in the order the designer offers them. */
    public static Map<String, SeatMap> venues() {
        Map<String, SeatMap> venues = new LinkedHashMap<>();
        venues.put("theatre" + SeatMapFormat.FILE_EXTENSION, SampleVenues.theatre());
        venues.put("arena" + SeatMapFormat.FILE_EXTENSION, SampleVenues.arena(20_000));
        venues.put("stadium" + SeatMapFormat.FILE_EXTENSION, SampleVenues.stadium(100_000));
        return venues;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SampleVenueFiles OUTPUT-DIRECTORY");
        }
        Path directory = Path.of(args[0]);
        for (Map.Entry<String, SeatMap> venue : venues().entrySet()) {
            AtomicFiles.write(directory.resolve(venue.getKey()), out -> SeatMapFormat.write(venue.getValue(), out));
        }
    }
}
