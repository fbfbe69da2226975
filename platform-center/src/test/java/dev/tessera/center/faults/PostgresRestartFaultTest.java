package dev.tessera.center.faults;

import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.SOLD_SEAT;
import static dev.tessera.center.db.schema.Tables.TICKET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.PostgresCluster;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.SeatMapFormat;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * Fault suite 2: PostgreSQL restarted ({@code pg_ctl restart -m fast}) under 16 sellers selling in a
 * loop. Afterwards every sale the center confirmed (2xx) is in the database with its seats, no seat is
 * sold twice, and every request that failed during the outage got a problem document saying the
 * database is unavailable (503), not an unreadable 500.
 */
class PostgresRestartFaultTest {
    private static final int SELLERS = 16;
    private static final int RESTARTS = Boolean.getBoolean("tessera.faults.full") ? 8 : 2;
    private static final Duration BETWEEN_RESTARTS = Duration.ofSeconds(3);

    record Sold(long saleId, List<String> seatIds) {}

    @Test
    void restartingPostgresUnderLoadLosesNoConfirmedSaleAndSellsNoSeatTwice() throws Exception {
        PostgresCluster pg = PostgresCluster.shared();
        try (CenterFixture f = new CenterFixture(pg.createDatabase("faults_pg_restart"), "postgres")) {
            SeatMap map = SampleVenues.stadium(30_000);
            long eventId = stadiumEvent(f, map);
            List<ApiClient> sellers = new ArrayList<>();
            for (int i = 0; i < SELLERS; i++) {
                CenterFixture.Account seller = f.account(Role.SELLER);
                Response auth = f.organizer.post("/api/events/" + eventId + "/authorizations", Map.of(
                        "sellerId", seller.id(), "quotas", CenterFixture.quotaForAll(map, 100_000), "seatIds", List.of()));
                assertThat(auth.status()).as(auth.body()).isEqualTo(201);
                sellers.add(seller.client());
            }
            assertThat(f.organizer.post("/api/events/" + eventId + "/publish", Map.of()).status()).isEqualTo(200);

            ConcurrentMap<Long, Sold> confirmed = new ConcurrentHashMap<>();
            ConcurrentMap<String, AtomicInteger> failures = new ConcurrentHashMap<>();
            List<String> unreadable = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch done = new CountDownLatch(SELLERS);
            List<String> categories = map.categories().stream().map(c -> c.id()).toList();
            for (int i = 0; i < SELLERS; i++) {
                ApiClient api = sellers.get(i);
                Random random = new Random(i);
                Thread.ofPlatform().name("seller-" + i).start(() -> {
                    try {
                        while (!stop.get()) {
                            Response hold = send(() -> api.post("/api/events/" + eventId + "/holds", Map.of("bestAvailable",
                                    Map.of("count", 1 + random.nextInt(3), "categoryId",
                                            categories.get(random.nextInt(categories.size()))))));
                            if (failed(hold, failures, unreadable)) {
                                continue;
                            }
                            Response sale = send(() -> api.post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                                    "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CASH"))));
                            if (!failed(sale, failures, unreadable)) {
                                List<String> seats = new ArrayList<>();
                                sale.get("tickets").forEach(t -> seats.add(t.path("seatId").asText()));
                                confirmed.put(sale.get("saleId").asLong(), new Sold(sale.get("saleId").asLong(), seats));
                            }
                        }
                    } finally {
                        done.countDown();
                    }
                });
            }
            List<Integer> confirmedAtRestart = new ArrayList<>();
            for (int r = 0; r < RESTARTS; r++) {
                Thread.sleep(BETWEEN_RESTARTS.toMillis());
                confirmedAtRestart.add(confirmed.size());
                pg.restart();
            }
            Thread.sleep(BETWEEN_RESTARTS.toMillis());
            stop.set(true);
            assertThat(done.await(2, TimeUnit.MINUTES)).as("every seller stopped").isTrue();

            DSLContext db = f.center.services().db().dsl();
            List<String> lost = new ArrayList<>();
            List<String> duplicated = new ArrayList<>();
            Map<String, Long> seatsAnswered = new java.util.HashMap<>();
            for (Sold s : confirmed.values()) {
                if (!db.fetchExists(SALE, SALE.ID.eq(s.saleId()))) {
                    lost.add("sale " + s.saleId() + " was confirmed but is not in the database");
                }
                for (String seat : s.seatIds()) {
                    Long other = seatsAnswered.put(seat, s.saleId());
                    if (other != null) {
                        duplicated.add("seat " + seat + " confirmed to sales " + other + " and " + s.saleId());
                    }
                    if (!db.fetchExists(TICKET, TICKET.EVENT_ID.eq(eventId), TICKET.SEAT_ID.eq(seat),
                            TICKET.SALE_ID.eq(s.saleId()), TICKET.STATUS.eq("VALID"))) {
                        lost.add("seat " + seat + " of confirmed sale " + s.saleId() + " is not sold in the database");
                    }
                }
            }
            db.select(TICKET.SEAT_ID, DSL.count()).from(TICKET).where(TICKET.EVENT_ID.eq(eventId), TICKET.STATUS.ne("VOID"))
                    .groupBy(TICKET.SEAT_ID).having(DSL.count().gt(1))
                    .forEach(row -> duplicated.add("seat " + row.value1() + " has " + row.value2() + " tickets"));
            int soldSeats = db.fetchCount(SOLD_SEAT, SOLD_SEAT.EVENT_ID.eq(eventId));
            int sales = db.fetchCount(SALE, SALE.EVENT_ID.eq(eventId));

            String failureSummary = failures.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "));
            System.out.println("FAULTS postgres-restart: sales=" + confirmed.size() + " lost=" + lost.size()
                    + " duplicated=" + duplicated.size() + "  (" + SELLERS + " sellers, " + RESTARTS
                    + " restarts; sales in the database " + sales + ", seats sold " + soldSeats + ", seats in 2xx answers "
                    + seatsAnswered.size() + "; failed requests: " + (failureSummary.isEmpty() ? "none" : failureSummary) + ")");
            assertThat(lost).isEmpty();
            assertThat(duplicated).isEmpty();
            assertThat(dev.tessera.center.sales.LedgerIntegrity.missingParents(db)).as("rows naming a missing parent")
                    .isEmpty();
            assertThat(unreadable).as("failed requests without a problem document").isEmpty();
            assertThat(failures.keySet()).as("every failure is the database being away or a seat taken meanwhile")
                    .allMatch(k -> k.startsWith("503 database-unavailable") || k.startsWith("409"));
            assertThat(soldSeats).as("a sale whose answer was lost in the outage may be in the database; no fewer")
                    .isGreaterThanOrEqualTo(seatsAnswered.size());
            for (int r = 1; r < confirmedAtRestart.size(); r++) {
                assertThat(confirmedAtRestart.get(r)).as("sales go on after restart " + r)
                        .isGreaterThan(confirmedAtRestart.get(r - 1));
            }
            assertThat(confirmed.size()).as("sales after the last restart").isGreaterThan(confirmedAtRestart.getLast());
        }
    }

    /** A request whose connection broke: the center itself never went away, so this must not happen. */
    private static Response send(java.util.function.Supplier<Response> request) {
        try {
            return request.get();
        } catch (UncheckedIOException e) {
            return new Response(-1, "", e.getMessage(), com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        }
    }

    /** True when the request failed; counts it by status and problem type, or notes a failure nobody can read. */
    private static boolean failed(Response r, ConcurrentMap<String, AtomicInteger> failures, List<String> unreadable) {
        if (r.status() / 100 == 2) {
            return false;
        }
        JsonNode type = r.get("type");
        if (!r.contentType().startsWith("application/problem+json") || type.isMissingNode()) {
            unreadable.add(r.status() + " " + r.body());
        }
        String key = r.status() + " " + type.asText().replaceFirst(".*/", "");
        failures.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        return true;
    }

    private static long stadiumEvent(CenterFixture f, SeatMap map) {
        Response venue = f.organizer.post("/api/venues", Map.of("name", CenterFixture.unique("Stadium"), "address", "-"));
        assertThat(venue.status()).as(venue.body()).isEqualTo(201);
        long venueId = venue.get("id").asLong();
        Response seatMap = f.organizer.post("/api/venues/" + venueId + "/seat-maps", SeatMapFormat.toJson(map));
        assertThat(seatMap.status()).as(seatMap.body()).isEqualTo(201);
        Instant start = f.clock.instant().plus(Duration.ofDays(7));
        Map<String, Long> prices = new java.util.LinkedHashMap<>();
        map.categories().forEach(c -> prices.put(c.id(), 4_000L));
        Response event = f.organizer.post("/api/events", Map.ofEntries(
                Map.entry("name", CenterFixture.unique("Restart Cup")), Map.entry("servicer", "Tessera"),
                Map.entry("venueId", venueId), Map.entry("seatMapVersion", seatMap.get("version").asInt()),
                Map.entry("doorsOpen", start.minus(Duration.ofHours(2)).toString()), Map.entry("startsAt", start.toString()),
                Map.entry("endsAt", start.plus(Duration.ofHours(3)).toString()), Map.entry("currency", "JPY"),
                Map.entry("pricesMinor", prices), Map.entry("gates", map.gates().stream().map(g -> g.id()).toList()),
                Map.entry("contact", "-")));
        assertThat(event.status()).as(event.body()).isEqualTo(201);
        return event.get("id").asLong();
    }
}
