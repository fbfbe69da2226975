package dev.tessera.center.event;

import static dev.tessera.center.db.schema.Sequences.SEAT_REVISION_SEQ;
import static dev.tessera.center.db.schema.Tables.ACCOUNT;
import static dev.tessera.center.db.schema.Tables.EVENT;
import static dev.tessera.center.db.schema.Tables.EVENT_GATE;
import static dev.tessera.center.db.schema.Tables.EVENT_PRICE;
import static dev.tessera.center.db.schema.Tables.GA_ALLOCATION;
import static dev.tessera.center.db.schema.Tables.GA_INVENTORY;
import static dev.tessera.center.db.schema.Tables.SEAT_STATE;
import static dev.tessera.center.db.schema.Tables.SELLER_QUOTA;
import static dev.tessera.center.db.schema.Tables.TICKET;
import static dev.tessera.center.db.schema.Tables.TICKET_MASTER;
import static dev.tessera.center.db.schema.Tables.VENUE;

import dev.tessera.center.db.Database;
import dev.tessera.center.db.schema.tables.records.EventRecord;
import dev.tessera.center.problem.DomainException;
import dev.tessera.center.venue.VenueService;
import dev.tessera.contract.event.AreaCapacity;
import dev.tessera.contract.event.AuthorizeSeller;
import dev.tessera.contract.event.RegisterEvent;
import dev.tessera.contract.event.Released;
import dev.tessera.core.model.Event;
import dev.tessera.core.model.EventStatus;
import dev.tessera.core.model.Role;
import dev.tessera.core.model.SellerAuthorization;
import dev.tessera.core.model.TicketMaster;
import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.Gate;
import dev.tessera.core.seatmap.GeneralAdmissionArea;
import dev.tessera.core.seatmap.Row;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatFlag;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.Section;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import dev.tessera.contract.event.ReleaseSeats;

/** Claims 29 b-d, 30, 71, 73, 74: events with their service information, seller authorizations, publishing. */
public final class EventService {
    private static final int INSERT_CHUNK = 1000;
    /** Events change rarely and are read on every hold and sale; other center instances see changes this late. */
    private static final long CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    private record Cached(Event event, long until) {}

    private final java.util.Map<Long, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile java.util.function.LongConsumer changed = eventId -> { };

    private final Database db;
    private final VenueService venues;
    private final Clock clock;

    public EventService(Database db, VenueService venues, Clock clock) {
        this.db = db;
        this.venues = venues;
        this.clock = clock;
    }

