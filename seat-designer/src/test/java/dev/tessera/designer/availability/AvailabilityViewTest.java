package dev.tessera.designer.availability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.designer.editor.RenderPass;
import dev.tessera.designer.editor.Screenshots;
import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.render.PlanSurface;
import dev.tessera.designer.render.PlanViewport;
import dev.tessera.designer.render.StatusAnimator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The counter's view: picking seats by click, lasso and best available; live changes. */
@ExtendWith(ApplicationExtension.class)
class AvailabilityViewTest {
    private final SeatMap theatre = SampleVenues.theatre();
    private AvailabilityView view;
    private Stage stage;

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = new AvailabilityView(theatre);
        stage.setScene(new Scene(view, 1400, 860));
        stage.show();
    }

    private AvailabilityViewSkin skin() {
        return (AvailabilityViewSkin) view.getSkin();
    }

    private Point2D screen(Seat seat) {
        PlanSurface surface = skin().surface();
        PlanViewport v = surface.viewport();
        return surface.localToScreen(v.toScreenX(seat.x()), v.toScreenY(seat.y()));
    }

    /** Waits until the events the robot sent are handled and a pulse has laid out and drawn the result. */
    private void settle() {
        RenderPass.await();
    }

    private int fillOf(int seat) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> skin().layer().fill(seat)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aClickPicksAFreeSeatAndNotASoldOne(FxRobot robot) {
        settle();
        Seat free = theatre.seat("ST-K-5").orElseThrow();
        Seat sold = theatre.seat("ST-K-6").orElseThrow();
        robot.interact(() -> view.applyChanges(Map.of(sold.id(), SeatStatus.SOLD)));
        robot.clickOn(screen(free), MouseButton.PRIMARY);
        robot.clickOn(screen(sold), MouseButton.PRIMARY);
        settle();
        assertThat(view.getSelectedSeatIds()).containsExactly(free.id());
        robot.clickOn(screen(free), MouseButton.PRIMARY);
        settle();
        assertThat(view.getSelectedSeatIds()).isEmpty();
    }

    @Test
    void aClickSixPixelsOffASeatsCentrePicksThatSeat(FxRobot robot) {
        settle();
        Seat seat = theatre.seat("ST-K-5").orElseThrow();
        assertThat(view.hitTolerance()).isGreaterThanOrEqualTo(AvailabilityView.MIN_HIT_PIXELS);
        Point2D centre = screen(seat);
        // below the seat, towards the gap between two rows: outside a small disc, inside the hit tolerance
        robot.clickOn(new Point2D(centre.getX(), centre.getY() + 6), MouseButton.PRIMARY);
        settle();
        assertThat(view.getSelectedSeatIds()).containsExactly(seat.id());
        robot.clickOn(new Point2D(centre.getX() - 4, centre.getY() - 5), MouseButton.PRIMARY);
        settle();
        assertThat(view.getSelectedSeatIds()).isEmpty();
    }

    @Test
    void aStandingAreaShowsHowFullItIsAndAClickInItIsReportedAsTheArea(FxRobot robot) throws Exception {
        SeatMap arena = SampleVenues.arena(2_000);
        var floor = arena.areas().getFirst();
        java.util.List<String> areas = new java.util.ArrayList<>();
        java.util.List<String> seats = new java.util.ArrayList<>();
        robot.interact(() -> {
            view.setSeatMap(arena);
            view.setOnSeatClicked(seats::add);
            view.onAreaClickedProperty().set(areas::add);
        });
        settle();
        int[][] before = areaPixels(floor);
        robot.interact(() -> view.getAreaLevels().put(floor.id(),
                new AreaLevel(floor.capacity(), 0, floor.capacity() / 2, (floor.capacity() / 2) + " left")));
        settle();
        int[][] after = areaPixels(floor);
        int rows = before.length;
        assertThat(after.length).isEqualTo(rows);
        assertThat(changed(before, after, 0, rows / 2 - 12)).as("the upper half, above the captions, as it was")
                .isLessThan(0.02);
        assertThat(changed(before, after, rows / 2 + 20, rows)).as("the lower half filled as taken")
                .isGreaterThan(0.9);
        Screenshots.save(stage.getScene(), "availability-standing-half");

        double cx = floor.outline().stream().mapToDouble(p -> p.x()).average().orElseThrow();
        double cy = floor.outline().stream().mapToDouble(p -> p.y()).average().orElseThrow();
        PlanSurface surface = skin().surface();
        PlanViewport v = surface.viewport();
        Point2D centre = surface.localToScreen(v.toScreenX(cx), v.toScreenY(cy));
        Point2D inView = view.screenToLocal(centre);
        assertThat(view.areaAt(inView.getX(), inView.getY())).contains(floor.id());
        robot.clickOn(centre, MouseButton.PRIMARY);
        settle();
        assertThat(areas).containsExactly(floor.id());
        assertThat(seats).isEmpty();
        assertThat(view.areaAt(5, 5)).isEmpty();
    }

    /** The drawn view inside the area's bounds, as ARGB rows; the area's box spans them whole. */
    private int[][] areaPixels(dev.tessera.core.seatmap.GeneralAdmissionArea area) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.image.WritableImage image = view.snapshot(null, null);
            PlanSurface surface = skin().surface();
            PlanViewport v = surface.viewport();
            double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
            for (var p : area.outline()) {
                Point2D at = view.sceneToLocal(surface.localToScene(v.toScreenX(p.x()), v.toScreenY(p.y())));
                minX = Math.min(minX, at.getX());
                maxX = Math.max(maxX, at.getX());
                minY = Math.min(minY, at.getY());
                maxY = Math.max(maxY, at.getY());
            }
            // a few pixels inside the outline's stroke
            int x0 = (int) Math.ceil(minX) + 3, x1 = (int) Math.floor(maxX) - 3;
            int y0 = (int) Math.ceil(minY) + 3, y1 = (int) Math.floor(maxY) - 3;
            int[][] rows = new int[y1 - y0][x1 - x0];
            var reader = image.getPixelReader();
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    rows[y - y0][x - x0] = reader.getArgb(x, y);
                }
            }
            return rows;
        }).get(10, TimeUnit.SECONDS);
    }

    /** The share of pixels that differ between two drawings of the same box, in rows [from, to) of it. */
    private static double changed(int[][] before, int[][] after, int from, int to) {
        int count = 0;
        int all = 0;
        for (int y = from; y < to; y++) {
            for (int x = 0; x < before[y].length; x++) {
                all++;
                if (before[y][x] != after[y][x]) {
                    count++;
                }
            }
        }
        return all == 0 ? 0 : count / (double) all;
    }

    @Test
    void aHostThatHandlesClicksIsToldTheNearestSeatAndDrawsItsMarkedSeatsRinged(FxRobot robot) throws Exception {
        settle();
        java.util.List<String> clicked = new java.util.ArrayList<>();
        Seat seat = theatre.seat("ST-K-6").orElseThrow();
        robot.interact(() -> {
            view.setOnSeatClicked(clicked::add);
            view.applyChanges(Map.of(seat.id(), SeatStatus.HELD));
        });
        Point2D centre = screen(seat);
        robot.clickOn(new Point2D(centre.getX() + 1, centre.getY() - 6), MouseButton.PRIMARY);
        settle();
        // a held seat too: the host decides (the counter lets its clerk drop a held seat from the pick)
        assertThat(clicked).containsExactly(seat.id());
        assertThat(view.getSelectedSeatIds()).isEmpty();
        int index = theatre.seats().indexOf(seat);
        robot.interact(() -> view.getMarkedSeatIds().add(seat.id()));
        settle();
        assertThat(WaitForAsyncUtils.asyncFx(() -> skin().layer().marks(index)).get(10, TimeUnit.SECONDS))
                .isEqualTo(dev.tessera.designer.render.SeatLayer.EMPHASIZED);
        robot.interact(() -> view.getOwnSeatIds().add(seat.id()));
        assertThat(WaitForAsyncUtils.asyncFx(() -> skin().layer().marks(index)).get(10, TimeUnit.SECONDS))
                .isEqualTo((byte) (dev.tessera.designer.render.SeatLayer.EMPHASIZED | dev.tessera.designer.render.SeatLayer.OWN));
    }

    @Test
    void thePlanFillsItsSurfaceAndFitsAgainAfterAResize(FxRobot robot) throws Exception {
        settle();
        assertFills();
        robot.interact(() -> stage.setWidth(1100));
        settle();
        assertFills();
    }

    /** The seats span the surface's width or height but for the fit margin and the stage caption's room. */
    private void assertFills() throws Exception {
        double[] extent = WaitForAsyncUtils.asyncFx(() -> {
            PlanSurface surface = skin().surface();
            PlanViewport v = surface.viewport();
            double minX = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (Seat s : theatre.seats()) {
                minX = Math.min(minX, v.toScreenX(s.x()));
                maxX = Math.max(maxX, v.toScreenX(s.x()));
                minY = Math.min(minY, v.toScreenY(s.y()));
                maxY = Math.max(maxY, v.toScreenY(s.y()));
            }
            return new double[] {(maxX - minX) / surface.getWidth(), (maxY - minY) / surface.getHeight(),
                    minX, surface.getWidth() - maxX};
        }).get(10, TimeUnit.SECONDS);
        assertThat(Math.max(extent[0], extent[1])).isGreaterThan(0.8);
        assertThat(extent[2]).isGreaterThanOrEqualTo(AvailabilityView.FIT_MARGIN - 1);
        assertThat(extent[3]).isGreaterThanOrEqualTo(AvailabilityView.FIT_MARGIN - 1);
    }

    @Test
    void aLassoPicksTheFreeSeatsInside(FxRobot robot) {
        settle();
        Seat a = theatre.seat("ST-C-3").orElseThrow();
        Seat b = theatre.seat("ST-C-8").orElseThrow();
        robot.interact(() -> view.applyChanges(Map.of("ST-C-5", SeatStatus.HELD)));
        Point2D pa = screen(a);
        Point2D pb = screen(b);
        double pad = 6;
        robot.moveTo(new Point2D(pa.getX() - pad, pa.getY() - pad)).press(MouseButton.PRIMARY);
        robot.moveTo(new Point2D(pb.getX() + pad, pb.getY() - pad));
        robot.moveTo(new Point2D(pb.getX() + pad, pb.getY() + pad));
        robot.moveTo(new Point2D(pa.getX() - pad, pa.getY() + pad));
        robot.moveTo(new Point2D(pa.getX() - pad, pa.getY() - pad + 1));
        robot.release(MouseButton.PRIMARY);
        settle();
        assertThat(view.getSelectedSeatIds()).contains("ST-C-3", "ST-C-4", "ST-C-6", "ST-C-7", "ST-C-8")
                .doesNotContain("ST-C-5");
        assertThat(view.getSelectedSeatIds()).allMatch(id -> id.startsWith("ST-C-"));
    }

    @Test
    void bestAvailableFromTheFormSelectsSeatsTogetherAndAChangeDropsATakenSeat(FxRobot robot) {
        settle();
        robot.clickOn(Messages.get("availability.best.find"));
        settle();
        assertThat(view.getSelectedSeatIds()).hasSize(2);
        String taken = view.getSelectedSeatIds().iterator().next();
        robot.interact(() -> view.applyChanges(Map.of(taken, SeatStatus.SOLD)));
        assertThat(view.getSelectedSeatIds()).hasSize(1).doesNotContain(taken);
        assertThat(robot.lookup(Messages.get("availability.best.found", 2,
                theatre.sectionOf(taken).orElseThrow().name(), theatre.rowOf(taken).orElseThrow().label()))
                .tryQuery()).isPresent();
    }

    @Test
    void statusChangesAnimateAndSettleOnTheNewColour(FxRobot robot) throws Exception {
        settle();
        // the animation runs on a clock the test moves, so a loaded machine cannot skip its middle
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        robot.interact(() -> skin().setAnimationClock(nanos::get));
        Map<String, SeatStatus> changes = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            changes.put(theatre.seats().get(i * 2).id(), i % 3 == 0 ? SeatStatus.HELD : SeatStatus.SOLD);
        }
        int seat = 0;
        int before = fillOf(seat);
        robot.interact(() -> view.applyChanges(changes));

        nanos.addAndGet(StatusAnimator.DURATION_NANOS / 2);
        settle();
        Screenshots.save(stage.getScene(), "availability-animating");
        int halfway = fillOf(seat);
        assertThat(halfway).isNotEqualTo(before).isNotEqualTo(SeatStatus.HELD.color());

        nanos.addAndGet(StatusAnimator.DURATION_NANOS / 2);
        settle();
        assertThat(WaitForAsyncUtils.asyncFx(() -> skin().isAnimating()).get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(fillOf(seat)).isEqualTo(SeatStatus.HELD.color());
        assertThat(view.getBoard().count(SeatStatus.HELD)).isEqualTo(134);
    }
}
