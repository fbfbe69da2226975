package dev.tessera.center.faults;

import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.TICKET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.db.Database;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterCluster;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.SeatMapFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 16: three center instances, each a JVM of its own, on one PostgreSQL behind HAProxy (Debian's package), as
 * docs/operations.md "Several instances" describes. Clients race through the balancer, a terminal watching one instance
 * sees what another sold, a sign-out on one instance is refused on the others, and instances are SIGKILLed under load
 * while the clients retry with their Idempotency-Keys. CI kills each instance once; {@code -Dtessera.faults.full=true}
 * (./tessera faults) kills 75 times, about five minutes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultTest {
    private static final boolean FULL = Boolean.getBoolean("tessera.faults.full");
    private static final int INSTANCES = 3;
    private static final int RACE_CLIENTS = 64;
    private static final int RACE_SEATS = 200;
    private static final int SELLER_ACCOUNTS = 8;
    private static final int KILL_CLIENTS = 32;
    private static final Duration KILL_EVERY = Duration.ofSeconds(4);
    private static final int KILLS = FULL ? 75 : INSTANCES;
    /** How long a client keeps retrying one request with its key: longer than an instance takes to come back. */
    private static final Duration RETRY_FOR = Duration.ofSeconds(60);

    private CenterCluster cluster;
    private Database db;
    private ApiClient organizer;
    private final List<Seller> sellers = new ArrayList<>();

    record Seller(long id, String loginId, String password) {}

    record Sold(long saleId, long holdId, List<String> seatIds) {}

    @BeforeAll
    void startTheCluster() throws Exception {
        cluster = CenterCluster.start("cluster_faults", INSTANCES, null);
        db = Database.open(cluster.dbUrl(), "postgres", null, 4);
        organizer = viaBalancer().login("admin", CenterCluster.ADMIN_PASSWORD);
        for (int i = 0; i < SELLER_ACCOUNTS; i++) {
            String login = CenterFixture.unique("seller");
            Response r = organizer.post("/api/accounts", Map.of("loginId", login, "password", "password-" + login,
                    "role", "SELLER", "displayName", "Seller " + i));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            sellers.add(new Seller(r.get("accountId").asLong(), login, "password-" + login));
        }
    }

    @AfterAll
    void stopTheCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    @Order(1)
    void sixtyFourClientsThroughTheBalancerSellTwoHundredSeatsOnceEach() throws Exception {
        SeatMap map = SampleVenues.stadium(2_000);
        long eventId = publishedEvent(map, "Race");
        // 200 seats on sale (a wheelchair space is not sold like a seat)
        Response snapshot = organizer.get("/api/events/" + eventId + "/seats");
        List<String> raceSeats = new ArrayList<>();
        snapshot.get("seats").path("FREE").forEach(seat -> raceSeats.add(seat.asText()));
        raceSeats.subList(RACE_SEATS, raceSeats.size()).clear();
        Set<String> unsold = ConcurrentHashMap.newKeySet();
        unsold.addAll(raceSeats);
        Map<Long, Sold> confirmed = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<ApiClient> clients = signIn(RACE_CLIENTS);
        CountDownLatch done = new CountDownLatch(RACE_CLIENTS);
        List<Throwable> crashed = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        long giveUpAt = started + TimeUnit.MINUTES.toNanos(2);
        for (int c = 0; c < RACE_CLIENTS; c++) {
            ApiClient api = clients.get(c);
            Random random = new Random(c);
            Thread.ofPlatform().name("race-" + c).start(() -> {
                try {
                    while (!unsold.isEmpty() && System.nanoTime() < giveUpAt) {
                        List<String> pick = pick(unsold, random, 1 + random.nextInt(2));
                        if (pick.isEmpty()) {
                            break;
                        }
                        Response hold = api.post("/api/events/" + eventId + "/holds", Map.of("seatIds", pick),
                                UUID.randomUUID().toString());
                        count(outcomes, "hold", hold);
                        if (hold.status() != 201) {
                            continue;
                        }
                        Response sale = api.post("/api/sales", saleOf(hold.get("id").asLong()),
                                UUID.randomUUID().toString());
                        count(outcomes, "sale", sale);
                        if (sale.status() / 100 == 2) {
                            Sold sold = sold(sale, hold.get("id").asLong());
                            confirmed.put(sold.saleId(), sold);
                            sold.seatIds().forEach(unsold::remove);
                        }
                    }
                } catch (RuntimeException | Error e) {
                    crashed.add(e);
                } finally {
                    done.countDown();
                }
            });
        }
        assertThat(done.await(3, TimeUnit.MINUTES)).as("every client finished").isTrue();
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, Long> seatsTold = new HashMap<>();
        List<String> toldTwice = new ArrayList<>();
        confirmed.values().forEach(s -> s.seatIds().forEach(seat -> {
            Long other = seatsTold.put(seat, s.saleId());
            if (other != null) {
                toldTwice.add(seat + " to sales " + other + " and " + s.saleId());
            }
        }));
        DSLContext dsl = db.dsl();
        List<String> doubleSold = dsl.select(TICKET.SEAT_ID).from(TICKET)
                .where(TICKET.EVENT_ID.eq(eventId), TICKET.STATUS.ne("VOID"))
                .groupBy(TICKET.SEAT_ID).having(DSL.count().gt(1)).fetch(TICKET.SEAT_ID);
        int ticketsInDatabase = dsl.fetchCount(TICKET, TICKET.EVENT_ID.eq(eventId), TICKET.STATUS.ne("VOID"));
        System.out.printf("CLUSTER race: %d clients, %d seats sold in %d sales in %.1f s through HAProxy over %d "
                        + "instances; double sales %d; answers %s%n", RACE_CLIENTS, seatsTold.size(), confirmed.size(),
                seconds, INSTANCES, doubleSold.size() + toldTwice.size(), new java.util.TreeMap<>(outcomes));
        assertThat(crashed).isEmpty();
        assertThat(toldTwice).as("seats confirmed to two sales").isEmpty();
        assertThat(doubleSold).as("seats with two tickets in the database").isEmpty();
        assertThat(seatsTold.keySet()).containsExactlyInAnyOrderElementsOf(raceSeats);
        assertThat(ticketsInDatabase).isEqualTo(RACE_SEATS);
    }

    @Test
    @Order(2)
    void aTerminalWatchingOneInstanceSeesASaleMadeOnAnother() throws Exception {
        SeatMap map = SampleVenues.stadium(2_000);
        long eventId = publishedEvent(map, "Live");
        Seller seller = sellers.getFirst();
        ApiClient onA = direct(0).login(seller.loginId(), seller.password());
        ApiClient onC = direct(2).login(seller.loginId(), seller.password());
        Map<String, Long> soldSeen = new ConcurrentHashMap<>();
        CountDownLatch watching = new CountDownLatch(1);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest stream = HttpRequest.newBuilder(cluster.direct(0).resolve("/api/events/" + eventId
                        + "/seats/stream")).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + onA.token()).build();
        var lines = http.sendAsync(stream, HttpResponse.BodyHandlers.ofLines());
        Thread reader = Thread.ofPlatform().daemon().name("watcher-on-A").start(() -> {
            try {
                String event = "";
                for (String line : (Iterable<String>) lines.join().body()::iterator) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        if (event.equals("watching")) {
                            watching.countDown();
                        } else if (event.equals("seats")) {
                            long now = System.nanoTime();
                            JsonNode changes = ApiClient.JSON.readTree(line.substring(5).trim());
                            changes.path("seats").forEach(s -> {
                                if (s.path("status").asText().equals("SOLD")) {
                                    soldSeen.putIfAbsent(s.path("seatId").asText(), now);
                                }
                            });
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                watching.countDown();
            }
        });
        assertThat(watching.await(10, TimeUnit.SECONDS)).as("the stream on instance A opened").isTrue();
        int rounds = FULL ? 500 : 60;
        List<Long> afterAnswer = new ArrayList<>();
        List<Long> afterRequest = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Response hold = onC.post("/api/events/" + eventId + "/holds",
                    Map.of("bestAvailable", Map.of("count", 1, "categoryId", "lower")));
            assertThat(hold.status()).as(hold.body()).isEqualTo(201);
            String seat = hold.get("seatIds").get(0).asText();
            long sent = System.nanoTime();
            Response sale = onC.post("/api/sales", saleOf(hold.get("id").asLong()));
            long answered = System.nanoTime();
            assertThat(sale.status()).as(sale.body()).isEqualTo(201);
            long deadline = answered + TimeUnit.SECONDS.toNanos(5);
            while (!soldSeen.containsKey(seat) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(soldSeen).as("instance A's stream shows seat " + seat + " sold on instance C").containsKey(seat);
            afterAnswer.add(Math.max(0, soldSeen.get(seat) - answered));
            afterRequest.add(soldSeen.get(seat) - sent);
        }
        reader.interrupt();
        lines.cancel(true);
        System.out.printf("CLUSTER live: a sale on instance C reached a stream on instance A %s after C's answer "
                        + "(%s after the request was sent), %d sales%n", percentiles(afterAnswer),
                percentiles(afterRequest), rounds);
        assertThat(percentile(afterAnswer, 99)).as("p99 after C's answer, ms (aim: < 100)")
                .isLessThan(TimeUnit.MILLISECONDS.toNanos(500));
    }

    @Test
    @Order(3)
    void aSessionSignedOutOnOneInstanceIsRefusedOnTheOthersWithinASecond() throws Exception {
        Seller seller = sellers.get(1);
        List<Long> refusedAfter = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            int from = round % INSTANCES;
            ApiClient signedIn = direct(from).login(seller.loginId(), seller.password());
            for (int i = 0; i < INSTANCES; i++) {
                // each instance has the session in its cache before the sign-out
                assertThat(direct(i).as(signedIn.token()).get("/api/me").status()).isEqualTo(200);
            }
            assertThat(signedIn.delete("/api/sessions").status()).isEqualTo(204);
            long signedOut = System.nanoTime();
            for (int i = 0; i < INSTANCES; i++) {
                if (i == from) {
                    continue;
                }
                ApiClient other = direct(i).as(signedIn.token());
                long deadline = signedOut + TimeUnit.SECONDS.toNanos(1);
                int status = other.get("/api/me").status();
                while (status != 401 && System.nanoTime() < deadline) {
                    status = other.get("/api/me").status();
                }
                assertThat(status).as("instance %d refuses a session signed out on instance %d", i, from)
                        .isEqualTo(401);
                refusedAfter.add(System.nanoTime() - signedOut);
            }
        }
        System.out.printf("CLUSTER sessions: a sign-out on one instance was refused on the others %s after it%n",
                percentiles(refusedAfter));
    }

    @Test
    @Order(4)
    void killingInstancesUnderLoadLosesNoSaleDuplicatesNoneAndTellsEveryClientTheTruth() throws Exception {
        SeatMap map = SampleVenues.stadium(30_000);
        long eventId = publishedEvent(map, "Kill");
        List<ApiClient> clients = signIn(KILL_CLIENTS);
        Map<Long, Sold> told = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<String> gaveUp = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(KILL_CLIENTS);
        for (int c = 0; c < KILL_CLIENTS; c++) {
            ApiClient api = clients.get(c);
            Random random = new Random(100 + c);
            Thread.ofPlatform().name("kill-client-" + c).start(() -> {
                try {
                    while (!stop.get()) {
                        String holdKey = UUID.randomUUID().toString();
                        Map<String, Object> holdBody = Map.of("bestAvailable", Map.of("count", 1 + random.nextInt(3),
                                "categoryId", random.nextBoolean() ? "lower" : "upper"));
                        Response hold = retried(() -> api.post("/api/events/" + eventId + "/holds", holdBody, holdKey),
                                outcomes, "hold");
                        if (hold == null) {
                            gaveUp.add("hold with key " + holdKey);
                            continue;
                        }
                        if (hold.status() != 201) {
                            continue;
                        }
                        long holdId = hold.get("id").asLong();
                        String saleKey = UUID.randomUUID().toString();
                        Response sale = retried(() -> api.post("/api/sales", saleOf(holdId), saleKey), outcomes,
                                "sale");
                        if (sale == null) {
                            gaveUp.add("sale of hold " + holdId + " with key " + saleKey);
                        } else if (sale.status() / 100 == 2) {
                            Sold sold = sold(sale, holdId);
                            Sold before = told.putIfAbsent(sold.saleId(), sold);
                            assertThat(before == null || before.equals(sold)).as("one sale, one answer").isTrue();
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        List<Integer> toldAtKill = new ArrayList<>();
        for (int k = 0; k < KILLS; k++) {
            Thread.sleep(KILL_EVERY.toMillis());
            // one instance down at a time: the one killed before is back before the next goes
            for (int i = 0; i < INSTANCES; i++) {
                cluster.awaitReady(i);
            }
            toldAtKill.add(told.size());
            cluster.killAndRestart(k % INSTANCES);
        }
        Thread.sleep(KILL_EVERY.toMillis());
        stop.set(true);
        assertThat(done.await(3, TimeUnit.MINUTES)).as("every client stopped").isTrue();

        DSLContext dsl = db.dsl();
        List<String> lost = new ArrayList<>();
        for (Sold s : told.values()) {
            for (String seat : s.seatIds()) {
                if (!dsl.fetchExists(TICKET, TICKET.EVENT_ID.eq(eventId), TICKET.SEAT_ID.eq(seat),
                        TICKET.SALE_ID.eq(s.saleId()), TICKET.STATUS.eq("VALID"))) {
                    lost.add("seat " + seat + " of confirmed sale " + s.saleId());
                }
            }
        }
        List<String> untold = new ArrayList<>();
        dsl.select(SALE.ID).from(SALE).where(SALE.EVENT_ID.eq(eventId)).forEach(r -> {
            if (!told.containsKey(r.value1())) {
                untold.add("sale " + r.value1() + " is in the database, no client was told of it");
            }
        });
        List<String> duplicated = new ArrayList<>();
        dsl.select(TICKET.SEAT_ID, DSL.count()).from(TICKET)
                .where(TICKET.EVENT_ID.eq(eventId), TICKET.STATUS.ne("VOID"))
                .groupBy(TICKET.SEAT_ID).having(DSL.count().gt(1))
                .forEach(r -> duplicated.add("seat " + r.value1() + " has " + r.value2() + " tickets"));
        System.out.println("FAULTS cluster-kill: sales=" + told.size() + " lost=" + lost.size() + " duplicated="
                + duplicated.size() + "  (" + KILL_CLIENTS + " clients through HAProxy, " + KILLS + " SIGKILLs of "
                + INSTANCES + " instances, one every " + KILL_EVERY.toSeconds() + " s; sales no client was told "
                + untold.size() + ", requests given up " + gaveUp.size() + "; answers "
                + new java.util.TreeMap<>(outcomes) + "; sales told at each kill " + toldAtKill + ")");
        assertThat(lost).as("confirmed sales missing from the database").isEmpty();
        assertThat(duplicated).isEmpty();
        assertThat(dev.tessera.center.sales.LedgerIntegrity.missingParents(dsl)).as("rows naming a missing parent")
                .isEmpty();
        assertThat(gaveUp).as("requests still without an answer after " + RETRY_FOR.toSeconds() + " s").isEmpty();
        assertThat(untold).as("sales the clients were not told of").isEmpty();
        assertThat(told.size()).as("sales go on after the last kill (sales told at each kill: %s)", toldAtKill)
                .isGreaterThan(toldAtKill.getLast());
    }

    /**
     * Sends one request until it has an answer that is not the cluster's trouble: a broken connection, a 5xx (the
     * balancer's 502/503 while an instance dies) or the key's first request still in flight are retried with the
     * same key. Null when no answer came within {@link #RETRY_FOR}.
     */
    private static Response retried(Supplier<Response> request, Map<String, AtomicInteger> outcomes, String what) {
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        while (System.nanoTime() < deadline) {
            Response r;
            try {
                r = request.get();
            } catch (UncheckedIOException e) {
                outcomes.computeIfAbsent(what + " connection-lost", k -> new AtomicInteger()).incrementAndGet();
                pause();
                continue;
            }
            String type = r.get("type").asText().replaceFirst(".*/", "");
            String replayed = r.header("Idempotent-Replayed").isPresent() ? " replayed" : "";
            outcomes.computeIfAbsent(what + " " + r.status() + (type.isEmpty() ? "" : " " + type) + replayed,
                    k -> new AtomicInteger()).incrementAndGet();
            if (r.status() >= 500 || type.equals("idempotency-key-in-flight")) {
                pause();
                continue;
            }
            return r;
        }
        return null;
    }

    /** A client's pause before it retries (the desktop waits 0.25 s, then 1 s). */
    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> pick(Set<String> unsold, Random random, int count) {
        List<String> candidates = new ArrayList<>(unsold);
        Collections.shuffle(candidates, random);
        return candidates.subList(0, Math.min(count, candidates.size())).stream().sorted().toList();
    }

    private static void count(Map<String, AtomicInteger> outcomes, String what, Response r) {
        String type = r.get("type").asText().replaceFirst(".*/", "");
        outcomes.computeIfAbsent(what + " " + r.status() + (type.isEmpty() ? "" : " " + type),
                k -> new AtomicInteger()).incrementAndGet();
    }

    private static Map<String, Object> saleOf(long holdId) {
        return Map.of("holdId", holdId, "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CASH"));
    }

    private static Sold sold(Response sale, long holdId) {
        List<String> seats = new ArrayList<>();
        sale.get("tickets").forEach(t -> seats.add(t.path("seatId").asText()));
        return new Sold(sale.get("saleId").asLong(), holdId, List.copyOf(seats));
    }

    private List<ApiClient> signIn(int count) {
        List<ApiClient> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Seller seller = sellers.get(i % sellers.size());
            clients.add(viaBalancer().login(seller.loginId(), seller.password()));
        }
        return clients;
    }

    private long publishedEvent(SeatMap map, String name) {
        Response venue = organizer.post("/api/venues", Map.of("name", CenterFixture.unique(name), "address", "-"));
        assertThat(venue.status()).as(venue.body()).isEqualTo(201);
        long venueId = venue.get("id").asLong();
        Response seatMap = organizer.post("/api/venues/" + venueId + "/seat-maps", SeatMapFormat.toJson(map));
        assertThat(seatMap.status()).as(seatMap.body()).isEqualTo(201);
        Instant start = Instant.now().plus(Duration.ofDays(7));
        Map<String, Long> prices = new LinkedHashMap<>();
        map.categories().forEach(c -> prices.put(c.id(), 4_000L));
        Response event = organizer.post("/api/events", Map.ofEntries(
                Map.entry("name", CenterFixture.unique(name)), Map.entry("servicer", "Tessera"),
                Map.entry("venueId", venueId), Map.entry("seatMapVersion", seatMap.get("version").asInt()),
                Map.entry("doorsOpen", start.minus(Duration.ofHours(2)).toString()), Map.entry("startsAt", start.toString()),
                Map.entry("endsAt", start.plus(Duration.ofHours(3)).toString()), Map.entry("currency", "JPY"),
                Map.entry("pricesMinor", prices), Map.entry("gates", map.gates().stream().map(g -> g.id()).toList()),
                Map.entry("contact", "-")));
        assertThat(event.status()).as(event.body()).isEqualTo(201);
        long eventId = event.get("id").asLong();
        for (Seller seller : sellers) {
            Response auth = organizer.post("/api/events/" + eventId + "/authorizations", Map.of("sellerId", seller.id(),
                    "quotas", CenterFixture.quotaForAll(map, 100_000), "seatIds", List.of()));
            assertThat(auth.status()).as(auth.body()).isEqualTo(201);
        }
        assertThat(organizer.post("/api/events/" + eventId + "/publish", Map.of()).status()).isEqualTo(200);
        return eventId;
    }

    private ApiClient viaBalancer() {
        return new ApiClient(cluster.viaBalancer());
    }

    private ApiClient direct(int instance) {
        return new ApiClient(cluster.direct(instance));
    }

    private static String percentiles(List<Long> nanos) {
        return "p50 %.1f ms, p99 %.1f ms, max %.1f ms".formatted(percentile(nanos, 50) / 1e6,
                percentile(nanos, 99) / 1e6, Collections.max(nanos) / 1e6);
    }

    private static long percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
