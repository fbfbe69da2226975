package dev.tessera.center.live;

import static dev.tessera.center.db.schema.Tables.SEAT_STATE;

import dev.tessera.center.db.Database;
import dev.tessera.center.live.SeatStatusFeed.SeatChange;
import java.util.ArrayList;
import java.util.List;
import org.jooq.impl.DSL;
import java.util.Map;
import java.util.TreeMap;

/** Seat availability: a full snapshot for a terminal that starts, and deltas by revision after that. */
public final class AvailabilityService {
    private final Database db;

    public record CategoryCount(String categoryId, int free, int held, int sold, int blocked) {}

    /** Seats grouped by status; {@code allocatedToYou} lists the caller's own seat blocks. */
    public record Snapshot(long eventId, long revision, Map<String, List<String>> seats, List<String> allocatedToYou,
                           List<CategoryCount> counts) {}

    public record Delta(long eventId, long revision, List<SeatChange> changes) {}

    public AvailabilityService(Database db) {
        this.db = db;
    }

    public Snapshot snapshot(long eventId, Long sellerId) {
        Map<String, List<String>> byStatus = new TreeMap<>();
        Map<String, int[]> counts = new TreeMap<>();
        List<String> mine = new ArrayList<>();
        long[] revision = new long[1];
        db.dsl().select(SEAT_STATE.SEAT_ID, SEAT_STATE.STATUS, SEAT_STATE.CATEGORY_ID, SEAT_STATE.ALLOCATED_TO,
                        SEAT_STATE.REVISION)
                .from(SEAT_STATE).where(SEAT_STATE.EVENT_ID.eq(eventId)).orderBy(SEAT_STATE.SEAT_ID)
                .forEach(r -> {
                    byStatus.computeIfAbsent(r.value2(), s -> new ArrayList<>()).add(r.value1());
                    int[] c = counts.computeIfAbsent(r.value3(), k -> new int[4]);
                    c[switch (r.value2()) {
                        case "FREE" -> 0;
                        case "HELD" -> 1;
                        case "SOLD" -> 2;
                        default -> 3;
                    }]++;
                    if (sellerId != null && sellerId.equals(r.value4())) {
                        mine.add(r.value1());
                    }
                    revision[0] = Math.max(revision[0], r.value5());
                });
        List<CategoryCount> perCategory = counts.entrySet().stream()
                .map(e -> new CategoryCount(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList();
        return new Snapshot(eventId, revision[0], byStatus, mine, perCategory);
    }

    /** The newest revision of the event's seats: a change after it has a greater one. */
    public long latestRevision(long eventId) {
        Long latest = db.dsl().select(DSL.max(SEAT_STATE.REVISION)).from(SEAT_STATE)
                .where(SEAT_STATE.EVENT_ID.eq(eventId)).fetchOne().value1();
        return latest == null ? 0 : latest;
    }

    public Delta since(long eventId, long revision) {
        List<SeatChange> changes = db.dsl().select(SEAT_STATE.SEAT_ID, SEAT_STATE.STATUS, SEAT_STATE.REVISION)
                .from(SEAT_STATE).where(SEAT_STATE.EVENT_ID.eq(eventId), SEAT_STATE.REVISION.gt(revision))
                .orderBy(SEAT_STATE.REVISION).limit(100_000)
                .fetch(r -> new SeatChange(r.value1(), r.value2(), r.value3()));
        long latest = changes.isEmpty() ? revision : changes.getLast().revision();
        return new Delta(eventId, latest, changes);
    }
}
