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
