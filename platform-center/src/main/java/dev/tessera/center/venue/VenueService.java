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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.impl.DSL;

/** Venues and their versioned seat maps; an event pins one version, so versions never change. */
public final class VenueService {
    /** How long a request waits for another one loading the same map before it reads the map itself. */
    private static final long LOAD_WAIT_SECONDS = 10;

    private final Database db;
    private final Clock clock;
    private final Map<String, SeatMap> parsed = new ConcurrentHashMap<>();
    /** The maps being read and parsed now, by key: one load a map. */
    private final Map<String, CompletableFuture<SeatMap>> loading = new ConcurrentHashMap<>();
    private final AtomicInteger documentsRead = new AtomicInteger();

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
     * The seat map of a venue's version, parsed once and kept. One request reads and parses a map nobody has read yet;
     * the others asking for it meanwhile wait for that one (after a restart, 32 requests parsing a large map each at
     * once ran a 256 MB center out of memory). It is read outside the cache's lock, and a thread that holds the H2
     * database (one session at a time, ADR 0003: a transaction) reads it itself rather than wait: the loading thread
     * may be waiting for that very database (a hold and a terminal's offline sale asking for one map after a restart
     * waited for each other for good). The first map kept is the one every caller gets.
     */
    public SeatMap seatMap(long venueId, int version) {
        String k = key(venueId, version);
        SeatMap cached = parsed.get(k);
        if (cached != null) {
            return cached;
        }
        CompletableFuture<SeatMap> mine = new CompletableFuture<>();
        CompletableFuture<SeatMap> running = loading.putIfAbsent(k, mine);
        if (running != null && !db.holdsTheDatabase()) {
            SeatMap loaded = awaitLoad(running, k);
            if (loaded != null) {
                return loaded;
            }
        }
        try {
            SeatMap kept = parsed.get(k);
            if (kept != null) {
                // loaded and kept between this thread's first look and its turn to load
                mine.complete(kept);
                return kept;
            }
            SeatMap map = load(venueId, version, k);
            SeatMap first = parsed.putIfAbsent(k, map);
            kept = first == null ? map : first;
            mine.complete(kept);
            return kept;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(k, mine);
        }
    }

    /** The map another thread loads; null when it takes longer than {@link #LOAD_WAIT_SECONDS} (then load it too). */
    private static SeatMap awaitLoad(CompletableFuture<SeatMap> running, String k) {
        try {
            return running.get(LOAD_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("seat map " + k + " could not be loaded: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for seat map " + k, e);
        }
    }

    /** How many seat-map documents this service read from the database (one a map, however many ask at once). */
    int documentsRead() {
        return documentsRead.get();
    }

    private SeatMap load(long venueId, int version, String k) {
        documentsRead.incrementAndGet();
        String document = db.dsl().select(SEAT_MAP_VERSION.DOCUMENT).from(SEAT_MAP_VERSION)
                .where(SEAT_MAP_VERSION.VENUE_ID.eq(venueId), SEAT_MAP_VERSION.VERSION.eq(version))
                .fetchOne(SEAT_MAP_VERSION.DOCUMENT);
        if (document == null) {
            throw DomainException.notFound("venue " + venueId + " has no seat-map version " + version);
        }
        try {
            return SeatMapFormat.read(document);
        } catch (SeatMapFormatException e) {
            throw new IllegalStateException("stored seat map " + k + " no longer loads: " + e.getMessage(), e);
        }
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
