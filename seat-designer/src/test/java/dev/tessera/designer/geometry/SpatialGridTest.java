package dev.tessera.designer.geometry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpatialGridTest {
    private final Random random = new Random(1);
    private final int n = 20_000;
    private final float[] xs = new float[n];
    private final float[] ys = new float[n];

    SpatialGridTest() {
        for (int i = 0; i < n; i++) {
            xs[i] = (float) (random.nextDouble() * 20_000 - 5_000);
            ys[i] = (float) (random.nextDouble() * 8_000);
        }
    }

    @Test
    void rectangleQueriesFindExactlyWhatABruteForceScanFinds() {
        SpatialGrid grid = SpatialGrid.build(xs, ys, n, 46);
        for (int q = 0; q < 200; q++) {
            double x0 = random.nextDouble() * 24_000 - 7_000;
            double y0 = random.nextDouble() * 10_000 - 1_000;
            double x1 = x0 + random.nextDouble() * 3_000;
            double y1 = y0 + random.nextDouble() * 3_000;
            IntList found = new IntList();
            grid.queryRect(x1, y1, x0, y0, found);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (xs[i] >= x0 && xs[i] <= x1 && ys[i] >= y0 && ys[i] <= y1) {
                    expected.add(i);
                }
            }
            assertThat(boxed(found)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void theNearestPointWithinReachIsFoundAndNothingBeyondIt() {
        SpatialGrid grid = SpatialGrid.build(xs, ys, n, 46);
        for (int q = 0; q < 500; q++) {
            double x = random.nextDouble() * 20_000 - 5_000;
            double y = random.nextDouble() * 8_000;
            int best = -1;
            double bestDistance = 60;
            for (int i = 0; i < n; i++) {
                double d = Math.hypot(xs[i] - x, ys[i] - y);
                if (d <= bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
            int found = grid.nearest(x, y, 60);
            if (best < 0) {
                assertThat(found).isEqualTo(-1);
            } else {
                assertThat(Math.hypot(xs[found] - x, ys[found] - y)).isEqualTo(bestDistance);
            }
        }
    }

    @Test
    void aLassoSelectsThePointsInsideThePolygon() {
        SpatialGrid grid = SpatialGrid.build(xs, ys, n, 46);
        double[] triangle = {0, 0, 4_000, 0, 0, 4_000};
        IntList found = new IntList();
        grid.queryPolygon(triangle, found);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (xs[i] > 0 && ys[i] > 0 && xs[i] + ys[i] < 4_000) {
                expected.add(i);
            }
        }
        assertThat(boxed(found)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void anEmptyGridFindsNothing() {
        SpatialGrid grid = SpatialGrid.build(new float[0], new float[0], 0, 46);
        IntList found = new IntList();
        grid.queryRect(-10, -10, 10, 10, found);
        assertThat(found.size()).isZero();
        assertThat(grid.nearest(0, 0, 100)).isEqualTo(-1);
    }

    private static List<Integer> boxed(IntList list) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            values.add(list.get(i));
        }
        return values;
    }
}
