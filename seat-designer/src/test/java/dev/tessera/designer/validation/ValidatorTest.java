package dev.tessera.designer.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.designer.model.DesignSeat;
import dev.tessera.designer.model.DesignSection;
import dev.tessera.designer.model.Placement;
import dev.tessera.designer.model.SeatDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorTest {
    @Test
    void theSampleVenuesHaveNoProblems() {
        assertThat(Validator.validate(SeatDocument.of(SampleVenues.theatre()))).isEmpty();
        assertThat(Validator.validate(SeatDocument.of(SampleVenues.stadium(100_000)))).isEmpty();
    }

    @Test
    void everyKindOfProblemIsFoundWithTheSeatsThatCauseIt() {
        SeatDocument document = SeatDocument.of(SampleVenues.theatre());
        List<DesignSeat> seats = document.seats();
        DesignSeat a = seats.get(0);
        DesignSeat b = seats.get(1);
        DesignSeat c = seats.get(2);
        DesignSeat d = seats.get(3);
        DesignSeat e = seats.get(4);
        b.moveTo(a.x() + 5, a.y());
        c.setLabel("");
        d.setCategoryId(null);
        e.setLabel(seats.get(5).label());
        seats.get(6).setId(seats.get(7).id());
        document.insert(new Placement.OfSection(-1, new DesignSection("EMPTY", "Empty")));
        List<Problem> problems = Validator.validate(document);
        assertThat(problems).extracting(Problem::kind).contains(Problem.Kind.OVERLAPPING_SEATS,
                Problem.Kind.UNNUMBERED_SEAT, Problem.Kind.NO_CATEGORY, Problem.Kind.DUPLICATE_LABEL,
                Problem.Kind.DUPLICATE_ID, Problem.Kind.EMPTY_SECTION);
        Problem overlap = problems.stream().filter(p -> p.kind() == Problem.Kind.OVERLAPPING_SEATS).findFirst().orElseThrow();
        assertThat(overlap.seats()).containsExactlyInAnyOrder(a, b);
        Problem unnumbered = problems.stream().filter(p -> p.kind() == Problem.Kind.UNNUMBERED_SEAT).findFirst().orElseThrow();
        assertThat(unnumbered.seats()).containsExactly(c);
    }
}