    public Event register(long organizerId, RegisterEvent req) {
        SeatMap map = venues.seatMap(req.venueId(), req.seatMapVersion());
        Event draft;
        try {
            draft = new Event(1, req.name(), req.servicer(), req.venueId(), "", req.seatMapVersion(), req.doorsOpen(),
                    req.startsAt(), req.endsAt(), req.currency(), req.pricesMinor(), req.gates(), List.of(),
                    req.contact(), EventStatus.DRAFT, Boolean.TRUE.equals(req.attendeeNamesRequired()));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(e.getMessage());
        }
        Set<String> categories = map.categories().stream().map(Category::id).collect(Collectors.toSet());
        Set<String> unpriced = new TreeSet<>(categories);
        unpriced.removeAll(draft.pricesMinor().keySet());
        if (!unpriced.isEmpty()) {
            throw DomainException.invalid("every category of the seat map needs a price; missing: " + unpriced);
        }
        Set<String> unknownPrices = new TreeSet<>(draft.pricesMinor().keySet());
        unknownPrices.removeAll(categories);
        if (!unknownPrices.isEmpty()) {
            throw DomainException.invalid("prices name categories the seat map does not have: " + unknownPrices);
        }
        Set<String> mapGates = map.gates().stream().map(Gate::id).collect(Collectors.toSet());
        if (!mapGates.isEmpty() && !mapGates.containsAll(draft.gates())) {
            throw DomainException.invalid("entrance gates must be gates of the seat map " + new TreeSet<>(mapGates));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long eventId = db.tx(ctx -> {
            long id = ctx.insertInto(EVENT)
                    .set(EVENT.NAME, draft.name())
                    .set(EVENT.SERVICER, draft.servicer())
                    .set(EVENT.VENUE_ID, draft.venueId())
                    .set(EVENT.SEAT_MAP_VERSION, draft.seatMapVersion())
                    .set(EVENT.DOORS_OPEN, utc(draft.doorsOpen()))
                    .set(EVENT.STARTS_AT, utc(draft.startsAt()))
                    .set(EVENT.ENDS_AT, utc(draft.endsAt()))
                    .set(EVENT.CURRENCY, draft.currency())
                    .set(EVENT.CONTACT, draft.contact())
                    .set(EVENT.ATTENDEE_NAMES_REQUIRED, draft.attendeeNamesRequired())
                    .set(EVENT.STATUS, EventStatus.DRAFT.name())
                    .set(EVENT.ORGANIZER_ID, organizerId)
                    .set(EVENT.CREATED_AT, now)
                    .returningResult(EVENT.ID).fetchOne(EVENT.ID);
            draft.pricesMinor().forEach((category, price) -> ctx.insertInto(EVENT_PRICE)
                    .set(EVENT_PRICE.EVENT_ID, id).set(EVENT_PRICE.CATEGORY_ID, category)
                    .set(EVENT_PRICE.PRICE_MINOR, price).execute());
            for (String gate : draft.gates()) {
                ctx.insertInto(EVENT_GATE).set(EVENT_GATE.EVENT_ID, id).set(EVENT_GATE.GATE_ID, gate).execute();
            }
            insertSeatStates(ctx, id, map);
            for (GeneralAdmissionArea area : map.areas()) {
                ctx.insertInto(GA_INVENTORY).set(GA_INVENTORY.EVENT_ID, id).set(GA_INVENTORY.AREA_ID, area.id())
                        .set(GA_INVENTORY.CATEGORY_ID, area.categoryId()).set(GA_INVENTORY.CAPACITY, area.capacity())
                        .set(GA_INVENTORY.REVISION, 0L).execute();
            }
            ctx.insertInto(TICKET_MASTER)
                    .set(TICKET_MASTER.EVENT_ID, id)
                    .set(TICKET_MASTER.CAPACITY, map.capacity())
                    .set(TICKET_MASTER.CREATED_AT, now)
                    .execute();
            db.countChangesAtCommit(ctx);
            return id;
        });
        db.refreshSeatStatistics();
        return event(eventId);
    }

    private static void insertSeatStates(DSLContext ctx, long eventId, SeatMap map) {
        var insert = ctx.insertInto(SEAT_STATE, SEAT_STATE.EVENT_ID, SEAT_STATE.SEAT_ID, SEAT_STATE.CATEGORY_ID,
                SEAT_STATE.SECTION_ID, SEAT_STATE.ROW_ID, SEAT_STATE.SEAT_INDEX, SEAT_STATE.STATUS, SEAT_STATE.REVISION);
        var step = insert;
        int pending = 0;
        for (Section section : map.sections()) {
            for (Row row : section.rows()) {
                for (int i = 0; i < row.seats().size(); i++) {
                    Seat seat = row.seats().get(i);
                    String status = seat.flags().contains(SeatFlag.NOT_FOR_SALE) ? "BLOCKED" : "FREE";
                    step = step.values(eventId, seat.id(), seat.categoryId(), section.id(), row.id(), i, status, 0L);
                    if (++pending == INSERT_CHUNK) {
                        step.execute();
                        step = ctx.insertInto(SEAT_STATE, SEAT_STATE.EVENT_ID, SEAT_STATE.SEAT_ID,
                                SEAT_STATE.CATEGORY_ID, SEAT_STATE.SECTION_ID, SEAT_STATE.ROW_ID, SEAT_STATE.SEAT_INDEX,
                                SEAT_STATE.STATUS, SEAT_STATE.REVISION);
                        pending = 0;
                    }
                }
            }
        }
        if (pending > 0) {
            step.execute();
        }
    }

    /** Claim 29 d: from now on the center sells the event through its authorized sellers. */
    public Event publish(long eventId) {
        db.txRun(ctx -> {
            EventRecord event = lockEvent(ctx, eventId);
            if (EventStatus.valueOf(event.getStatus()) != EventStatus.DRAFT) {
                throw DomainException.conflict("not-draft", "event " + eventId + " is " + event.getStatus().toLowerCase()
                        + "; only a draft can be published");
            }
            ctx.update(EVENT).set(EVENT.STATUS, EventStatus.PUBLISHED.name())
                    .set(EVENT.PUBLISHED_AT, OffsetDateTime.now(clock)).where(EVENT.ID.eq(eventId)).execute();
        });
        forget(eventId);
        return event(eventId);
    }

    /** Claims 30, 73, 74: quotas per category and seat blocks allocated to one seller alone. */
    public SellerAuthorization authorize(long eventId, AuthorizeSeller req) {
        if (req.quotas() == null || req.quotas().isEmpty()) {
            throw DomainException.invalid("an authorization needs a quota for at least one category");
        }
        List<String> seatIds = req.seatIds() == null ? List.of() : req.seatIds();
        db.txRun(ctx -> {
            EventRecord event = lockEvent(ctx, eventId);
            var seller = ctx.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(req.sellerId())).fetchOne();
            if (seller == null || !Role.SELLER.name().equals(seller.getRole())) {
                throw DomainException.invalid("account " + req.sellerId() + " is not a seller");
            }
            SeatMap map = venues.seatMap(event.getVenueId(), event.getSeatMapVersion());
            Set<String> categories = map.categories().stream().map(Category::id).collect(Collectors.toSet());
            for (var quota : req.quotas().entrySet()) {
                if (!categories.contains(quota.getKey())) {
                    throw DomainException.invalid("unknown category \"" + quota.getKey() + "\"");
                }
                if (quota.getValue() == null || quota.getValue() < 0) {
                    throw DomainException.invalid("the quota of " + quota.getKey() + " must be zero or more");
                }
                int updated = ctx.update(SELLER_QUOTA).set(SELLER_QUOTA.QUOTA, quota.getValue())
                        .where(SELLER_QUOTA.EVENT_ID.eq(eventId), SELLER_QUOTA.SELLER_ID.eq(req.sellerId()),
                                SELLER_QUOTA.CATEGORY_ID.eq(quota.getKey()), SELLER_QUOTA.USED.le(quota.getValue()))
                        .execute();
                if (updated == 0) {
                    boolean exists = ctx.fetchExists(SELLER_QUOTA, SELLER_QUOTA.EVENT_ID.eq(eventId),
                            SELLER_QUOTA.SELLER_ID.eq(req.sellerId()), SELLER_QUOTA.CATEGORY_ID.eq(quota.getKey()));
                    if (exists) {
                        throw DomainException.conflict("quota-below-used", "the seller has already sold or holds more "
                                + quota.getKey() + " seats than the new quota of " + quota.getValue());
                    }
                    ctx.insertInto(SELLER_QUOTA)
                            .set(SELLER_QUOTA.EVENT_ID, eventId).set(SELLER_QUOTA.SELLER_ID, req.sellerId())
                            .set(SELLER_QUOTA.CATEGORY_ID, quota.getKey()).set(SELLER_QUOTA.QUOTA, quota.getValue())
                            .set(SELLER_QUOTA.USED, 0).execute();
                }
            }
            if (req.areas() != null) {
                new java.util.TreeMap<>(req.areas()).forEach((areaId, quantity) ->
                        allocateArea(ctx, eventId, req.sellerId(), map, areaId, quantity));
            }
            List<String> unknown = seatIds.stream().filter(id -> map.seat(id).isEmpty()).limit(10).toList();
            if (!unknown.isEmpty()) {
                throw DomainException.invalid("the seat map has no seats " + unknown);
            }
            for (int from = 0; from < seatIds.size(); from += INSERT_CHUNK) {
                List<String> chunk = seatIds.subList(from, Math.min(seatIds.size(), from + INSERT_CHUNK));
                int allocated = ctx.update(SEAT_STATE).set(SEAT_STATE.ALLOCATED_TO, req.sellerId())
                        .setNull(SEAT_STATE.RELEASED_FROM)
                        .where(SEAT_STATE.EVENT_ID.eq(eventId), SEAT_STATE.SEAT_ID.in(chunk),
                                SEAT_STATE.STATUS.eq("FREE"),
                                SEAT_STATE.ALLOCATED_TO.isNull().or(SEAT_STATE.ALLOCATED_TO.eq(req.sellerId())))
                        .execute();
                if (allocated != new HashSet<>(chunk).size()) {
                    List<String> taken = ctx.select(SEAT_STATE.SEAT_ID).from(SEAT_STATE)
                            .where(SEAT_STATE.EVENT_ID.eq(eventId), SEAT_STATE.SEAT_ID.in(chunk))
                            .and(SEAT_STATE.STATUS.ne("FREE").or(SEAT_STATE.ALLOCATED_TO.ne(req.sellerId())))
                            .limit(10).fetch(SEAT_STATE.SEAT_ID);
                    throw DomainException.conflict("seats-not-allocatable",
                            "these seats are sold, held, blocked or allocated to another seller: " + taken);
                }
            }
        });
        forget(eventId);
        return authorization(eventId, req.sellerId());
    }

