package dev.tessera.center.sales;

import static dev.tessera.center.db.RenderedStatement.insertRows;
import static dev.tessera.center.db.RenderedStatement.param;
import static dev.tessera.center.db.schema.Tables.ISSUING_INFO;
import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.SEAT_HOLD;
import static dev.tessera.center.db.schema.Tables.SEAT_HOLD_AREA;
import static dev.tessera.center.db.schema.Tables.SEAT_HOLD_SEAT;
import static dev.tessera.center.db.schema.Tables.SEAT_STATE;
import static dev.tessera.center.db.schema.Tables.SELLER_QUOTA;
import static dev.tessera.center.db.schema.Tables.TICKET;

import dev.tessera.center.db.Database;
import dev.tessera.center.db.Pipeline;
import dev.tessera.center.db.RenderedStatement;
import dev.tessera.center.db.schema.tables.records.SeatHoldRecord;
import dev.tessera.center.event.EventService;
import dev.tessera.center.idempotency.AnswerInTransaction;
import dev.tessera.center.problem.DomainException;
import dev.tessera.center.live.SeatStatusFeed;
import dev.tessera.contract.availability.SeatChange;
import dev.tessera.contract.sales.BestAvailable;
import dev.tessera.contract.sales.HoldRequest;
import dev.tessera.core.model.Event;
import dev.tessera.core.model.EventStatus;
import dev.tessera.core.model.Hold;
import dev.tessera.core.model.HoldStatus;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ObjLongConsumer;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Claim 32: seats held for a sale at the center, lapsing after the set period unless issued. */
public final class HoldService {
    // issue 13: the hold's statements on the sales' hot path, rendered once (RenderedStatement)
    private static final List<org.jooq.Field<?>> HOLD_COLUMNS = List.of(SEAT_HOLD.EVENT_ID, SEAT_HOLD.SELLER_ID,
            SEAT_HOLD.STATUS, SEAT_HOLD.CREATED_AT, SEAT_HOLD.EXPIRES_AT);
    private static final RenderedStatement INSERT_HOLD = new RenderedStatement(ctx -> insertRows(ctx, SEAT_HOLD, 1,
            HOLD_COLUMNS).returningResult(SEAT_HOLD.ID));
    private static final RenderedStatement DRAW_HOLD_KEY = new RenderedStatement(ctx -> ctx.select(
            Pipeline.nextKey(SEAT_HOLD.ID)));
    /** The hold with its key drawn before ({@link Pipeline#nextKey}). */
    private static final RenderedStatement INSERT_KEYED_HOLD = new RenderedStatement(ctx -> insertRows(ctx, SEAT_HOLD,
            1, Pipeline.withKey(SEAT_HOLD.ID, HOLD_COLUMNS)));
    private static final RenderedStatement.Shapes<Integer> INSERT_HOLD_SEATS = new RenderedStatement.Shapes<>(
            (ctx, seats) -> insertRows(ctx, SEAT_HOLD_SEAT, seats, List.of(SEAT_HOLD_SEAT.HOLD_ID,
                    SEAT_HOLD_SEAT.SEAT_ID, SEAT_HOLD_SEAT.CATEGORY_ID)));
    /** A hold with its seats (place, no quantity) and standing places (area, quantity): one row each, or one bare. */
    private static final RenderedStatement FIND_HOLD = new RenderedStatement(ctx -> {
        var place = DSL.field("place", String.class);
        var quantity = DSL.field("quantity", Integer.class);
        return ctx.select(SEAT_HOLD.ID, SEAT_HOLD.EVENT_ID, SEAT_HOLD.SELLER_ID, SEAT_HOLD.STATUS,
                        SEAT_HOLD.EXPIRES_AT, SEAT_HOLD_SEAT.SEAT_ID.as(place),
                        DSL.inline(null, Integer.class).as(quantity))
                .from(SEAT_HOLD).leftJoin(SEAT_HOLD_SEAT).on(SEAT_HOLD_SEAT.HOLD_ID.eq(SEAT_HOLD.ID))
                .where(SEAT_HOLD.ID.eq(param(SEAT_HOLD.ID)))
                .unionAll(DSL.select(SEAT_HOLD.ID, SEAT_HOLD.EVENT_ID, SEAT_HOLD.SELLER_ID, SEAT_HOLD.STATUS,
                                SEAT_HOLD.EXPIRES_AT, SEAT_HOLD_AREA.AREA_ID, SEAT_HOLD_AREA.QUANTITY)
                        .from(SEAT_HOLD).join(SEAT_HOLD_AREA).on(SEAT_HOLD_AREA.HOLD_ID.eq(SEAT_HOLD.ID))
                        .where(SEAT_HOLD.ID.eq(param(SEAT_HOLD.ID))));
    });
    private static final RenderedStatement TAKE_QUOTA = new RenderedStatement(ctx -> {
        org.jooq.Param<Integer> taken = DSL.param("taken", SELLER_QUOTA.USED.getDataType());
        return ctx.update(SELLER_QUOTA).set(SELLER_QUOTA.USED, SELLER_QUOTA.USED.plus(taken))
                .where(SELLER_QUOTA.EVENT_ID.eq(param(SELLER_QUOTA.EVENT_ID)),
                        SELLER_QUOTA.SELLER_ID.eq(param(SELLER_QUOTA.SELLER_ID)),
                        SELLER_QUOTA.CATEGORY_ID.eq(param(SELLER_QUOTA.CATEGORY_ID)),
                        SELLER_QUOTA.USED.plus(DSL.param("taken_again", SELLER_QUOTA.USED.getDataType()))
                                .le(SELLER_QUOTA.QUOTA));
    });

