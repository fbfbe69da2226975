package dev.tessera.designer.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.SeatFlag;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.designer.job.JobManager;
import dev.tessera.designer.model.DesignGate;
import dev.tessera.designer.model.DesignSeat;
import dev.tessera.designer.model.PlanElement;
import dev.tessera.designer.model.SeatDocument;
import dev.tessera.designer.model.Selection;
import dev.tessera.designer.validation.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The editor's commands as a view model: no stage, only the document, the jobs and the selection. */
class EditorActionsTest {
    private final SeatDocument document = SeatDocument.of(SampleVenues.theatre());
    private final JobManager jobs = new JobManager();
    private final Selection selection = new Selection();
    private final EditorActions actions = new EditorActions(() -> document, jobs, selection);

    private List<DesignSeat> row(String anySeatId) {
        return new ArrayList<>(document.seat(anySeatId).orElseThrow().row().seats());
    }

    @Test
    void copyAndPasteMakesNewSeatsWithNewIdsInANewRow() throws Exception {
        SeatMap before = document.toSeatMap();
        List<DesignSeat> originals = row("BA-H-1");
        selection.select(originals);
        actions.copy();
        assertThat(actions.paste()).isTrue();
        List<DesignSeat> copies = selection.seats();
        assertThat(copies).hasSameSizeAs(originals);
        Set<String> ids = new HashSet<>();
        document.seats().forEach(s -> assertThat(ids.add(s.id())).as("unique id " + s.id()).isTrue());
        assertThat(copies.getFirst().row().label()).isEqualTo("J");
        assertThat(copies.getFirst().x()).isEqualTo(originals.getFirst().x() + EditorActions.PASTE_OFFSET);
        assertThat(document.toSeatMap().seatCount()).isEqualTo(before.seatCount() + originals.size());
        jobs.undo();
        assertThat(document.toSeatMap()).isEqualTo(before);
    }

    @Test
    void deletingAWholeRowRemovesTheRowAndUndoRestoresIt() throws Exception {
        SeatMap before = document.toSeatMap();
        selection.select(row("ST-C-1"));
        actions.delete();
        assertThat(document.sections().getFirst().rows()).extracting(r -> r.label()).doesNotContain("C");
        assertThat(Validate.kinds(document)).doesNotContain(Problem.Kind.EMPTY_ROW);
        jobs.undo();
        assertThat(document.toSeatMap()).isEqualTo(before);
    }

    @Test
    void alignAndDistributeLineUpTheSelection() {
        DesignSeat a = document.seat("ST-A-1").orElseThrow();
        DesignSeat b = document.seat("ST-K-1").orElseThrow();
        DesignSeat c = document.seat("ST-T-1").orElseThrow();
        selection.select(List.of(a, b, c));
        actions.align(Alignment.LEFT);
        assertThat(a.x()).isEqualTo(b.x()).isEqualTo(c.x());
        double top = a.y();
        double bottom = c.y();
        actions.distribute(false);
        assertThat(b.y()).isCloseTo((top + bottom) / 2, org.assertj.core.data.Offset.offset(1e-9));
        jobs.undo();
        jobs.undo();
        assertThat(a.x()).isNotEqualTo(c.x());
    }

    @Test
    void rotatingKeepsTheCentreAndIsExactlyUndone() {
        List<DesignSeat> seats = row("ST-E-1");
        selection.select(seats);
        double[] before = seats.stream().flatMapToDouble(s -> java.util.stream.DoubleStream.of(s.x(), s.y())).toArray();
        actions.rotate(90);
        assertThat(seats.getFirst().x()).isNotEqualTo(before[0]);
        jobs.undo();
        double[] after = seats.stream().flatMapToDouble(s -> java.util.stream.DoubleStream.of(s.x(), s.y())).toArray();
        assertThat(after).containsExactly(before);
    }

    @Test
    void categoriesAndFlagsAreSetOnTheSelectionAndUndone() throws Exception {
        List<DesignSeat> seats = row("BA-A-1");
        selection.select(seats);
        List<Category> categories = new ArrayList<>(document.categories());
        categories.add(new Category("vip", "VIP", "#D4AC0D"));
        actions.setCategories(categories);
        actions.setCategory("vip");
        actions.setFlag(SeatFlag.NOT_FOR_SALE, true);
        assertThat(seats).allMatch(s -> s.categoryId().equals("vip") && s.has(SeatFlag.NOT_FOR_SALE));
        assertThat(document.toSeatMap().capacity()).isEqualTo(SampleVenues.theatre().capacity() - seats.size());
        jobs.undo();
        jobs.undo();
        jobs.undo();
        assertThat(document.toSeatMap()).isEqualTo(SampleVenues.theatre());
    }

    @Test
    void nudgeMovesEverythingSelectedIncludingGates() {
        DesignGate gate = document.gates().getFirst();
        DesignSeat seat = document.seats().getFirst();
        double gx = gate.x();
        double sx = seat.x();
        List<PlanElement> both = List.of(gate, seat);
        selection.select(both);
        actions.nudge(10, 0);
        assertThat(gate.x()).isEqualTo(gx + 10);
        assertThat(seat.x()).isEqualTo(sx + 10);
    }

    /** Small helper: the kinds of problems the validator finds. */
    private static final class Validate {
        static List<Problem.Kind> kinds(SeatDocument document) {
            return dev.tessera.designer.validation.Validator.validate(document).stream().map(Problem::kind).toList();
        }
    }
}
