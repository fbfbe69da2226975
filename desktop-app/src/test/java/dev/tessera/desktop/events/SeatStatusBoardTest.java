package dev.tessera.desktop.events;

import dev.tessera.designer.availability.SeatStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.contract.availability.Availability;
import dev.tessera.contract.availability.SeatChange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;


class SeatStatusBoardTest {
    private final SeatMap map = SampleVenues.theatre();
    private final List<String> ids = map.seats().stream().map(Seat::id).toList();
    private final String first = ids.getFirst();
    private final String second = ids.get(1);

    private Availability allFreeBut(long revision, Map<String, List<String>> others, List<String> mine) {
        List<String> free = ids.stream().filter(id -> others.values().stream().noneMatch(l -> l.contains(id))).toList();
        HashMap<String, List<String>> seats = new HashMap<>(others);
        seats.put("FREE", free);
        return new Availability(1, revision, seats, mine, List.of(), List.of());
    }

    @Test
    void snapshotSetsEveryStatusAndTheCountsPerCategory() {
        SeatStatusBoard board = new SeatStatusBoard(map);
        assertThat(board.status(first)).isNull();
        var changed = board.applySnapshot(allFreeBut(5, Map.of("SOLD", List.of(first)), List.of(second)));
        assertThat(changed).hasSize(ids.size());
        assertThat(board.status(first)).isEqualTo(SeatStatus.SOLD);
        assertThat(board.status(second)).isEqualTo(SeatStatus.FREE);
        assertThat(board.isAllocatedToYou(second)).isTrue();
        String category = map.seat(first).orElseThrow().categoryId();
        long seatsInCategory = map.seats().stream().filter(s -> s.categoryId().equals(category)).count();
        assertThat(board.counts().get(category).sold()).isEqualTo(1);
        assertThat(board.counts().get(category).free()).isEqualTo(seatsInCategory - 1);
    }

    @Test
    void liveChangesUpdateStatusAndCounts() {
        SeatStatusBoard board = new SeatStatusBoard(map);
        board.applySnapshot(allFreeBut(5, Map.of(), List.of()));
        String category = map.seat(first).orElseThrow().categoryId();
        int free = board.counts().get(category).free();
        assertThat(board.apply(List.of(new SeatChange(first, "HELD", 6)))).containsExactly(first);
        assertThat(board.status(first)).isEqualTo(SeatStatus.HELD);
        assertThat(board.counts().get(category).free()).isEqualTo(free - 1);
        assertThat(board.counts().get(category).held()).isEqualTo(1);
    }

    @Test
    void olderNewsNeverOverwritesNewer() {
        SeatStatusBoard board = new SeatStatusBoard(map);
        board.applySnapshot(allFreeBut(5, Map.of(), List.of()));
        board.apply(List.of(new SeatChange(first, "SOLD", 9)));
        // a snapshot read before the sale, arriving after the live change
        assertThat(board.applySnapshot(allFreeBut(8, Map.of(), List.of()))).doesNotContain(first);
        assertThat(board.status(first)).isEqualTo(SeatStatus.SOLD);
        assertThat(board.apply(List.of(new SeatChange(first, "HELD", 7)))).isEmpty();
        assertThat(board.status(first)).isEqualTo(SeatStatus.SOLD);
    }

    @Test
    void unknownSeatsAndStatusesDoNotBreakTheBoard() {
        SeatStatusBoard board = new SeatStatusBoard(map);
        board.applySnapshot(allFreeBut(1, Map.of(), List.of()));
        assertThat(board.apply(List.of(new SeatChange("no-such-seat", "SOLD", 2)))).isEmpty();
        board.apply(List.of(new SeatChange(first, "RESERVED_FOR_VIP", 3)));
        assertThat(board.status(first)).isEqualTo(SeatStatus.BLOCKED);
    }
}
