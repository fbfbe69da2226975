package dev.tessera.center.venue;

import static dev.tessera.center.db.schema.Tables.SEAT_MAP_VERSION;
import static dev.tessera.center.db.schema.Tables.VENUE;

import dev.tessera.center.db.Database;
import dev.tessera.center.problem.DomainException;
import dev.tessera.core.model.Venue;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.SeatMapFormat;
import dev.tessera.core.seatmap.SeatMapFormatException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.impl.DSL;

/** Venues and their versioned seat maps; an event pins one version, so versions never change. */
public final class VenueService {
    private final Database db;
    private final Clock clock;
    private final Map<String, SeatMap> parsed = new ConcurrentHashMap<>();

    public VenueService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Venue create(long organizerId, String name, String address) {
        Venue probe = new Venue(1, name, address, 0); // validates before touching the database
        long id = db.tx(ctx -> ctx.insertInto(VENUE)
                .set(VENUE.NAME, probe.name())
                .set(VENUE.ADDRESS, probe.address())
                .set(VENUE.ORGANIZER_ID, organizerId)
                .set(VENUE.CREATED_AT, OffsetDateTime.now(clock))
                .returningResult(VENUE.ID).fetchOne(VENUE.ID));
        return new Venue(id, probe.name(), probe.address(), 0);
    }

    /** Stores a new seat-map version after the strict loader accepted it. */
    public int addSeatMap(long venueId, String document) {
        SeatMap map;
        try {
            map = SeatMapFormat.read(document);
        } catch (SeatMapFormatException e) {
            throw DomainException.invalid("the seat map is not valid: " + e.getMessage());
        }
        int version = db.tx(ctx -> {
            if (ctx.selectFrom(VENUE).where(VENUE.ID.eq(venueId)).forUpdate().fetchOne() == null) {
                throw DomainException.notFound("no venue " + venueId);
            }
            Integer latest = ctx.select(DSL.max(SEAT_MAP_VERSION.VERSION)).from(SEAT_MAP_VERSION)
                    .where(SEAT_MAP_VERSION.VENUE_ID.eq(venueId)).fetchOne(0, Integer.class);
            int next = latest == null ? 1 : latest + 1;
            ctx.insertInto(SEAT_MAP_VERSION)
                    .set(SEAT_MAP_VERSION.VENUE_ID, venueId)
                    .set(SEAT_MAP_VERSION.VERSION, next)
                    .set(SEAT_MAP_VERSION.SEAT_COUNT, map.seatCount())
                    .set(SEAT_MAP_VERSION.DOCUMENT, document)
                    .set(SEAT_MAP_VERSION.CREATED_AT, OffsetDateTime.now(clock))
                    .execute();
            return next;
        });
        parsed.put(key(venueId, version), map);
        return version;
    }

    /**
     * The seat map of a venue's version, parsed once and kept. It is read and parsed outside the cache's lock: a thread
     * that loads it inside {@code computeIfAbsent} waits there for the database, and on H2 (one session at a time,
     * ADR 0003) a transaction that holds the database and needs the same map waited for that lock: both waited for
     * good (seen after a center restart, a hold and a terminal's offline sale asking for one map at once). Two threads
     * may now both parse a map that nobody asked for yet; the first one kept is the one every caller gets.
     */
    public SeatMap seatMap(long venueId, int version) {
        String k = key(venueId, version);
        SeatMap cached = parsed.get(k);
        if (cached != null) {
            return cached;
        }
        String document = db.dsl().select(SEAT_MAP_VERSION.DOCUMENT).from(SEAT_MAP_VERSION)
                .where(SEAT_MAP_VERSION.VENUE_ID.eq(venueId), SEAT_MAP_VERSION.VERSION.eq(version))
                .fetchOne(SEAT_MAP_VERSION.DOCUMENT);
        if (document == null) {
            throw DomainException.notFound("venue " + venueId + " has no seat-map version " + version);
        }
        SeatMap map;
        try {
            map = SeatMapFormat.read(document);
        } catch (SeatMapFormatException e) {
            throw new IllegalStateException("stored seat map " + k + " no longer loads: " + e.getMessage(), e);
        }
        SeatMap first = parsed.putIfAbsent(k, map);
        return first == null ? map : first;
    }

    public String seatMapDocument(long venueId, int version) {
        return SeatMapFormat.toJson(seatMap(venueId, version));
    }

    public Venue venue(long venueId) {
        var row = db.dsl().selectFrom(VENUE).where(VENUE.ID.eq(venueId)).fetchOne();
        if (row == null) {
            throw DomainException.notFound("no venue " + venueId);
        }
        return new Venue(row.getId(), row.getName(), row.getAddress(), latestVersion(venueId));
    }

    public List<Venue> list() {
        return db.dsl().selectFrom(VENUE).orderBy(VENUE.ID).fetch()
                .map(r -> new Venue(r.getId(), r.getName(), r.getAddress(), latestVersion(r.getId())));
    }

    private int latestVersion(long venueId) {
        Integer v = db.dsl().select(DSL.max(SEAT_MAP_VERSION.VERSION)).from(SEAT_MAP_VERSION)
                .where(SEAT_MAP_VERSION.VENUE_ID.eq(venueId)).fetchOne(0, Integer.class);
        return v == null ? 0 : v;
    }

    private static String key(long venueId, int version) {
        return venueId + "/" + version;
    }
}
