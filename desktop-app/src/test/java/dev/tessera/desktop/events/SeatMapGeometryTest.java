package dev.tessera.desktop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import org.junit.jupiter.api.Test;

class SeatMapGeometryTest {

    @Test
    void everySeatLandsInsideTheCanvasWithGapsBetweenDiscs() {
        SeatMap map = SampleVenues.theatre();
        SeatMapGeometry g = SeatMapGeometry.fit(map, 640, 400, 16);
        for (Seat s : map.seats()) {
            assertThat(g.x(s.x()) - g.seatRadius()).isGreaterThanOrEqualTo(16);
            assertThat(g.x(s.x()) + g.seatRadius()).isLessThanOrEqualTo(640 - 16);
            assertThat(g.y(s.y()) - g.seatRadius()).isGreaterThanOrEqualTo(16);
            assertThat(g.y(s.y()) + g.seatRadius()).isLessThanOrEqualTo(400 - 16);
        }
        assertThat(2 * g.seatRadius()).isLessThan(g.pitch() * g.scale());
    }

    @Test
    void pitchIsTheUsualDistanceBetweenNeighbours() {
        assertThat(SeatMapGeometry.seatPitch(SampleVenues.theatre())).isCloseTo(52, within(1.0));
    }

    @Test
    void bucketsFindEverySeatARepaintedSquareTouches() {
        SeatMap map = SampleVenues.theatre();
        SeatMapGeometry g = SeatMapGeometry.fit(map, 500, 400, 16);
        double reach = g.seatRadius() + 2.6;
        SeatBuckets buckets = new SeatBuckets(map.seats(), g, 2 * reach);
        Seat changed = map.seats().get(300);
        double x = g.x(changed.x()) - reach;
        double y = g.y(changed.y()) - reach;
        var near = buckets.near(x, y, 2 * reach, 2 * reach, reach);
        for (Seat s : map.seats()) {
            double dx = Math.max(0, Math.max(x - g.x(s.x()), g.x(s.x()) - (x + 2 * reach)));
            double dy = Math.max(0, Math.max(y - g.y(s.y()), g.y(s.y()) - (y + 2 * reach)));
            if (Math.hypot(dx, dy) < reach) {
                assertThat(near).as(s.id()).contains(s);
            }
        }
        assertThat(near).contains(changed).hasSizeLessThan(40);
    }

    @Test
    void aWideCanvasCentresTheMapHorizontally() {
        SeatMap map = SampleVenues.theatre();
        SeatMapGeometry g = SeatMapGeometry.fit(map, 2000, 300, 0);
        double minX = map.seats().stream().mapToDouble(s -> g.x(s.x())).min().orElseThrow();
        double maxX = map.seats().stream().mapToDouble(s -> g.x(s.x())).max().orElseThrow();
        assertThat((minX + maxX) / 2).isCloseTo(1000, within(20.0));
    }
}
