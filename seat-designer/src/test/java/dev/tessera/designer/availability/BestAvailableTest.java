package dev.tessera.designer.availability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.Point;
import dev.tessera.core.seatmap.Row;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.Section;
import dev.tessera.designer.geometry.IntList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BestAvailableTest {
    /** One row of ten seats 50 cm apart, the stage straight ahead of seat 5. */
    private static SeatMap oneRow(int rows) {
        List<Row> list = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<Seat> seats = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                seats.add(new Seat("R" + r + "-" + i, Integer.toString(i), i * 50, 300 + r * 90, "std"));
            }
            list.add(new Row("R" + r, "R" + r, seats));
        }
        return new SeatMap(1, "Hall", new Point(275, 0), List.of(new Category("std", "Standard", "#2E86C1")),
                List.of(new Section("S", "Stalls", list)), List.of(), List.of());
    }

    private static List<String> ids(AvailabilityBoard board, BestAvailable.Result result) {
        return result.seats().stream().map(i -> board.map().seats().get(i).id()).toList();
    }

    private static void sell(AvailabilityBoard board, String... ids) {
        Map<String, SeatStatus> changes = new HashMap<>();
        for (String id : ids) {
            changes.put(id, SeatStatus.SOLD);
        }
        board.apply(changes, new IntList());
    }

    @Test
    void theBlockNearestTheFocalPointIsChosen() {
        AvailabilityBoard board = new AvailabilityBoard(oneRow(3));
        BestAvailable.Result result = BestAvailable.find(board, 2, "std");
        assertThat(result.together()).isTrue();
        assertThat(ids(board, result)).containsExactly("R0-5", "R0-6");
    }

    @Test
    void aSingleStrandedSeatIsAvoidedWhenAnotherChoiceExists() {
        AvailabilityBoard board = new AvailabilityBoard(oneRow(1));
        // free: 1-4 and 7-10 (5, 6 sold); taking 3+4 would strand... no: 2-3 strands 1 and 4
        sell(board, "R0-5", "R0-6");
        BestAvailable.Result result = BestAvailable.find(board, 3, "std");
        // 2-4 would leave seat 1 alone; 1-3 leaves 4 alone; 7-9 leaves 10 alone; 8-10 leaves 7 alone:
        // every choice strands one, so the nearest is taken and the result says so
        assertThat(result.leavesStrandedSeat()).isTrue();
        BestAvailable.Result pair = BestAvailable.find(board, 2, "std");
        // 3-4 leaves 1-2 (two seats, fine) and is nearest the stage
        assertThat(ids(board, pair)).containsExactly("R0-3", "R0-4");
        assertThat(pair.leavesStrandedSeat()).isFalse();
    }

    @Test
    void aBlockThatWouldStrandOneSeatLosesToACleanBlockFurtherAway() {
        AvailabilityBoard board = new AvailabilityBoard(oneRow(2));
        // front row: only 4, 5, 6 free; taking 5-6 or 4-5 strands one seat; the back row is clean
        sell(board, "R0-1", "R0-2", "R0-3", "R0-7", "R0-8", "R0-9", "R0-10");
        BestAvailable.Result result = BestAvailable.find(board, 2, "std");
        assertThat(ids(board, result)).allMatch(id -> id.startsWith("R1-"));
        assertThat(result.leavesStrandedSeat()).isFalse();
    }

    @Test
    void whenNoRowHasTheSeatsTogetherTheNearestFreeSeatsAreOfferedApart() {
        AvailabilityBoard board = new AvailabilityBoard(oneRow(1));
        sell(board, "R0-2", "R0-4", "R0-6", "R0-8", "R0-10");
        BestAvailable.Result result = BestAvailable.find(board, 3, "std");
        assertThat(result.together()).isFalse();
        assertThat(result.seats()).hasSize(3);
        assertThat(BestAvailable.find(board, 6, "std").isEmpty()).isTrue();
    }

    @Test
    void onlyTheAskedCategoryAndNoWheelchairPlacesAreOffered() {
        SeatMap theatre = SampleVenues.theatre();
        AvailabilityBoard board = new AvailabilityBoard(theatre);
        BestAvailable.Result result = BestAvailable.find(board, 4, "balcony");
        assertThat(result.seats()).hasSize(4)
                .allMatch(i -> theatre.seats().get(i).categoryId().equals("balcony"));
        String row = theatre.rowOf(theatre.seats().get(result.seats().getFirst()).id()).orElseThrow().id();
        assertThat(result.seats()).allMatch(i -> theatre.rowOf(theatre.seats().get(i).id()).orElseThrow().id().equals(row));
    }

    @Test
    void countsFollowStatusChangesPerCategoryAndSection() {
        AvailabilityBoard board = new AvailabilityBoard(oneRow(2));
        assertThat(board.count(SeatStatus.FREE)).isEqualTo(20);
        sell(board, "R0-1", "R1-1");
        assertThat(board.count(SeatStatus.SOLD)).isEqualTo(2);
        assertThat(board.countInCategory(0, SeatStatus.FREE)).isEqualTo(18);
        assertThat(board.countInSection(0, SeatStatus.SOLD)).isEqualTo(2);
    }
}