    /**
     * Claims 30, 73, 74: takes free seats back from a seller's block; they are for sale to everyone at once. Seats
     * the seller has sold or holds stay where they are. A terminal of that seller that is offline learns of it when
     * it reconnects; until then an offline sale it makes of a released seat still stands if nobody else has sold
     * the seat meanwhile ({@code released_from}), else it is rejected at sync like any offline sale that cannot.
     */
    public Released release(long eventId, long sellerId, ReleaseSeats req) {
        List<String> asked = req == null || req.seatIds() == null ? List.of()
                : req.seatIds().stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (asked.isEmpty()) {
            throw DomainException.invalid("name the seats to take back (seatIds)");
        }
        List<String> released = new ArrayList<>();
        db.txRun(ctx -> {
            lockEvent(ctx, eventId);
            if (!ctx.fetchExists(SELLER_QUOTA, SELLER_QUOTA.EVENT_ID.eq(eventId), SELLER_QUOTA.SELLER_ID.eq(sellerId))) {
                throw DomainException.notFound("seller " + sellerId + " is not authorized for event " + eventId);
            }
            for (int from = 0; from < asked.size(); from += INSERT_CHUNK) {
                List<String> chunk = asked.subList(from, Math.min(asked.size(), from + INSERT_CHUNK));
                var free = SEAT_STATE.EVENT_ID.eq(eventId).and(SEAT_STATE.SEAT_ID.in(chunk))
                        .and(SEAT_STATE.ALLOCATED_TO.eq(sellerId)).and(SEAT_STATE.STATUS.eq("FREE"));
                List<String> seats = ctx.select(SEAT_STATE.SEAT_ID).from(SEAT_STATE).where(free).forUpdate()
                        .fetch(SEAT_STATE.SEAT_ID);
                if (!seats.isEmpty()) {
                    ctx.update(SEAT_STATE).setNull(SEAT_STATE.ALLOCATED_TO).set(SEAT_STATE.RELEASED_FROM, sellerId)
                            .where(free.and(SEAT_STATE.SEAT_ID.in(seats))).execute();
                    released.addAll(seats);
                }
            }
        });
        forget(eventId);
        java.util.Set<String> gone = new HashSet<>(released);
        return new Released(authorization(eventId, sellerId), released.stream().sorted().toList(),
                asked.stream().filter(id -> !gone.contains(id)).toList());
    }

