package dev.tessera.designer.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tessera.core.seatmap.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowGeometryTest {
    private static final Point STAGE = new Point(0, 0);

    @Test
    void aStraightBlockHasRowsBehindEachOtherAwayFromTheStage() {
        List<List<Point>> rows = RowGeometry.block(RowShape.STRAIGHT, new Point(-260, 500), new Point(260, 500), STAGE,
                3, 52, 90);
        assertThat(rows).hasSize(3);
        assertThat(rows.getFirst()).hasSize(11);
        assertThat(rows.get(1).getFirst().y()).isEqualTo(590);
        assertThat(rows.get(2).getFirst().y()).isEqualTo(680);
        // facing the stage (up the screen), left is the screen's left
        assertThat(rows.getFirst().getFirst().x()).isEqualTo(-260);
        assertThat(rows.getFirst().getLast().x()).isEqualTo(260);
    }

    @Test
    void aCurvedRowLiesOnAnArcAroundTheFocalPointWithTheSeatPitch() {
        List<List<Point>> rows = RowGeometry.block(RowShape.CURVED, new Point(-600, 800), new Point(600, 800), STAGE,
                2, 52, 90);
        double r0 = 1000;
        for (Point seat : rows.getFirst()) {
            assertThat(Math.hypot(seat.x(), seat.y())).isCloseTo(r0, within(1e-6));
        }
        for (Point seat : rows.get(1)) {
            assertThat(Math.hypot(seat.x(), seat.y())).isCloseTo(r0 + 90, within(1e-6));
        }
        assertThat(rows.get(1).size()).isGreaterThan(rows.getFirst().size());
        Point a = rows.getFirst().get(0);
        Point b = rows.getFirst().get(1);
        assertThat(Math.hypot(a.x() - b.x(), a.y() - b.y())).isCloseTo(52, within(0.5));
        assertThat(rows.getFirst().getFirst().x()).isLessThan(rows.getFirst().getLast().x());
    }

    @Test
    void staggeredRowsShiftEveryOtherRowByHalfASeat() {
        List<List<Point>> rows = RowGeometry.block(RowShape.STAGGERED, new Point(0, 500), new Point(520, 500), STAGE,
                2, 52, 90);
        assertThat(rows.get(1).getFirst().x() - rows.getFirst().getFirst().x()).isEqualTo(26);
        assertThat(rows.get(1)).hasSize(rows.getFirst().size() - 1);
    }

    @Test
    void aRowBehindTheStageRunsLeftToRightAsItsOccupantsSeeIt() {
        // seats below y = 0 face up; seats above face down, so their left is the screen's right
        List<List<Point>> rows = RowGeometry.block(RowShape.STRAIGHT, new Point(-260, -500), new Point(260, -500), STAGE,
                1, 52, 90);
        assertThat(rows.getFirst().getFirst().x()).isEqualTo(260);
    }

    @Test
    void seatsGoAroundATable() {
        List<Point> seats = RowGeometry.aroundTable(new Point(100, 100), 75, 8);
        assertThat(seats).hasSize(8);
        for (Point seat : seats) {
            assertThat(Math.hypot(seat.x() - 100, seat.y() - 100)).isCloseTo(110, within(1e-9));
        }
    }
}
