package dev.tessera.designer.availability;

import dev.tessera.core.seatmap.Point;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatFlag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Claim 62 at the counter: the best N free seats next to each other in one row of a category,
 * nearest the focal point, never leaving a single stranded seat beside the block where another
 * choice avoids it. Wheelchair and companion places are kept for those who need them. When no row
 * has N together, the nearest free seats are offered, split, and the result says so.
 */
public final class BestAvailable {
    /** A stranded seat costs more than any distance on a plan (centimetres). */
    private static final double STRANDED_PENALTY = 1e9;

    /**
     * @param seats indexes into the seat map, left to right within each row
     * @param together false when the seats had to be split over rows or gaps
     * @param leavesStrandedSeat true when no block without a single stranded seat was possible
     */
    public record Result(List<Integer> seats, boolean together, boolean leavesStrandedSeat) {
        public boolean isEmpty() {
            return seats.isEmpty();
        }
    }

    private BestAvailable() {}

    /**
     * @param categoryId the category to choose from, or null for any
     */
    public static Result find(AvailabilityBoard board, int count, String categoryId) {
        if (count < 1) {
            return new Result(List.of(), true, false);
        }
        List<Seat> seats = board.map().seats();
        Point focus = board.map().focalPoint();
        double bestScore = Double.POSITIVE_INFINITY;
        int bestStart = -1;
        for (int row = 0; row < board.rowCount(); row++) {
            int end = board.rowEnd(row);
            int i = board.rowStart(row);
            while (i < end) {
                if (!offerable(board, seats.get(i), i, categoryId)) {
                    i++;
                    continue;
                }
                int runStart = i;
                while (i < end && offerable(board, seats.get(i), i, categoryId)) {
                    i++;
                }
                int runLength = i - runStart;
                for (int offset = 0; offset + count <= runLength; offset++) {
                    int left = offset;
                    int right = runLength - offset - count;
                    double score = distance(seats, runStart + offset, count, focus);
                    if (left == 1 || right == 1) {
                        score += STRANDED_PENALTY;
                    }
                    if (score < bestScore) {
                        bestScore = score;
                        bestStart = runStart + offset;
                    }
                }
            }
        }
        if (bestStart >= 0) {
            List<Integer> block = new ArrayList<>(count);
            for (int k = 0; k < count; k++) {
                block.add(bestStart + k);
            }
            return new Result(block, true, bestScore >= STRANDED_PENALTY);
        }
        return nearestApart(board, seats, count, categoryId, focus);
    }

    private static Result nearestApart(AvailabilityBoard board, List<Seat> seats, int count, String categoryId,
            Point focus) {
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < seats.size(); i++) {
            if (offerable(board, seats.get(i), i, categoryId)) {
                free.add(i);
            }
        }
        if (free.size() < count) {
            return new Result(List.of(), false, false);
        }
        free.sort(Comparator.comparingDouble(i -> Math.hypot(seats.get(i).x() - focus.x(), seats.get(i).y() - focus.y())));
        List<Integer> chosen = new ArrayList<>(free.subList(0, count));
        chosen.sort(Comparator.naturalOrder());
        return new Result(chosen, false, false);
    }

    private static boolean offerable(AvailabilityBoard board, Seat seat, int index, String categoryId) {
        return board.status(index) == SeatStatus.FREE
                && seat.isForSale()
                && !seat.has(SeatFlag.WHEELCHAIR)
                && !seat.has(SeatFlag.COMPANION)
                && (categoryId == null || categoryId.equals(seat.categoryId()));
    }

    private static double distance(List<Seat> seats, int start, int count, Point focus) {
        double x = 0;
        double y = 0;
        for (int k = start; k < start + count; k++) {
            x += seats.get(k).x();
            y += seats.get(k).y();
        }
        return Math.hypot(x / count - focus.x(), y / count - focus.y());
    }
}