    /**
     * Issue 18: sets the seller's allocation of a standing area to {@code quantity} places: the difference comes out of
     * (or goes back to) the area's free places in one conditional UPDATE, and never below what the seller sold of it.
     */
    private static void allocateArea(DSLContext ctx, long eventId, long sellerId, SeatMap map, String areaId,
                                     Integer quantity) {
        if (map.areas().stream().noneMatch(a -> a.id().equals(areaId))) {
            throw DomainException.invalid("the seat map has no standing area \"" + areaId + "\"");
        }
        if (quantity == null || quantity < 0) {
            throw DomainException.invalid("the allocation of " + areaId + " must be zero or more places");
        }
        var current = ctx.selectFrom(GA_ALLOCATION).where(GA_ALLOCATION.EVENT_ID.eq(eventId),
                GA_ALLOCATION.AREA_ID.eq(areaId), GA_ALLOCATION.SELLER_ID.eq(sellerId)).forUpdate().fetchOne();
        int quantityBefore = current == null ? 0 : current.getQuantity();
        int sold = current == null ? 0 : current.getSold();
        if (quantity < sold) {
            throw DomainException.conflict("allocation-below-sold", "the seller has already sold " + sold
                    + " places of " + areaId + " from its allocation, more than " + quantity);
        }
        int more = (quantity - sold) - (quantityBefore - sold);
        int updated = ctx.update(GA_INVENTORY).set(GA_INVENTORY.ALLOCATED, GA_INVENTORY.ALLOCATED.plus(more))
                .set(GA_INVENTORY.REVISION, SEAT_REVISION_SEQ.nextval())
                .where(GA_INVENTORY.EVENT_ID.eq(eventId), GA_INVENTORY.AREA_ID.eq(areaId),
                        GA_INVENTORY.HELD.plus(GA_INVENTORY.SOLD).plus(GA_INVENTORY.ALLOCATED).plus(more)
                                .le(GA_INVENTORY.CAPACITY))
                .execute();
        if (updated == 0) {
            throw DomainException.conflict("area-full", "standing area " + areaId + " has fewer than " + more
                    + " free places to allocate");
        }
        if (current == null) {
            ctx.insertInto(GA_ALLOCATION).set(GA_ALLOCATION.EVENT_ID, eventId).set(GA_ALLOCATION.AREA_ID, areaId)
                    .set(GA_ALLOCATION.SELLER_ID, sellerId).set(GA_ALLOCATION.QUANTITY, quantity)
                    .set(GA_ALLOCATION.SOLD, 0).execute();
        } else {
            ctx.update(GA_ALLOCATION).set(GA_ALLOCATION.QUANTITY, quantity).where(GA_ALLOCATION.EVENT_ID.eq(eventId),
                    GA_ALLOCATION.AREA_ID.eq(areaId), GA_ALLOCATION.SELLER_ID.eq(sellerId)).execute();
        }
    }