    public static final int MAX_SEATS_PER_HOLD = 50;
    private static final int BEST_AVAILABLE_ATTEMPTS = 4;

    private final Database db;
    private final EventService events;
    private final SeatStatusFeed feed;
    private final Clock clock;
    private final Duration holdPeriod;

    public HoldService(Database db, EventService events, SeatStatusFeed feed, Clock clock, Duration holdPeriod) {
        this.db = db;
        this.events = events;
        this.feed = feed;
        this.clock = clock;
        this.holdPeriod = holdPeriod;
    }

    public Duration holdPeriod() {
        return holdPeriod;
    }

    public Hold hold(long sellerId, long eventId, HoldRequest request) {
        return hold(sellerId, eventId, request, null);
    }

    /**
     * A hold, with {@code alsoInTransaction} (or nothing, when null) run in its transaction once the seats are held
     * (given the new hold's id): what must exist with the hold or not at all, as a member's claim on it.
     */
    public Hold hold(long sellerId, long eventId, HoldRequest request, ObjLongConsumer<DSLContext> alsoInTransaction) {
        Event event = events.event(eventId);
        requireOnSale(event, clock);
        SeatMap map = events.seatMapOf(event);
        boolean explicit = request.seatIds() != null && !request.seatIds().isEmpty();
        Map<String, Integer> areas = StandingPlaces.checkRequest(map, request.areas());
        if (explicit && request.bestAvailable() != null) {
            throw DomainException.invalid("name either seatIds or bestAvailable, not both");
        }
        if (!explicit && request.bestAvailable() == null) {
            if (areas.isEmpty()) {
                throw DomainException.invalid("name seatIds, bestAvailable or areas (standing places)");
            }
            return holdSeats(sellerId, eventId, map, List.of(), areas, alsoInTransaction);
        }
        if (explicit) {
            return holdSeats(sellerId, eventId, map, new ArrayList<>(new LinkedHashSet<>(request.seatIds())), areas,
                    alsoInTransaction);
        }
        BestAvailable best = request.bestAvailable();
        if (best.count() < 1 || best.count() > MAX_SEATS_PER_HOLD) {
            throw DomainException.invalid("best available takes 1 to " + MAX_SEATS_PER_HOLD + " seats");
        }
        if (map.category(best.categoryId()).isEmpty()) {
            throw DomainException.invalid("unknown category \"" + best.categoryId() + "\"");
        }
        for (int attempt = 1; ; attempt++) {
            Set<String> free = new HashSet<>(db.dsl().select(SEAT_STATE.SEAT_ID).from(SEAT_STATE)
                    .where(SEAT_STATE.EVENT_ID.eq(eventId), SEAT_STATE.CATEGORY_ID.eq(best.categoryId()),
                            SEAT_STATE.STATUS.eq("FREE"),
                            SEAT_STATE.ALLOCATED_TO.isNull().or(SEAT_STATE.ALLOCATED_TO.eq(sellerId)))
                    .fetch(SEAT_STATE.SEAT_ID));
            List<String> block = BestAvailableFinder.find(map, free, best.count());
            if (block.isEmpty()) {
                throw DomainException.conflict("no-consecutive-seats", "there are no " + best.count()
                        + " consecutive free seats in " + best.categoryId() + " (" + free.size() + " free in all)");
            }
            try {
                return holdSeats(sellerId, eventId, map, block, areas, alsoInTransaction);
            } catch (DomainException e) {
                // Another seller took part of the block between the search and the hold: search again.
                if (!"seat-unavailable".equals(e.code()) || attempt >= BEST_AVAILABLE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Refuses a hold or sale of an event that is not published or is over. */
    static void requireOnSale(Event event, Clock clock) {
        if (event.status() != EventStatus.PUBLISHED) {
            throw DomainException.conflict("not-on-sale", "event " + event.id() + " is not on sale (" + event.status()
                    + ")");
        }
        if (!event.endsAt().isAfter(clock.instant())) {
            throw DomainException.conflict("not-on-sale", "event " + event.id() + " is over");
        }
    }

    /** The seats and places asked for, counted per category (what the seller's quotas are charged); checks the ids. */
    static Map<String, Integer> perCategory(SeatMap map, List<String> seatIds, Map<String, Integer> areas) {
        if (seatIds.size() > MAX_SEATS_PER_HOLD) {
            throw DomainException.invalid("one hold takes at most " + MAX_SEATS_PER_HOLD + " seats");
        }
        Map<String, Integer> perCategory = new TreeMap<>();
        for (String seatId : seatIds) {
            Seat seat = map.seat(seatId).orElseThrow(
                    () -> DomainException.invalid("the event's seat map has no seat \"" + seatId + "\""));
            perCategory.merge(seat.categoryId(), 1, Integer::sum);
        }
        areas.forEach((areaId, quantity) -> perCategory.merge(StandingPlaces.area(map, areaId).categoryId(), quantity,
                Integer::sum));
        return perCategory;
    }

    /** A seller's hold row of an event: ACTIVE until {@code expires}, or ISSUED at once for a sale paid on the spot. */
    static long insertHold(DSLContext ctx, long eventId, long sellerId, HoldStatus status, OffsetDateTime now,
                           OffsetDateTime expires) {
        return INSERT_HOLD.fetchLong(ctx, eventId, sellerId, status.name(), now, expires);
    }

    /** Refuses with 409 seat-unavailable when fewer seats moved than were asked for, naming the ones lost. */
    static void requireAll(List<String> seatIds, List<SeatChange> moved) {
        if (moved.size() != seatIds.size()) {
            Set<String> got = moved.stream().map(SeatChange::seatId).collect(Collectors.toSet());
            List<String> lost = seatIds.stream().filter(s -> !got.contains(s)).toList();
            throw DomainException.conflict("seat-unavailable", "these seats are no longer free: " + lost);
        }
    }

    private Hold holdSeats(long sellerId, long eventId, SeatMap map, List<String> seatIds, Map<String, Integer> areas,
                           ObjLongConsumer<DSLContext> alsoInTransaction) {
        Map<String, Integer> perCategory = perCategory(map, seatIds, areas);
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expires = now.plus(holdPeriod);
        List<SeatChange> changes = new ArrayList<>();
        List<String> touchedAreas = new ArrayList<>(areas.keySet());
        if (db.dialect() == org.jooq.SQLDialect.POSTGRES && areas.isEmpty() && !seatIds.isEmpty()
                && alsoInTransaction == null) {
            java.util.Optional<Hold> pipelined = holdPipelined(sellerId, eventId, map, seatIds, perCategory, now,
                    expires, changes);
            if (pipelined.isPresent()) {
                feed.publish(eventId, changes, List.of());
                return pipelined.get();
            }
        }
        Hold hold = db.tx(ctx -> {
            changes.clear();
            reserveQuota(ctx, eventId, sellerId, perCategory);
            long id = insertHold(ctx, eventId, sellerId, HoldStatus.ACTIVE, now, expires);
            if (!seatIds.isEmpty()) {
                List<SeatChange> held = SeatStates.move(ctx, eventId, seatIds, id, "HELD",
                        SeatStates.Guard.TAKEABLE, sellerId);
                requireAll(seatIds, held);
                changes.addAll(held);
            }
            recordPlaces(ctx, id, map, seatIds, areas);
            // after the seats: every transaction takes area rows last and in area-id order, so none waits in a circle
            areas.forEach((areaId, quantity) -> StandingPlaces.hold(ctx, eventId, map, areaId, quantity));
            if (alsoInTransaction != null) {
                alsoInTransaction.accept(ctx, id);
            }
            return AnswerInTransaction.keep(ctx,
                    new Hold(id, eventId, sellerId, seatIds, areas, expires.toInstant(), HoldStatus.ACTIVE));
        });
        feed.publish(eventId, changes, areaCounts(eventId, touchedAreas));
        return hold;
    }

    /**
     * Issue 13: a hold of seats on PostgreSQL in two round trips and a commit where one statement at a time takes five:
     * the hold's key and the seller's quota, then the hold, its seats and the request's answer ({@link Pipeline}), in
     * the order of the one-at-a-time path. Empty, its transaction rolled back, when a step found what that path answers
     * in its own words (a quota used up or missing, a seat taken, a statement refused); the caller then runs it.
     */
    private java.util.Optional<Hold> holdPipelined(long sellerId, long eventId, SeatMap map, List<String> seatIds,
                                                   Map<String, Integer> perCategory, OffsetDateTime now,
                                                   OffsetDateTime expires, List<SeatChange> changes) {
        return Pipeline.orElseOneAtATime(db, ctx -> {
            changes.clear();
            Pipeline first = new Pipeline();
            var key = first.fetch(DRAW_HOLD_KEY, rs -> rs.getLong(1));
            List<Pipeline.Step<Void>> quota = reserveQuota(first, eventId, sellerId, perCategory);
            first.runOrLeave(ctx);
            Pipeline.leaveUnless(quota.stream().allMatch(step -> step.count() == 1));
            long id = key.rows().getFirst();
            Pipeline second = new Pipeline();
            insertHold(second, id, eventId, sellerId, HoldStatus.ACTIVE, now, expires);
            var held = SeatStates.moveOnPostgres(second, eventId, seatIds, id, "HELD", SeatStates.Guard.TAKEABLE,
                    sellerId);
            recordSeats(second, id, map, seatIds);
            Hold hold = AnswerInTransaction.keep(second, new Hold(id, eventId, sellerId, seatIds, Map.of(),
                    expires.toInstant(), HoldStatus.ACTIVE));
            second.runOrLeave(ctx);
            Pipeline.leaveUnless(held.rows().size() == seatIds.size());
            changes.addAll(held.rows());
            return hold;
        }, changes::clear);
    }

    private List<dev.tessera.contract.availability.AreaCount> areaCounts(long eventId, List<String> areaIds) {
        return areaIds.isEmpty() ? List.of()
                : dev.tessera.center.live.AvailabilityService.areaCounts(db.dsl(), eventId, areaIds);
    }

    /** {@link #insertHold} with its key drawn before, as a step of {@code pipeline}. */
    static void insertHold(Pipeline pipeline, long holdId, long eventId, long sellerId, HoldStatus status,
                           OffsetDateTime now, OffsetDateTime expires) {
        pipeline.execute(INSERT_KEYED_HOLD, holdId, eventId, sellerId, status.name(), now, expires);
    }

    /** The hold's seats (one multi-row insert) and standing places, in the caller's transaction. */
    static void recordPlaces(DSLContext ctx, long holdId, SeatMap map, List<String> seatIds, Map<String, Integer> areas) {
        if (!seatIds.isEmpty()) {
            INSERT_HOLD_SEATS.of(seatIds.size()).execute(ctx, holdSeatValues(holdId, map, seatIds));
        }
        areas.forEach((areaId, quantity) -> ctx.insertInto(SEAT_HOLD_AREA).set(SEAT_HOLD_AREA.HOLD_ID, holdId)
                .set(SEAT_HOLD_AREA.AREA_ID, areaId)
                .set(SEAT_HOLD_AREA.CATEGORY_ID, StandingPlaces.area(map, areaId).categoryId())
                .set(SEAT_HOLD_AREA.QUANTITY, quantity).execute());
    }

    /** {@link #recordPlaces}' seats (no standing places) as a step of {@code pipeline}. */
    static void recordSeats(Pipeline pipeline, long holdId, SeatMap map, List<String> seatIds) {
        pipeline.execute(INSERT_HOLD_SEATS.of(seatIds.size()), holdSeatValues(holdId, map, seatIds));
    }

    private static Object[] holdSeatValues(long holdId, SeatMap map, List<String> seatIds) {
        List<Object> values = new ArrayList<>(3 * seatIds.size());
        for (String seatId : seatIds) {
            values.add(holdId);
            values.add(seatId);
            values.add(map.seat(seatId).orElseThrow().categoryId());
        }
        return values.toArray();
    }

    /**
     * {@link #reserveQuota} as steps of {@code pipeline}: one a category, each changing one row when the quota allows
     * it; a step that changed none is a quota used up or missing, which {@link #reserveQuota} tells apart.
     */
    static List<Pipeline.Step<Void>> reserveQuota(Pipeline pipeline, long eventId, long sellerId,
                                                  Map<String, Integer> perCategory) {
        List<Pipeline.Step<Void>> steps = new ArrayList<>();
        perCategory.forEach((category, seats) -> steps.add(pipeline.execute(TAKE_QUOTA, seats, eventId, sellerId,
                category, seats)));
        return steps;
    }

    /** Claims 30, 74: the seller's quota per category, taken in the same transaction as the seats. */
    static void reserveQuota(DSLContext ctx, long eventId, long sellerId, Map<String, Integer> perCategory) {
        for (var entry : perCategory.entrySet()) {
            int updated = TAKE_QUOTA.execute(ctx, entry.getValue(), eventId, sellerId, entry.getKey(),
                    entry.getValue());
            if (updated == 0) {
                var quota = ctx.selectFrom(SELLER_QUOTA).where(SELLER_QUOTA.EVENT_ID.eq(eventId),
                        SELLER_QUOTA.SELLER_ID.eq(sellerId), SELLER_QUOTA.CATEGORY_ID.eq(entry.getKey())).fetchOne();
                if (quota == null) {
                    throw DomainException.forbidden("this seller is not authorized to sell " + entry.getKey()
                            + " seats of event " + eventId);
                }
                throw DomainException.conflict("quota-exceeded", "the quota for " + entry.getKey() + " allows "
                        + (quota.getQuota() - quota.getUsed()) + " more seats, " + entry.getValue() + " were asked");
            }
        }
    }

    /**
     * The hold with its seats and standing places, read in one statement (issue 13: a confirmation read them in three,
     * each on a connection of its own).
     */
    public Hold find(long holdId) {
        record Row(long id, long eventId, long sellerId, String status, OffsetDateTime expiresAt, String place,
                   Integer quantity) {}
        List<Row> rows = FIND_HOLD.fetch(db.dsl(), rs -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getString(6),
                rs.getObject(7, Integer.class)), holdId, holdId);
        if (rows.isEmpty()) {
            throw DomainException.notFound("no hold " + holdId);
        }
        Row first = rows.getFirst();
        Set<String> seats = new java.util.TreeSet<>();
        Map<String, Integer> areas = new TreeMap<>();
        for (Row row : rows) {
            if (row.quantity() != null) {
                areas.put(row.place(), row.quantity());
            } else if (row.place() != null) {
                seats.add(row.place());
            }
        }
        HoldStatus status = HoldStatus.valueOf(first.status());
        if (status == HoldStatus.ISSUED && seats.isEmpty()) {
            // a sale paid at once writes no hold seats (issue 13): the hold's seats are its sale's
            seats.addAll(db.dsl().selectDistinct(TICKET.SEAT_ID).from(TICKET)
                    .join(SALE).on(SALE.ID.eq(TICKET.SALE_ID))
                    .join(ISSUING_INFO).on(ISSUING_INFO.ID.eq(SALE.ISSUING_INFO_ID))
                    .where(ISSUING_INFO.HOLD_ID.eq(holdId), TICKET.GENERAL_ADMISSION.isFalse())
                    .fetch(TICKET.SEAT_ID));
        }
        return new Hold(first.id(), first.eventId(), first.sellerId(), List.copyOf(seats), areas,
                first.expiresAt().toInstant(), status);
    }

    /**
     * The seller's holds that still keep seats (active and not yet lapsed by the clock), oldest first, of one event or
     * of all: what a terminal that lost an answer finds again and releases or sells.
     */
    public List<Hold> activeOf(long sellerId, Long eventId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var condition = SEAT_HOLD.SELLER_ID.eq(sellerId).and(SEAT_HOLD.STATUS.eq(HoldStatus.ACTIVE.name()))
                .and(SEAT_HOLD.EXPIRES_AT.gt(now));
        if (eventId != null) {
            condition = condition.and(SEAT_HOLD.EVENT_ID.eq(eventId));
        }
        List<SeatHoldRecord> holds = db.dsl().selectFrom(SEAT_HOLD).where(condition).orderBy(SEAT_HOLD.ID).fetch();
        Map<Long, List<String>> seats = db.dsl().select(SEAT_HOLD_SEAT.HOLD_ID, SEAT_HOLD_SEAT.SEAT_ID)
                .from(SEAT_HOLD_SEAT)
                .where(SEAT_HOLD_SEAT.HOLD_ID.in(holds.stream().map(SeatHoldRecord::getId).toList()))
                .orderBy(SEAT_HOLD_SEAT.SEAT_ID)
                .fetchGroups(SEAT_HOLD_SEAT.HOLD_ID, SEAT_HOLD_SEAT.SEAT_ID);
        return holds.stream().map(h -> new Hold(h.getId(), h.getEventId(), h.getSellerId(),
                seats.getOrDefault(h.getId(), List.of()), areasOf(db.dsl(), h.getId()), h.getExpiresAt().toInstant(),
                HoldStatus.valueOf(h.getStatus())))
                .toList();
    }

    /** The standing places of a hold, per area id. */
    static Map<String, Integer> areasOf(DSLContext ctx, long holdId) {
        Map<String, Integer> areas = new TreeMap<>();
        ctx.selectFrom(SEAT_HOLD_AREA).where(SEAT_HOLD_AREA.HOLD_ID.eq(holdId))
                .forEach(a -> areas.put(a.getAreaId(), a.getQuantity()));
        return areas;
    }

    /** The seller gives the seats back before the hold lapses. */
    public void release(long sellerId, long holdId) {
        Hold hold = find(holdId);
        if (hold.sellerId() != sellerId) {
            throw DomainException.notFound("no hold " + holdId + " of this seller");
        }
        if (!end(holdId, HoldStatus.RELEASED)) {
            throw DomainException.conflict("hold-not-active", "hold " + holdId + " is already " + find(holdId).status());
        }
    }

    /** Lapses every active hold whose period is over; returns how many lapsed. */
    public int lapseExpired() {
        List<Long> expired = db.dsl().select(SEAT_HOLD.ID).from(SEAT_HOLD)
                .where(SEAT_HOLD.STATUS.eq(HoldStatus.ACTIVE.name()), SEAT_HOLD.EXPIRES_AT.le(OffsetDateTime.now(clock)))
                .orderBy(SEAT_HOLD.EXPIRES_AT).limit(500).fetch(SEAT_HOLD.ID);
        int lapsed = 0;
        for (long id : expired) {
            if (end(id, HoldStatus.LAPSED)) {
                lapsed++;
            }
        }
        return lapsed;
    }

    private boolean end(long holdId, HoldStatus newStatus) {
        List<SeatChange> changes = new ArrayList<>();
        List<String> touchedAreas = new ArrayList<>();
        long[] eventId = new long[1];
        boolean ended = db.tx(ctx -> {
            changes.clear();
            touchedAreas.clear();
            SeatHoldRecord hold = ctx.selectFrom(SEAT_HOLD).where(SEAT_HOLD.ID.eq(holdId)).fetchOne();
            int updated = ctx.update(SEAT_HOLD).set(SEAT_HOLD.STATUS, newStatus.name())
                    .where(SEAT_HOLD.ID.eq(holdId), SEAT_HOLD.STATUS.eq(HoldStatus.ACTIVE.name())).execute();
            if (updated == 0) {
                return false;
            }
            eventId[0] = hold.getEventId();
            Map<String, Integer> perCategory = new TreeMap<>();
            List<String> seatIds = new ArrayList<>();
            ctx.selectFrom(SEAT_HOLD_SEAT).where(SEAT_HOLD_SEAT.HOLD_ID.eq(holdId)).forEach(s -> {
                perCategory.merge(s.getCategoryId(), 1, Integer::sum);
                seatIds.add(s.getSeatId());
            });
            List<SeatChange> freed = SeatStates.move(ctx, hold.getEventId(), seatIds, holdId, "FREE",
                    SeatStates.Guard.HELD_BY_THE_HOLD, holdId);
            Map<String, Integer> areas = new TreeMap<>();
            ctx.selectFrom(SEAT_HOLD_AREA).where(SEAT_HOLD_AREA.HOLD_ID.eq(holdId)).forEach(a -> {
                perCategory.merge(a.getCategoryId(), a.getQuantity(), Integer::sum);
                areas.put(a.getAreaId(), a.getQuantity());
            });
            perCategory.forEach((category, count) -> ctx.update(SELLER_QUOTA)
                    .set(SELLER_QUOTA.USED, SELLER_QUOTA.USED.minus(count))
                    .where(SELLER_QUOTA.EVENT_ID.eq(hold.getEventId()), SELLER_QUOTA.SELLER_ID.eq(hold.getSellerId()),
                            SELLER_QUOTA.CATEGORY_ID.eq(category))
                    .execute());
            areas.forEach((areaId, quantity) -> StandingPlaces.unhold(ctx, hold.getEventId(), areaId, quantity));
            touchedAreas.addAll(areas.keySet());
            changes.addAll(freed);
            return true;
        });
        if (ended) {
            feed.publish(eventId[0], changes, areaCounts(eventId[0], touchedAreas));
        }
        return ended;
    }

}
