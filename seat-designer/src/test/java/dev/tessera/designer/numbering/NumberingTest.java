package dev.tessera.designer.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.designer.job.JobManager;
import dev.tessera.designer.model.DesignRow;
import dev.tessera.designer.model.DesignSeat;
import dev.tessera.designer.model.SeatDocument;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberingTest {
    @Test
    void rowLettersSkipIAndOAndGoOnWithTwoLetters() {
        RowLabels.Letters letters = new RowLabels.Letters();
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            first.add(letters.label(i));
        }
        assertThat(first).containsExactly("A", "B", "C", "D", "E", "F", "G", "H", "J", "K");
        assertThat(letters.label(12)).isEqualTo("N");
        assertThat(letters.label(13)).isEqualTo("P");
        assertThat(letters.label(23)).isEqualTo("Z");
        assertThat(letters.label(24)).isEqualTo("AA");
        assertThat(letters.label(25)).isEqualTo("AB");
        for (int i = 0; i < 700; i++) {
            assertThat(letters.positionOf(letters.label(i))).isEqualTo(i);
            assertThat(letters.label(i)).doesNotContain("I", "O");
        }
    }

    @Test
    void numbersAndCustomRowLabels() {
        assertThat(new RowLabels.Numbers(5).label(2)).isEqualTo("7");
        RowLabels custom = new RowLabels.Custom(List.of("AA", "BB"));
        assertThat(custom.label(0)).isEqualTo("AA");
        assertThat(custom.label(1)).isEqualTo("BB");
        assertThat(custom.label(2)).isEqualTo("BB2");
    }

    @Test
    void seatNumbersRunEitherWayWithPrefixesAndStartValues() {
        assertThat(SeatNumbering.leftToRight().labels(4)).containsExactly("1", "2", "3", "4");
        SeatNumbering rightToLeft = new SeatNumbering(SeatNumbering.Direction.RIGHT_TO_LEFT,
                SeatNumbering.Sequence.CONSECUTIVE, 101, "B-", "");
        assertThat(rightToLeft.labels(3)).containsExactly("B-103", "B-102", "B-101");
    }

    @Test
    void oddAndEvenSequences() {
        assertThat(new SeatNumbering(SeatNumbering.Direction.LEFT_TO_RIGHT, SeatNumbering.Sequence.ODD, 1, "", "")
                .labels(4)).containsExactly("1", "3", "5", "7");
        assertThat(new SeatNumbering(SeatNumbering.Direction.RIGHT_TO_LEFT, SeatNumbering.Sequence.EVEN, 1, "", "")
                .labels(3)).containsExactly("6", "4", "2");
    }

    @Test
    void oddOnTheLeftEvenOnTheRightCountOutwardsFromTheCentre() {
        SeatNumbering sides = new SeatNumbering(SeatNumbering.Direction.LEFT_TO_RIGHT,
                SeatNumbering.Sequence.ODD_LEFT_EVEN_RIGHT, 1, "", "");
        assertThat(sides.labels(6)).containsExactly("5", "3", "1", "2", "4", "6");
        assertThat(sides.labels(5)).containsExactly("5", "3", "1", "2", "4");
    }

    @Test
    void renumberingASelectionRelabelsRowsFrontToBackKeepsIdsAndUndoes() throws Exception {
        SeatDocument document = SeatDocument.of(SampleVenues.theatre());
        var before = document.toSeatMap();
        List<DesignRow> rows = document.sections().getFirst().rows().subList(0, 3);
        List<DesignSeat> seats = new ArrayList<>();
        rows.forEach(r -> seats.addAll(r.seats()));
        List<String> ids = seats.stream().map(DesignSeat::id).toList();
        JobManager jobs = new JobManager();
        jobs.push(Renumbering.job(document, seats, new RowLabels.Numbers(1),
                new SeatNumbering(SeatNumbering.Direction.RIGHT_TO_LEFT, SeatNumbering.Sequence.CONSECUTIVE, 1, "", "")));
        assertThat(rows).extracting(DesignRow::label).containsExactly("1", "2", "3");
        DesignRow first = rows.getFirst();
        assertThat(first.seats().getLast().label()).isEqualTo("1");
        assertThat(first.seats().getFirst().label()).isEqualTo(Integer.toString(first.seats().size()));
        assertThat(seats.stream().map(DesignSeat::id).toList()).isEqualTo(ids);
        jobs.undo();
        assertThat(document.toSeatMap()).isEqualTo(before);
    }
}