    /**
     * Issue 18: the organizer changes a standing area's capacity, never below the places sold, held and allocated.
     * Returns the area id; the caller reads the counts.
     */
    public void changeCapacity(long eventId, String areaId, AreaCapacity req) {
        if (req == null || req.capacity() == null || req.capacity() < 0) {
            throw DomainException.invalid("capacity must be zero or more places");
        }
        int capacity = req.capacity();
        db.txRun(ctx -> {
            lockEvent(ctx, eventId);
            var row = ctx.selectFrom(GA_INVENTORY)
                    .where(GA_INVENTORY.EVENT_ID.eq(eventId), GA_INVENTORY.AREA_ID.eq(areaId)).fetchOne();
            if (row == null) {
                throw DomainException.notFound("event " + eventId + " has no standing area " + areaId);
            }
            int updated = ctx.update(GA_INVENTORY).set(GA_INVENTORY.CAPACITY, capacity)
                    .set(GA_INVENTORY.REVISION, SEAT_REVISION_SEQ.nextval())
                    .where(GA_INVENTORY.EVENT_ID.eq(eventId), GA_INVENTORY.AREA_ID.eq(areaId),
                            GA_INVENTORY.HELD.plus(GA_INVENTORY.SOLD).plus(GA_INVENTORY.ALLOCATED).le(capacity))
                    .execute();
            if (updated == 0) {
                var now = ctx.selectFrom(GA_INVENTORY)
                        .where(GA_INVENTORY.EVENT_ID.eq(eventId), GA_INVENTORY.AREA_ID.eq(areaId)).fetchOne();
                throw DomainException.conflict("capacity-below-sold", "standing area " + areaId + " has "
                        + now.getSold() + " places sold, " + now.getHeld() + " held and " + now.getAllocated()
                        + " allocated to sellers; the capacity cannot go below "
                        + (now.getSold() + now.getHeld() + now.getAllocated()));
            }
        });
    }

