package dev.tessera.designer.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.core.seatmap.Point;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.model.DesignRow;
import dev.tessera.designer.model.DesignSeat;
import dev.tessera.designer.model.SeatDocument;
import dev.tessera.designer.render.PlanSurface;
import dev.tessera.designer.render.PlanViewport;
import dev.tessera.designer.tool.RowShape;
import dev.tessera.designer.tool.RowTool;
import dev.tessera.designer.validation.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The designer driven like a user would, headless under Monocle; assertions are on the model. */
@ExtendWith(ApplicationExtension.class)
class DesignerFlowTest {
    @TempDir
    Path dir;

    private SeatDesigner designer;
    private Stage stage;

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        designer = new SeatDesigner(SeatDocument.of(SampleVenues.theatre()));
        stage.setScene(new Scene(designer, 1400, 860));
        stage.show();
    }

    private PlanSurface surface() {
        return ((SeatDesignerSkin) designer.getSkin()).surface();
    }

    /** Where a plan point is on the screen. */
    private Point2D screen(double planX, double planY) {
        PlanViewport v = surface().viewport();
        return surface().localToScreen(v.toScreenX(planX), v.toScreenY(planY));
    }

    /** Waits until the events the robot sent are handled and a pulse has laid out and drawn the result. */
    private void settle() {
        RenderPass.await();
    }

    private void drag(FxRobot robot, Point2D from, Point2D to) {
        robot.moveTo(from).press(MouseButton.PRIMARY);
        for (int i = 1; i <= 8; i++) {
            robot.moveTo(new Point2D(from.getX() + (to.getX() - from.getX()) * i / 8,
                    from.getY() + (to.getY() - from.getY()) * i / 8));
        }
        robot.release(MouseButton.PRIMARY);
        settle();
    }

    @Test
    void draggingSeatsMovesThemOnTheGridAndUndoRedoFollows(FxRobot robot) {
        settle();
        robot.interact(() -> surface().viewport().zoomAt(2, surface().getWidth() / 2, surface().getHeight() / 3));
        settle();
        DesignSeat seat = designer.getDocument().seat("ST-A-10").orElseThrow();
        DesignSeat neighbour = designer.getDocument().seat("ST-A-11").orElseThrow();
        double x = seat.x();
        double y = seat.y();
        double nx = neighbour.x();
        // marquee around two seats, then drag them 2 m right and 1 m down
        Point2D corner1 = screen(Math.min(x, nx) - 20, y - 20);
        Point2D corner2 = screen(Math.max(x, nx) + 20, y + 20);
        drag(robot, corner1, corner2);
        assertThat(designer.getSelection().seats()).containsExactlyInAnyOrder(seat, neighbour);
        drag(robot, screen(x, y), screen(x + 200, y + 100));
        double dx = seat.x() - x;
        double dy = seat.y() - y;
        assertThat(Math.abs(dx - 200)).isLessThanOrEqualTo(50);
        assertThat(Math.abs(dy - 100)).isLessThanOrEqualTo(50);
        assertThat(seat.x() % 50).isZero();
        assertThat(neighbour.x() - nx).isEqualTo(dx);
        assertThat(seat.id()).isEqualTo("ST-A-10");
        assertThat(designer.getJobManager().undoDepth()).isEqualTo(1);

        robot.clickOn(surface(), MouseButton.MIDDLE);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        settle();
        assertThat(seat.x()).isEqualTo(x);
        assertThat(seat.y()).isEqualTo(y);
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        settle();
        assertThat(seat.x()).isEqualTo(x + dx);

        // arrow keys nudge the selection, one grid step each
        robot.type(KeyCode.LEFT);
        settle();
        assertThat(seat.x()).isEqualTo(x + dx - 50);
        Screenshots.save(stage.getScene(), "editor-drag");
    }

    @Test
    void aCurvedRowIsDrawnNumberedUndoneValidatedSavedAndReopened(FxRobot robot) throws Exception {
        robot.interact(() -> designer.setDocument(SeatDocument.blank("Studio"), null));
        settle();
        robot.interact(() -> {
            surface().viewport().fit(-1200, -200, 1200, 1400, surface().getWidth(), surface().getHeight(), 20);
            surface().requestFullRedraw();
        });
        settle();
        // the row tool, curved, from the toolbar and its options bar
        robot.clickOn("#tool-row");
        assertThat(designer.toolProperty().get()).isInstanceOf(RowTool.class);
        robot.clickOn("#row-shape");
        robot.clickOn(Messages.get("rowShape.curved"));
        settle();
        assertThat(designer.getOptions().rowShape.get()).isEqualTo(RowShape.CURVED);

        Point focal = designer.getDocument().focalPoint();
        drag(robot, screen(-600, 800), screen(600, 800));
        List<DesignSeat> seats = designer.getDocument().seats();
        assertThat(seats).hasSizeGreaterThan(20);
        double radius = Math.hypot(-600 - focal.x(), 800 - focal.y());
        for (DesignSeat seat : seats) {
            assertThat(Math.hypot(seat.x() - focal.x(), seat.y() - focal.y())).isCloseTo(radius, org.assertj.core.data.Offset.offset(1.0));
        }
        DesignRow row = seats.getFirst().row();
        assertThat(row.label()).isEqualTo("A");
        // left to right as seen from the row facing the stage (above): the screen's left first
        assertThat(row.seats().getFirst().x()).isLessThan(row.seats().getLast().x());
        assertThat(row.seats()).extracting(DesignSeat::label).startsWith("1", "2", "3");
        assertThat(designer.getSelection().seats()).hasSameSizeAs(seats);

        // number it: right to left from 101, rows as numbers
        robot.clickOn(Messages.get("numbering.title"));
        NumberingPanel numbering = robot.lookup(n -> n instanceof NumberingPanel).query();
        robot.interact(() -> {
            numbering.direction.setValue(dev.tessera.designer.numbering.SeatNumbering.Direction.RIGHT_TO_LEFT);
            numbering.start.getValueFactory().setValue(101);
            numbering.rowScheme.setValue(NumberingPanel.RowScheme.NUMBERS);
        });
        robot.clickOn(Messages.get("numbering.apply"));
        settle();
        int n = row.seats().size();
        assertThat(row.seats().getLast().label()).isEqualTo("101");
        assertThat(row.seats().getFirst().label()).isEqualTo(Integer.toString(100 + n));
        assertThat(row.label()).isEqualTo("1");
        List<String> ids = row.seats().stream().map(DesignSeat::id).toList();

        // undo the numbering with Ctrl+Z, redo with Ctrl+Y
        robot.clickOn(surface(), MouseButton.MIDDLE);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        settle();
        assertThat(row.seats().getFirst().label()).isEqualTo("1");
        assertThat(row.label()).isEqualTo("A");
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        settle();
        assertThat(row.seats().getLast().label()).isEqualTo("101");
        assertThat(row.seats().stream().map(DesignSeat::id).toList()).isEqualTo(ids);
        Screenshots.save(stage.getScene(), "editor-curved-row");

        // validate: two seats on one spot and a duplicate number are listed; choosing one selects its seats
        DesignSeat a = row.seats().get(0);
        DesignSeat b = row.seats().get(1);
        robot.interact(() -> {
            designer.getSelection().select(List.of(b));
            designer.getActions().nudge(a.x() - b.x(), a.y() - b.y());
            designer.getSelection().select(List.of(b));
        });
        robot.clickOn(Messages.get("problems.title"));
        robot.clickOn(Messages.get("problems.validate"));
        settle();
        assertThat(designer.getProblems()).extracting(Problem::kind).contains(Problem.Kind.OVERLAPPING_SEATS);
        ListView<Problem> list = robot.lookup(".validation-list").queryListView();
        int index = designer.getProblems().stream().map(Problem::kind).toList().indexOf(Problem.Kind.OVERLAPPING_SEATS);
        robot.interact(() -> list.getSelectionModel().select(index));
        settle();
        assertThat(designer.getSelection().seats()).containsExactlyInAnyOrder(a, b);
        Screenshots.save(stage.getScene(), "editor-validation");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        settle();

        // save through the toolbar (the file dialog answered by the test) and reopen
        Path file = dir.resolve("studio.seatmap.json");
        robot.interact(() -> designer.fileDialogsProperty().set(new FixedFileDialogs(file)));
        robot.clickOn(Messages.get("toolbar.save"));
        settle();
        assertThat(file).exists();
        assertThat(designer.getJobManager().isModified()).isFalse();
        var saved = designer.getDocument().toSeatMap();
        robot.interact(() -> designer.setDocument(SeatDocument.blank("other"), null));
        robot.clickOn("#file-menu");
        robot.clickOn(Messages.get("toolbar.open"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> file.equals(designer.fileProperty().get()));
        settle();
        assertThat(designer.getDocument().toSeatMap()).isEqualTo(saved);
        assertThat(designer.getDocument().seats()).extracting(DesignSeat::id).containsAll(ids);
        assertThat(designer.fileProperty().get()).isEqualTo(file);
    }

    @Test
    void deleteDuplicateAndRotateAreUndoable(FxRobot robot) throws Exception {
        settle();
        var before = designer.getDocument().toSeatMap();
        List<DesignSeat> row = new ArrayList<>(designer.getDocument().seat("BA-A-1").orElseThrow().row().seats());
        robot.interact(() -> designer.getSelection().select(row));
        robot.clickOn(surface(), MouseButton.MIDDLE);
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        settle();
        assertThat(designer.getDocument().seatCount()).isEqualTo(before.seatCount() + row.size());
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        robot.type(KeyCode.DELETE);
        settle();
        assertThat(designer.getDocument().seatCount()).isEqualTo(before.seatCount());
        for (int i = 0; i < 3; i++) {
            robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        }
        settle();
        assertThat(designer.getDocument().toSeatMap()).isEqualTo(before);
    }

    /** Answers every file dialog with one path. */
    private record FixedFileDialogs(Path path) implements FileDialogs {
        @Override
        public Optional<Path> open(Window owner, Kind kind) {
            return Optional.of(path);
        }

        @Override
        public Optional<Path> save(Window owner, Kind kind, String suggestedName) {
            return Optional.of(path);
        }

        @Override
        public void showError(Window owner, String message) {
            throw new AssertionError(message);
        }
    }
}
