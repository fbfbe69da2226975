package dev.tessera.center.live;

import static dev.tessera.center.db.schema.Tables.GA_INVENTORY;
import static dev.tessera.center.db.schema.Tables.SEAT_CHANGE;
import static dev.tessera.center.db.schema.Tables.SEAT_STATE;
import static dev.tessera.center.db.schema.Tables.TICKET;

import dev.tessera.center.db.Database;
import dev.tessera.contract.availability.SeatChange;
import dev.tessera.contract.availability.AreaCount;
import dev.tessera.contract.availability.Availability.CategoryCount;
import dev.tessera.contract.availability.Availability;
import dev.tessera.contract.availability.AvailabilityDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/** Seat availability: a full snapshot for a terminal that starts, and deltas by revision after that. */
public final class AvailabilityService {
    private final Database db;

    public AvailabilityService(Database db) {
        this.db = db;
    }

    public Availability snapshot(long eventId, Long sellerId) {
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
        return new Availability(eventId, revision[0], byStatus, mine, perCategory, areas(eventId));
    }

    /** The query of {@link #since}'s seats, apart so that a test can ask the database how it plans it. */
    public static ResultQuery<Record3<String, String, Long>> changesSince(DSLContext ctx, long eventId, long revision) {
        return ctx.select(SEAT_STATE.SEAT_ID, SEAT_STATE.STATUS, SEAT_CHANGE.REVISION)
                .from(SEAT_CHANGE).join(SEAT_STATE).on(SEAT_STATE.SEAT_ID.eq(SEAT_CHANGE.SEAT_ID),
                        SEAT_STATE.EVENT_ID.eq(SEAT_CHANGE.EVENT_ID), SEAT_STATE.REVISION.eq(SEAT_CHANGE.REVISION))
                .where(SEAT_CHANGE.EVENT_ID.eq(eventId), SEAT_CHANGE.REVISION.gt(revision))
                .orderBy(SEAT_CHANGE.REVISION).limit(100_000);
    }

    /** Every standing area of the event, by area id. */
    public List<AreaCount> areas(long eventId) {
        return areaCounts(db.dsl(), eventId, DSL.trueCondition());
    }

    /** The named standing areas of the event, read in the caller's transaction or after it. */
    public static List<AreaCount> areaCounts(DSLContext ctx, long eventId, Collection<String> areaIds) {
        return areaCounts(ctx, eventId, GA_INVENTORY.AREA_ID.in(areaIds));
    }

    private static List<AreaCount> areaCounts(DSLContext ctx, long eventId, Condition which) {
        Map<String, Integer> admitted = new TreeMap<>();
        ctx.select(TICKET.SEAT_ID, DSL.count()).from(TICKET)
                .where(TICKET.EVENT_ID.eq(eventId), TICKET.GENERAL_ADMISSION.isTrue(), TICKET.STATUS.eq("USED"))
                .groupBy(TICKET.SEAT_ID)
                .forEach(r -> admitted.put(r.value1(), r.value2()));
        return ctx.selectFrom(GA_INVENTORY).where(GA_INVENTORY.EVENT_ID.eq(eventId), which)
                .orderBy(GA_INVENTORY.AREA_ID)
                .fetch(r -> new AreaCount(r.getAreaId(), r.getCategoryId(), r.getCapacity(), r.getHeld(), r.getSold(),
                        r.getAllocated(), Math.max(0, r.getCapacity() - r.getHeld() - r.getSold() - r.getAllocated()),
                        admitted.getOrDefault(r.getAreaId(), 0), r.getDoorFull(), r.getRevision()));
    }

    /** The newest revision of the event's seats: a change after it has a greater one (from seat_change's key). */
    public long latestRevision(long eventId) {
        Long latest = db.dsl().select(DSL.max(SEAT_CHANGE.REVISION)).from(SEAT_CHANGE)
                .where(SEAT_CHANGE.EVENT_ID.eq(eventId)).fetchOne().value1();
        return latest == null ? 0 : latest;
    }

    /**
     * The event's seats changed after {@code revision}, each once with its state now and the revision of its latest
     * change, in revision order: the changes are found by seat_change's key (migration 33), and a seat's earlier
     * changes drop out of the join because its row carries the latest one's revision.
     */
    public AvailabilityDelta since(long eventId, long revision) {
        List<SeatChange> changes = changesSince(db.dsl(), eventId, revision)
                .fetch(r -> new SeatChange(r.value1(), r.value2(), r.value3()));
        long latest = changes.isEmpty() ? revision : changes.getLast().revision();
        return new AvailabilityDelta(eventId, latest, changes, areas(eventId));
    }
}
