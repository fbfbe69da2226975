package dev.tessera.designer.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.designer.model.DesignSeat;
import dev.tessera.designer.model.DocumentChange;
import dev.tessera.designer.model.SeatDocument;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobManagerTest {
    private final SeatDocument document = SeatDocument.of(SampleVenues.theatre());
    private final JobManager jobs = new JobManager(3);

    @Test
    void aMoveIsUndoneAndRedoneExactly() {
        DesignSeat seat = document.seat("ST-A-1").orElseThrow();
        double x = seat.x();
        double y = seat.y();
        jobs.push(TransformJob.move(document, List.of(seat), 10.1, -3.3));
        assertThat(seat.x()).isEqualTo(x + 10.1);
        jobs.undo();
        assertThat(seat.x()).isEqualTo(x);
        assertThat(seat.y()).isEqualTo(y);
        jobs.redo();
        assertThat(seat.y()).isEqualTo(y - 3.3);
        assertThat(seat.id()).isEqualTo("ST-A-1");
    }

    @Test
    void theRevisionChangesOnEveryPushUndoAndRedo() {
        int start = jobs.getRevision();
        DesignSeat seat = document.seats().get(0);
        jobs.push(TransformJob.move(document, List.of(seat), 1, 1));
        jobs.undo();
        jobs.redo();
        assertThat(jobs.getRevision()).isEqualTo(start + 3);
    }

    @Test
    void theUndoStackIsBounded() {
        DesignSeat seat = document.seats().get(0);
        for (int i = 0; i < 5; i++) {
            jobs.push(TransformJob.move(document, List.of(seat), 1, 0));
        }
        assertThat(jobs.undoDepth()).isEqualTo(3);
        while (jobs.canUndo()) {
            jobs.undo();
        }
        assertThat(jobs.redoDepth()).isEqualTo(3);
    }

    @Test
    void aNewJobClearsTheRedoStack() {
        DesignSeat seat = document.seats().get(0);
        jobs.push(TransformJob.move(document, List.of(seat), 1, 0));
        jobs.undo();
        assertThat(jobs.canRedo()).isTrue();
        jobs.push(TransformJob.move(document, List.of(seat), 2, 0));
        assertThat(jobs.canRedo()).isFalse();
    }

    @Test
    void aJobThatPushesAnotherJobIsRefused() {
        Job nested = new Job() {
            @Override
            public void execute() {
                jobs.push(TransformJob.move(document, List.of(document.seats().get(0)), 1, 0));
            }

            @Override
            public void undo() {}

            @Override
            public void redo() {}

            @Override
            public String getDescription() {
                return "nested";
            }
        };
        assertThatThrownBy(() -> jobs.push(nested)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another job");
        assertThat(jobs.canUndo()).isFalse();
    }

    @Test
    void aJobThatChangesNothingIsNotRecorded() {
        assertThat(jobs.push(TransformJob.move(document, List.of(document.seats().get(0)), 0, 0))).isFalse();
        assertThat(jobs.push(TransformJob.move(document, List.of(), 5, 0))).isFalse();
        assertThat(jobs.canUndo()).isFalse();
    }

    @Test
    void modifiedFollowsTheSavedPointThroughUndoAndRedo() {
        DesignSeat seat = document.seats().get(0);
        assertThat(jobs.isModified()).isFalse();
        jobs.push(TransformJob.move(document, List.of(seat), 1, 0));
        assertThat(jobs.isModified()).isTrue();
        jobs.markSaved();
        assertThat(jobs.isModified()).isFalse();
        jobs.undo();
        assertThat(jobs.isModified()).isTrue();
        jobs.redo();
        assertThat(jobs.isModified()).isFalse();
    }

    @Test
    void aBulkDeletionIsOneStepAndUndoPutsEverySeatBack() throws Exception {
        SeatMap before = document.toSeatMap();
        List<DesignSeat> every = new ArrayList<>(document.seats().subList(0, 500));
        List<DocumentChange> changes = new ArrayList<>();
        document.addListener(changes::add);
        jobs.push(StructureJob.remove(document, every, "delete"));
        assertThat(document.seatCount()).isEqualTo(before.seatCount() - 500);
        assertThat(changes).extracting(DocumentChange::kind).contains(DocumentChange.Kind.STRUCTURE);
        jobs.undo();
        assertThat(document.toSeatMap()).isEqualTo(before);
        jobs.redo();
        assertThat(document.seatCount()).isEqualTo(before.seatCount() - 500);
    }

    @Test
    void aBatchUndoesItsPartsInReverse() throws Exception {
        SeatMap before = document.toSeatMap();
        DesignSeat seat = document.seats().get(0);
        Job move = TransformJob.move(document, List.of(seat), 50, 0);
        Job relabel = new SetPropertiesJob(document,
                List.of(new PropertyEdit<>(seat, DesignSeat::setLabel, seat.label(), "99")),
                DocumentChange.Kind.SEATS_RESTYLED, "relabel");
        jobs.push(new BatchJob("both", List.of(move, relabel)));
        assertThat(seat.label()).isEqualTo("99");
        assertThat(jobs.undoDepth()).isEqualTo(1);
        jobs.undo();
        assertThat(document.toSeatMap()).isEqualTo(before);
    }
}