    /** Issue 18: the standing places allocated to a seller per area id (quantity, and sold of it). */
    public Map<String, int[]> areaAllocations(long eventId, long sellerId) {
        Map<String, int[]> out = new java.util.TreeMap<>();
        db.dsl().selectFrom(GA_ALLOCATION).where(GA_ALLOCATION.EVENT_ID.eq(eventId), GA_ALLOCATION.SELLER_ID.eq(sellerId))
                .forEach(a -> out.put(a.getAreaId(), new int[] {a.getQuantity(), a.getSold()}));
        return out;
    }

    /** The event changed elsewhere (cancelled, moved): read it again from the database on the next ask. */
    public void forget(long eventId) {
        forgetHere(eventId);
        changed.accept(eventId);
    }

    /** Drops the cached event on this instance only: another instance changed it (cluster.ClusterNotifications). */
    public void forgetHere(long eventId) {
        cache.remove(eventId);
    }

    public SellerAuthorization authorization(long eventId, long sellerId) {
        var quotas = db.dsl().selectFrom(SELLER_QUOTA)
                .where(SELLER_QUOTA.EVENT_ID.eq(eventId), SELLER_QUOTA.SELLER_ID.eq(sellerId)).fetch();
        if (quotas.isEmpty()) {
            throw DomainException.notFound("seller " + sellerId + " is not authorized for event " + eventId);
        }
        Map<String, Integer> quotaMap = new LinkedHashMap<>();
        quotas.forEach(q -> quotaMap.put(q.getCategoryId(), q.getQuota()));
        List<String> seats = db.dsl().select(SEAT_STATE.SEAT_ID).from(SEAT_STATE)
                .where(SEAT_STATE.EVENT_ID.eq(eventId), SEAT_STATE.ALLOCATED_TO.eq(sellerId)).fetch(SEAT_STATE.SEAT_ID);
        String name = db.dsl().select(ACCOUNT.DISPLAY_NAME).from(ACCOUNT).where(ACCOUNT.ID.eq(sellerId))
                .fetchOne(ACCOUNT.DISPLAY_NAME);
        Map<String, Integer> areas = new LinkedHashMap<>();
        Map<String, Integer> areasSold = new LinkedHashMap<>();
        areaAllocations(eventId, sellerId).forEach((area, qs) -> {
            areas.put(area, qs[0]);
            areasSold.put(area, qs[1]);
        });
        return new SellerAuthorization(eventId, sellerId, name, quotaMap, Set.copyOf(seats), areas, areasSold);
    }

    public List<SellerAuthorization> authorizations(long eventId) {
        event(eventId);
        return db.dsl().selectDistinct(SELLER_QUOTA.SELLER_ID).from(SELLER_QUOTA)
                .where(SELLER_QUOTA.EVENT_ID.eq(eventId)).orderBy(SELLER_QUOTA.SELLER_ID)
                .fetch(SELLER_QUOTA.SELLER_ID).stream().map(s -> authorization(eventId, s)).toList();
    }

