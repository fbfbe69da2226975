package dev.tessera.desktop.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.GeneralAdmissionArea;
import dev.tessera.core.seatmap.Point;
import dev.tessera.core.seatmap.Row;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.SeatMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttendeeNamesTest {
    private static final SeatMap THEATRE = SampleVenues.theatre();

    /** A row's ninth and tenth seats: "…-9" comes before "…-10" on the map, after it among sorted ids. */
    private static List<String> ninthAndTenth() {
        Row row = THEATRE.sections().stream().flatMap(s -> s.rows().stream()).filter(r -> r.seats().size() >= 10)
                .findFirst().orElseThrow();
        return List.of(row.seats().get(8).id(), row.seats().get(9).id());
    }

    @Test
    void namesTypedInTheBasketsOrderLandOnTheSeatsTheyWereTypedFor() {
        List<String> seats = ninthAndTenth();
        assertThat(seats.get(1)).as("the center issues the tenth seat first").isLessThan(seats.get(0));

        List<String> issued = AttendeeNames.inIssueOrder(List.of("Nina Nine", "Toru Ten"), THEATRE,
                List.of(seats.get(1), seats.get(0)), Map.of());

        assertThat(issued).as("in the center's order: the tenth seat, then the ninth")
                .containsExactly("Toru Ten", "Nina Nine");
    }

    @Test
    void aNameLeftOutStaysOnItsOwnSeat() {
        List<String> seats = ninthAndTenth();

        List<String> issued = AttendeeNames.inIssueOrder(AttendeeNames.parse(", Toru Ten"), THEATRE, seats, Map.of());

        assertThat(issued).containsExactly("Toru Ten");
        assertThat(AttendeeNames.inIssueOrder(AttendeeNames.parse("Nina Nine"), THEATRE, seats, Map.of()))
                .containsExactly(null, "Nina Nine");
    }

    @Test
    void standingPlacesFollowTheSeatsInTheMapsOrderOfItsAreas() {
        List<Category> categories = new ArrayList<>(THEATRE.categories());
        categories.add(new Category("standing", "Standing", "#8E44AD"));
        List<Point> square = List.of(new Point(0, 0), new Point(10, 0), new Point(10, 10), new Point(0, 10));
        SeatMap withAreas = new SeatMap(THEATRE.formatVersion(), "with areas", THEATRE.focalPoint(), categories,
                THEATRE.sections(), List.of(new GeneralAdmissionArea("ZED", "Front", "standing", 50, square),
                        new GeneralAdmissionArea("ALPHA", "Back", "standing", 50, square)), THEATRE.gates());
        List<String> seats = ninthAndTenth();

        List<String> issued = AttendeeNames.inIssueOrder(
                AttendeeNames.parse("Nina Nine, Toru Ten, Fumi Front, Bo Back"), withAreas, seats,
                Map.of("ZED", 1, "ALPHA", 1));

        assertThat(issued).as("seat ids sorted, then the areas by id")
                .containsExactly("Toru Ten", "Nina Nine", "Bo Back", "Fumi Front");
    }

    @Test
    void moreNamesThanTicketsAreLeftForTheCallerToRefuse() {
        List<String> typed = List.of("A", "B", "C");

        assertThat(AttendeeNames.inIssueOrder(typed, THEATRE, ninthAndTenth(), Map.of())).isEqualTo(typed);
    }
}
