package dev.tessera.desktop.events;

import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.designer.availability.SeatStatus;
import dev.tessera.contract.availability.Availability;
import dev.tessera.contract.availability.SeatChange;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The status of every seat of one event, merged from snapshots and live changes in any order: each
 * seat keeps the revision it was last set at, and older news never overwrites newer.
 */
final class SeatStatusBoard {
    record Counts(int free, int held, int sold, int blocked) {}

    private final SeatMap map;
    private final Map<String, Integer> index = new HashMap<>();
    private final SeatStatus[] status;
    private final long[] revision;
    private final boolean[] allocatedToYou;
    private final int[] categoryOf;
    private final List<Category> categories;
    private final int[][] counts;

    SeatStatusBoard(SeatMap map) {
        this.map = map;
        List<Seat> seats = map.seats();
        this.status = new SeatStatus[seats.size()];
        this.revision = new long[seats.size()];
        this.allocatedToYou = new boolean[seats.size()];
        this.categoryOf = new int[seats.size()];
        this.categories = map.categories();
        Map<String, Integer> categoryIndex = new HashMap<>();
        for (int c = 0; c < categories.size(); c++) {
            categoryIndex.put(categories.get(c).id(), c);
        }
        for (int i = 0; i < seats.size(); i++) {
            index.put(seats.get(i).id(), i);
            categoryOf[i] = categoryIndex.get(seats.get(i).categoryId());
            revision[i] = -1;
        }
        this.counts = new int[categories.size()][SeatStatus.values().length];
    }

    SeatMap map() {
        return map;
    }

    /** Applies a full snapshot; returns the seats whose look changed. */
    Set<String> applySnapshot(Availability snapshot) {
        Set<String> changed = new LinkedHashSet<>();
        Set<String> mine = Set.copyOf(snapshot.allocatedToYou());
        snapshot.seats().forEach((wireStatus, seatIds) -> {
            SeatStatus s = SeatStatus.ofWire(wireStatus);
            for (String seatId : seatIds) {
                if (set(seatId, s, snapshot.revision())) {
                    changed.add(seatId);
                }
            }
        });
        for (int i = 0; i < allocatedToYou.length; i++) {
            String id = map.seats().get(i).id();
            boolean now = mine.contains(id);
            if (allocatedToYou[i] != now) {
                allocatedToYou[i] = now;
                changed.add(id);
            }
        }
        return changed;
    }

    /** Applies live changes; returns the seats whose status changed. */
    Set<String> apply(List<SeatChange> changes) {
        Set<String> changed = new LinkedHashSet<>();
        for (SeatChange change : changes) {
            if (set(change.seatId(), SeatStatus.ofWire(change.status()), change.revision())) {
                changed.add(change.seatId());
            }
        }
        return changed;
    }

    private boolean set(String seatId, SeatStatus newStatus, long atRevision) {
        Integer i = index.get(seatId);
        if (i == null || atRevision < revision[i]) {
            return false;
        }
        revision[i] = atRevision;
        SeatStatus old = status[i];
        if (old == newStatus) {
            return false;
        }
        if (old != null) {
            counts[categoryOf[i]][old.ordinal()]--;
        }
        counts[categoryOf[i]][newStatus.ordinal()]++;
        status[i] = newStatus;
        return true;
    }

    /** The seat's status, or null while no snapshot has mentioned it. */
    SeatStatus status(String seatId) {
        Integer i = index.get(seatId);
        return i == null ? null : status[i];
    }

    boolean isAllocatedToYou(String seatId) {
        Integer i = index.get(seatId);
        return i != null && allocatedToYou[i];
    }

    /** Seat counts per category id, in the seat map's category order. */
    Map<String, Counts> counts() {
        Map<String, Counts> result = new LinkedHashMap<>();
        for (int c = 0; c < categories.size(); c++) {
            int[] n = counts[c];
            result.put(categories.get(c).id(), new Counts(n[SeatStatus.FREE.ordinal()], n[SeatStatus.HELD.ordinal()],
                    n[SeatStatus.SOLD.ordinal()], n[SeatStatus.BLOCKED.ordinal()]));
        }
        return result;
    }
}