    /** Claims 29 h, 77: the master's capacity and the tickets issued from it so far (valid or used). */
    public TicketMaster ticketMaster(long eventId) {
        event(eventId);
        Integer capacity = db.dsl().select(TICKET_MASTER.CAPACITY).from(TICKET_MASTER)
                .where(TICKET_MASTER.EVENT_ID.eq(eventId)).fetchOne(TICKET_MASTER.CAPACITY);
        int issued = db.dsl().fetchCount(TICKET, TICKET.EVENT_ID.eq(eventId), TICKET.STATUS.in("VALID", "USED"));
        return new TicketMaster(eventId, capacity == null ? 0 : capacity, issued);
    }

    /** Tells the other instances that an event changed, so they drop their cached copy (set once, by the cluster). */
    public void onChange(java.util.function.LongConsumer listener) {
        this.changed = listener;
    }

    public Event event(long eventId) {
        Cached cached = cache.get(eventId);
        if (cached != null && cached.until - System.nanoTime() > 0) {
            return cached.event;
        }
        Event event = load(eventId);
        cache.put(eventId, new Cached(event, System.nanoTime() + CACHE_NANOS));
        return event;
    }

    private Event load(long eventId) {
        EventRecord row = db.dsl().selectFrom(EVENT).where(EVENT.ID.eq(eventId)).fetchOne();
        if (row == null) {
            throw DomainException.notFound("no event " + eventId);
        }
        return toEvent(row);
    }

    public List<Event> list(boolean publishedOnly) {
        var query = db.dsl().selectFrom(EVENT);
        var rows = publishedOnly ? query.where(EVENT.STATUS.eq(EventStatus.PUBLISHED.name())).orderBy(EVENT.STARTS_AT).fetch()
                : query.orderBy(EVENT.STARTS_AT).fetch();
        return rows.map(this::toEvent);
    }

    public SeatMap seatMapOf(Event event) {
        return venues.seatMap(event.venueId(), event.seatMapVersion());
    }

    private Event toEvent(EventRecord row) {
        Map<String, Long> prices = new LinkedHashMap<>();
        db.dsl().selectFrom(EVENT_PRICE).where(EVENT_PRICE.EVENT_ID.eq(row.getId())).orderBy(EVENT_PRICE.CATEGORY_ID)
                .forEach(p -> prices.put(p.getCategoryId(), p.getPriceMinor()));
        List<String> gates = db.dsl().select(EVENT_GATE.GATE_ID).from(EVENT_GATE)
                .where(EVENT_GATE.EVENT_ID.eq(row.getId())).orderBy(EVENT_GATE.GATE_ID).fetch(EVENT_GATE.GATE_ID);
        List<String> sellers = db.dsl().selectDistinct(ACCOUNT.DISPLAY_NAME).from(SELLER_QUOTA)
                .join(ACCOUNT).on(ACCOUNT.ID.eq(SELLER_QUOTA.SELLER_ID))
                .where(SELLER_QUOTA.EVENT_ID.eq(row.getId())).orderBy(ACCOUNT.DISPLAY_NAME).fetch(ACCOUNT.DISPLAY_NAME);
        String venueName = db.dsl().select(VENUE.NAME).from(VENUE).where(VENUE.ID.eq(row.getVenueId())).fetchOne(VENUE.NAME);
        return new Event(row.getId(), row.getName(), row.getServicer(), row.getVenueId(), venueName,
                row.getSeatMapVersion(), row.getDoorsOpen().toInstant(), row.getStartsAt().toInstant(),
                row.getEndsAt().toInstant(), row.getCurrency(), prices, gates, new ArrayList<>(sellers),
                row.getContact(), EventStatus.valueOf(row.getStatus()), row.getAttendeeNamesRequired());
    }

    static EventRecord lockEvent(DSLContext ctx, long eventId) {
        EventRecord event = ctx.selectFrom(EVENT).where(EVENT.ID.eq(eventId)).forUpdate().fetchOne();
        if (event == null) {
            throw DomainException.notFound("no event " + eventId);
        }
        return event;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

}
