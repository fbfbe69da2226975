package dev.tessera.reports.occupancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.reports.data.EventInfo;
import dev.tessera.reports.remote.RemoteRows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 18: the occupancy report shows each standing area as a line beside the seated sections. */
class StandingAreaOccupancyTest {

    @Test
    void aStandingAreaIsOneLineWithItsPlacesAfterTheSeatedSections() {
        var arena = SampleVenues.arena(2_000);
        Instant doors = Instant.parse("2026-12-24T17:00:00Z");
        EventInfo event = new EventInfo(7, "Winter concert", "Tessera Players", "Tessera Arena", "Tokyo", doors,
                doors.plusSeconds(3_600), doors.plusSeconds(4 * 3_600), "JPY", "info@example.com", arena);
        var floor = arena.areas().getFirst();

        List<OccupancyRow> rows = RemoteRows.occupancy(event, Map.of(), Set.of(),
                List.of(new AreaPlaces(floor.id(), 1_000, 10, 200, 50, 30)));

        assertThat(rows).hasSize(arena.sections().stream().mapToInt(s -> (int) s.rows().stream()
                .flatMap(r -> r.seats().stream()).map(seat -> seat.categoryId()).distinct().count()).sum() + 1);
        OccupancyRow standing = rows.getLast();
        assertThat(standing).isEqualTo(new OccupancyRow(floor.name(), event.categoryName(floor.categoryId()), 1_000,
                200, 10, 50, 740, 30));
        assertThat(standing.soldShare()).isEqualTo(0.2);
        assertThat(RemoteRows.occupancy(event, Map.of(), Set.of())).as("without the center's area counts")
                .hasSize(rows.size() - 1);
    }
}
