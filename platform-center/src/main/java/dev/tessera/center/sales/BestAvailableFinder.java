package dev.tessera.center.sales;

import dev.tessera.core.seatmap.Point;
import dev.tessera.core.seatmap.Row;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.Section;
import java.util.List;
import java.util.Set;

/**
 * Claim 62: the best N consecutive free seats of one row, nearest the stage, never leaving a
 * single stranded seat beside the block where another choice avoids it.
 */
public final class BestAvailableFinder {
    private static final double STRANDED_PENALTY = 1_000_000;

    private BestAvailableFinder() {}

    public static List<String> find(SeatMap map, Set<String> free, int count) {
        Point focus = map.focalPoint();
        double bestScore = Double.MAX_VALUE;
        List<Seat> best = List.of();
        for (Section section : map.sections()) {
            for (Row row : section.rows()) {
                List<Seat> seats = row.seats();
                int runStart = -1;
                for (int i = 0; i <= seats.size(); i++) {
                    boolean isFree = i < seats.size() && free.contains(seats.get(i).id());
                    if (isFree && runStart < 0) {
                        runStart = i;
                    } else if (!isFree && runStart >= 0) {
                        int runLength = i - runStart;
                        for (int offset = 0; offset + count <= runLength; offset++) {
                            List<Seat> block = seats.subList(runStart + offset, runStart + offset + count);
                            double score = distance(block, focus);
                            int left = offset;
                            int right = runLength - offset - count;
                            if (left == 1 || right == 1) {
                                score += STRANDED_PENALTY;
                            }
                            if (score < bestScore) {
                                bestScore = score;
                                best = block;
                            }
                        }
                        runStart = -1;
                    }
                }
            }
        }
        return best.stream().map(Seat::id).toList();
    }

    private static double distance(List<Seat> block, Point focus) {
        double x = 0;
        double y = 0;
        for (Seat s : block) {
            x += s.x();
            y += s.y();
        }
        x /= block.size();
        y /= block.size();
        return Math.hypot(x - focus.x(), y - focus.y());
    }
}
