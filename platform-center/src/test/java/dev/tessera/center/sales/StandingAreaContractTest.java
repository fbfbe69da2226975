package dev.tessera.center.sales;

import static dev.tessera.center.support.CenterFixture.STANDING;
import static dev.tessera.center.support.CenterFixture.STANDING_CATEGORY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.CenterConfig;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.center.support.OfflineJournal;
import dev.tessera.core.crypto.IssuerKeyPair;
import dev.tessera.core.model.LedgerEntry;
import dev.tessera.core.model.LedgerKind;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.ticket.Ticket;
import dev.tessera.core.ticket.TicketCodec;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 18: general-admission (standing) areas sold by capacity, through the HTTP API on a real database (H2 file and
 * PostgreSQL subclasses): the race for the last places, mixed baskets, lapses, voids, capacity changes, quotas,
 * live counts, the gate and the offline counter's allocation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StandingAreaContractTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, Long> PRICES = Map.of(STANDING_CATEGORY, 4_000L, "stalls", 5_000L);

    CenterFixture fx;

    abstract String jdbcUrl();

    abstract String dbUser();

    @BeforeAll
    void startCenter() {
        fx = new CenterFixture(jdbcUrl(), dbUser());
    }

    @AfterAll
    void stopCenter() {
        if (fx != null) {
            fx.closeCheckingTheLedger();
        }
    }

    @Test
    void sixtyFourClientsRaceForTwoHundredStandingPlacesAndExactlyTwoHundredAreSold() throws Exception {
        race(false);
    }

    /** The same race through "sell now" (places taken and sold in one request): exactly 200, every loser a 409. */
    @Test
    void sixtyFourClientsSellNowFromTwoHundredStandingPlacesAndExactlyTwoHundredAreSold() throws Exception {
        race(true);
    }

    private void race(boolean sellNow) throws Exception {
        SeatMap map = CenterFixture.theatreWithStanding(200);
        List<Account> sellers = new ArrayList<>();
        Map<Account, Map<String, Integer>> quotas = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            Account seller = fx.account(Role.SELLER);
            sellers.add(seller);
            quotas.put(seller, CenterFixture.quotaForAll(map, 10_000));
        }
        EventSetup ev = fx.publishedEvent(map, quotas, Map.of(), PRICES);
        AtomicInteger sold = new AtomicInteger();
        AtomicInteger losers = new AtomicInteger();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> ticketIds = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch go = new CountDownLatch(1);
        for (int client = 0; client < 64; client++) {
            ApiClient api = sellers.get(client % sellers.size()).client();
            pool.submit(() -> {
                go.await();
                // each client buys 1 to 5 places until the area answers that it is sold out
                for (int attempt = 0; attempt < 100; attempt++) {
                    int n = 1 + ThreadLocalRandom.current().nextInt(5);
                    Response hold = sellNow
                            ? api.post("/api/events/" + ev.eventId() + "/sales", Map.of("areas", Map.of(STANDING, n),
                                    "customer", Map.of("auth", "WALK_IN"),
                                    "payment", Map.of("method", "CARD", "reference", "r")))
                            : api.post("/api/events/" + ev.eventId() + "/holds", Map.of("areas", Map.of(STANDING, n)));
                    if (hold.status() == 409) {
                        losers.incrementAndGet();
                        if (!hold.contentType().startsWith("application/problem+json")
                                || !hold.get("type").asText().endsWith("area-full")
                                || !hold.get("detail").asText().contains("Standing pit")) {
                            unexpected.add("409 " + hold.body());
                        }
                        if (hold.get("detail").asText().contains("sold out")) {
                            return null;
                        }
                        continue;
                    }
                    if (hold.status() != 201) {
                        unexpected.add(hold.status() + " " + hold.body());
                        continue;
                    }
                    Response sale = sellNow ? hold : api.post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                            "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CARD", "reference", "r")));
                    if (sale.status() != 201) {
                        unexpected.add(sale.status() + " " + sale.body());
                        continue;
                    }
                    sold.addAndGet(sale.get("tickets").size());
                    sale.get("tickets").forEach(t -> ticketIds.add(t.get("ticketId").asText()));
                }
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        assertThat(unexpected).isEmpty();
        assertThat(sold.get()).isEqualTo(200);
        assertThat(ticketIds).doesNotHaveDuplicates().hasSize(200);
        assertThat(losers.get()).as("every client finally hears that the area is sold out").isGreaterThanOrEqualTo(64);
        JsonNode area = area(fx.organizer, ev);
        assertThat(area.get("sold").asInt()).isEqualTo(200);
        assertThat(area.get("held").asInt()).isZero();
        assertThat(area.get("remaining").asInt()).isZero();
        Response log = fx.organizer.get("/api/sales-log?eventId=" + ev.eventId());
        assertThat(log.get("tickets").asInt()).isEqualTo(200);
    }

    @Test
    void aMixedBasketSellsSeatsAndStandingPlacesInOneSaleAndStandingTicketsNameTheArea() throws Exception {
        SeatMap map = CenterFixture.theatreWithStanding(10);
        Account seller = fx.account(Role.SELLER);
        EventSetup ev = fx.publishedEvent(map, Map.of(seller, CenterFixture.quotaForAll(map, 50)), Map.of(), PRICES);
        List<String> seats = map.seats().stream().filter(s -> s.categoryId().equals("stalls") && s.flags().isEmpty())
                .limit(2).map(Seat::id).toList();

        Response hold = seller.client().post("/api/events/" + ev.eventId() + "/holds",
                Map.of("seatIds", seats, "areas", Map.of(STANDING, 3)));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        assertThat(hold.get("areas").get(STANDING).asInt()).isEqualTo(3);
        assertThat(area(seller.client(), ev).get("held").asInt()).isEqualTo(3);
        Response sale = seller.client().post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CASH", "tenderedMinor", 30_000)));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        assertThat(sale.get("totalMinor").asLong()).isEqualTo(2 * 5_000 + 3 * 4_000);
        assertThat(sale.get("changeMinor").asLong()).isEqualTo(30_000 - 22_000);
        List<JsonNode> standing = new ArrayList<>();
        sale.get("tickets").forEach(t -> {
            if (t.get("generalAdmission").asBoolean()) {
                standing.add(t);
            }
        });
        assertThat(standing).hasSize(3);
        assertThat(sale.get("tickets")).hasSize(5);
        for (JsonNode t : standing) {
            assertThat(t.get("seatId").asText()).isEqualTo(STANDING);
            Ticket decoded = TicketCodec.decode(Base64.getDecoder().decode(t.get("encoded").asText())).ticket();
            assertThat(decoded.generalAdmission()).isTrue();
            assertThat(decoded.seatId()).isEqualTo(STANDING);
            assertThat(decoded.categoryId()).isEqualTo(STANDING_CATEGORY);
        }
        JsonNode area = area(seller.client(), ev);
        assertThat(area.get("held").asInt()).isZero();
        assertThat(area.get("sold").asInt()).isEqualTo(3);
        assertThat(area.get("remaining").asInt()).isEqualTo(7);

        // a void gives the place back; a second void of the same ticket is refused
        String first = standing.getFirst().get("ticketId").asText();
        Response voided = seller.client().post("/api/tickets/" + first + "/void",
                Map.of("reason", "customer cannot come", "refund", true));
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        assertThat(voided.get("refundMinor").asLong()).isEqualTo(4_000);
        assertThat(area(seller.client(), ev).get("remaining").asInt()).isEqualTo(8);
        assertThat(seller.client().post("/api/tickets/" + first + "/void", Map.of("reason", "twice")).status())
                .isEqualTo(409);
        Response log = seller.client().get("/api/sales-log?eventId=" + ev.eventId());
        assertThat(log.get("lines").findValuesAsText("seatId")).contains(STANDING);
    }

    @Test
    void aStandingTicketIsReprintedReissuedAndExchangedForASeatAndBack() throws Exception {
        SeatMap map = CenterFixture.theatreWithStanding(10);
        Account seller = fx.account(Role.SELLER);
        EventSetup ev = fx.publishedEvent(map, Map.of(seller, CenterFixture.quotaForAll(map, 50)), Map.of(), PRICES);
        Response hold = seller.client().post("/api/events/" + ev.eventId() + "/holds",
                Map.of("seatIds", List.of(), "areas", Map.of(STANDING, 2)));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        Response sale = seller.client().post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CASH", "tenderedMinor", 8_000)));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        String first = sale.get("tickets").get(0).get("ticketId").asText();
        String second = sale.get("tickets").get(1).get("ticketId").asText();

        // a paper reprint keeps the version; a reissue is version 2; both still name the area
        Response reprint = seller.client().post("/api/tickets/" + first + "/reprints", Map.of("reason", "printer jam"));
        assertThat(reprint.status()).as(reprint.body()).isEqualTo(201);
        assertThat(reprint.get("version").asInt()).isEqualTo(1);
        assertStanding(reprint.get("encoded").asText());
        Response reissue = seller.client().post("/api/tickets/" + first + "/reprints",
                Map.of("reason", "torn", "reissue", true));
        assertThat(reissue.status()).as(reissue.body()).isEqualTo(201);
        assertThat(reissue.get("version").asInt()).isEqualTo(2);
        assertStanding(reissue.get("encoded").asText());
        assertThat(area(seller.client(), ev).get("sold").asInt()).as("a reprint sells no place").isEqualTo(2);

        // the second place is exchanged for a seat: the place goes back, the difference is paid
        String seat = map.seats().stream().filter(s -> s.categoryId().equals("stalls") && s.flags().isEmpty())
                .findFirst().orElseThrow().id();
        Response seatHold = seller.client().post("/api/events/" + ev.eventId() + "/holds", Map.of("seatIds", List.of(seat)));
        assertThat(seatHold.status()).as(seatHold.body()).isEqualTo(201);
        Response toSeat = seller.client().post("/api/exchanges", Map.of("ticketIds", List.of(second),
                "holdId", seatHold.get("id").asLong(), "reason", "wants to sit",
                "payment", Map.of("method", "CASH", "tenderedMinor", 1_000)));
        assertThat(toSeat.status()).as(toSeat.body()).isEqualTo(201);
        assertThat(toSeat.get("differenceMinor").asLong()).isEqualTo(5_000 - 4_000);
        assertThat(area(seller.client(), ev).get("sold").asInt()).isEqualTo(1);
        assertThat(area(seller.client(), ev).get("remaining").asInt()).isEqualTo(9);
        String seated = toSeat.get("sale").get("tickets").get(0).get("ticketId").asText();

        // and back: the seat for a standing place, the difference refunded
        Response placeHold = seller.client().post("/api/events/" + ev.eventId() + "/holds",
                Map.of("seatIds", List.of(), "areas", Map.of(STANDING, 1)));
        assertThat(placeHold.status()).as(placeHold.body()).isEqualTo(201);
        Response toPlace = seller.client().post("/api/exchanges", Map.of("ticketIds", List.of(seated),
                "holdId", placeHold.get("id").asLong(), "reason", "wants to stand after all",
                "payment", Map.of("method", "CASH")));
        assertThat(toPlace.status()).as(toPlace.body()).isEqualTo(201);
        assertThat(toPlace.get("differenceMinor").asLong()).isEqualTo(4_000 - 5_000);
        JsonNode standingAgain = toPlace.get("sale").get("tickets").get(0);
        assertThat(standingAgain.get("generalAdmission").asBoolean()).isTrue();
        assertStanding(standingAgain.get("encoded").asText());
        assertThat(area(seller.client(), ev).get("sold").asInt()).isEqualTo(2);
        assertThat(area(seller.client(), ev).get("remaining").asInt()).isEqualTo(8);
    }

    private static void assertStanding(String encoded) throws Exception {
        Ticket decoded = TicketCodec.decode(Base64.getDecoder().decode(encoded)).ticket();
        assertThat(decoded.generalAdmission()).isTrue();
        assertThat(decoded.seatId()).isEqualTo(STANDING);
    }

    @Test
    void aLapsedOrReleasedHoldGivesItsPlacesAndItsQuotaBack() {
        SeatMap map = CenterFixture.theatreWithStanding(5);
        Account seller = fx.account(Role.SELLER);
        EventSetup ev = fx.publishedEvent(map, Map.of(seller, Map.of(STANDING_CATEGORY, 5)), Map.of(), PRICES);
        Response hold = holdPlaces(seller, ev, 5);
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        Response none = holdPlaces(fx.account(Role.SELLER), ev, 1);
        assertThat(none.status()).as("a seller without an authorization").isEqualTo(403);
        Response full = holdPlaces(seller, ev, 1);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.get("type").asText()).as("the quota is the first limit here").endsWith("quota-exceeded");

        fx.clock.advance(CenterConfig.DEFAULT_HOLD_PERIOD.plusSeconds(1));
        assertThat(area(seller.client(), ev).get("remaining").asInt()).isEqualTo(5);
        Response late = seller.client().post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CASH")));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.get("type").asText()).endsWith("hold-not-active");

        Response again = holdPlaces(seller, ev, 5);
        assertThat(again.status()).as("places and quota came back").isEqualTo(201);
        assertThat(seller.client().delete("/api/holds/" + again.get("id").asLong()).status()).isEqualTo(204);
        assertThat(area(seller.client(), ev).get("held").asInt()).isZero();
        Response tooMany = holdPlaces(seller, ev, 51);
        assertThat(tooMany.status()).isEqualTo(400);
        Response unknown = seller.client().post("/api/events/" + ev.eventId() + "/holds", Map.of("areas", Map.of("NOPE", 1)));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.get("detail").asText()).contains("NOPE");
    }

    @Test
    void theOrganizerChangesCapacityDownToWhatIsSoldAndNoFurther() {
        SeatMap map = CenterFixture.theatreWithStanding(20);
        Account seller = fx.account(Role.SELLER);
        EventSetup ev = fx.publishedEvent(map, Map.of(seller, CenterFixture.quotaForAll(map, 50)), Map.of(), PRICES);
        sell(seller, ev, 6);
        String path = "/api/events/" + ev.eventId() + "/areas/" + STANDING + "/capacity";

        Response below = fx.organizer.post(path, Map.of("capacity", 5));
        assertThat(below.status()).isEqualTo(409);
        assertThat(below.get("type").asText()).endsWith("capacity-below-sold");
        assertThat(below.get("detail").asText()).contains("6 places sold");
        Response down = fx.organizer.post(path, Map.of("capacity", 6));
        assertThat(down.status()).as(down.body()).isEqualTo(200);
        assertThat(down.get("capacity").asInt()).isEqualTo(6);
        assertThat(down.get("remaining").asInt()).isZero();
        assertThat(holdPlaces(seller, ev, 1).status()).isEqualTo(409);
        Response up = fx.organizer.post(path, Map.of("capacity", 30));
        assertThat(up.get("remaining").asInt()).isEqualTo(24);
        assertThat(seller.client().post(path, Map.of("capacity", 100)).status()).as("a seller").isEqualTo(403);
        assertThat(fx.organizer.post("/api/events/" + ev.eventId() + "/areas/NOPE/capacity", Map.of("capacity", 1))
                .status()).isEqualTo(404);
        assertThat(fx.organizer.post(path, Map.of("capacity", -1)).status()).isEqualTo(400);
    }

    @Test
    void theLiveStreamPushesTheAreasRemainingCount() throws Exception {
        SeatMap map = CenterFixture.theatreWithStanding(40);
        Account seller = fx.account(Role.SELLER);
        Account watcher = fx.account(Role.SELLER);
        EventSetup ev = fx.publishedEvent(map, Map.of(seller, CenterFixture.quotaForAll(map, 50)), Map.of(), PRICES);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(fx.center.baseUri().resolve("/api/events/" + ev.eventId()
                        + "/seats/stream"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + watcher.client().token())
                .GET().build();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<java.util.stream.Stream<String>> response = http.sendAsync(request,
                HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (java.io.UncheckedIOException closedByTheTest) {
                // the stream is closed under the reader once the test has what it waited for
            }
        });
        try {
            assertThat(holdPlaces(seller, ev, 7).status()).isEqualTo(201);
            JsonNode pushed = null;
            while (pushed == null) {
                String line = lines.poll(10, TimeUnit.SECONDS);
                assertThat(line).as("a seats event within 10 s").isNotNull();
                if (line.startsWith("data:")) {
                    JsonNode data = ApiClient.JSON.readTree(line.substring(5).trim());
                    if (data.has("areas") && !data.get("areas").isEmpty()) {
                        pushed = data;
                    }
                }
            }
            JsonNode area = pushed.get("areas").get(0);
            assertThat(area.get("areaId").asText()).isEqualTo(STANDING);
            assertThat(area.get("remaining").asInt()).isEqualTo(33);
            assertThat(area.get("held").asInt()).isEqualTo(7);
            JsonNode snapshot = watcher.client().get("/api/events/" + ev.eventId() + "/seats").json();
            assertThat(snapshot.get("areas").get(0).get("remaining").asInt()).isEqualTo(33);
        } finally {
            response.body().close();
            reader.interrupt();
            http.shutdownNow();
            assertThat(reader.join(java.time.Duration.ofSeconds(10))).as("the stream's reader ends with the test").isTrue();
        }
    }

    @Test
    void theGateAdmitsAStandingTicketOnceCountsItAndRefusesAnAreaMarkedFull() {
        SeatMap map = CenterFixture.theatreWithStanding(10);
        Account seller = fx.account(Role.SELLER);
        Account gate = fx.account(Role.GATE);
        EventSetup ev = fx.publishedEvent(map, Map.of(seller, CenterFixture.quotaForAll(map, 50)), Map.of(), PRICES);
        JsonNode sale = sell(seller, ev, 3);
        String t1 = sale.get("tickets").get(0).get("encoded").asText();
        String t2 = sale.get("tickets").get(1).get("encoded").asText();
        String gateId = sale.get("tickets").get(0).get("gateId").asText();

        JsonNode admitted = scan(gate, ev, gateId, t1);
        assertThat(admitted.get("verdict").asText()).isEqualTo("ADMITTED");
        assertThat(admitted.get("reason").asText()).contains("standing area " + STANDING);
        assertThat(scan(gate, ev, gateId, t1).get("verdict").asText()).isEqualTo("ALREADY_USED");
        assertThat(area(gate.client(), ev).get("admitted").asInt()).isEqualTo(1);

        String door = "/api/events/" + ev.eventId() + "/areas/" + STANDING + "/door";
        Response marked = gate.client().post(door, Map.of("full", true));
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat(marked.get("doorFull").asBoolean()).isTrue();
        JsonNode refused = scan(gate, ev, gateId, t2);
        assertThat(refused.get("verdict").asText()).isEqualTo("AREA_FULL");
        assertThat(refused.get("admitted").asBoolean()).isFalse();
        assertThat(refused.get("reason").asText()).contains("full inside");
        assertThat(seller.client().post(door, Map.of("full", false)).status()).as("a seller").isEqualTo(403);
        assertThat(gate.client().post(door, Map.of("full", false)).get("doorFull").asBoolean()).isFalse();
        assertThat(scan(gate, ev, gateId, t2).get("verdict").asText()).as("the refused ticket is still good")
                .isEqualTo("ADMITTED");
        assertThat(area(gate.client(), ev).get("admitted").asInt()).isEqualTo(2);
    }

    @Test
    void anOfflineCounterSellsItsAllocationOfAnAreaAndNothingMoreExactlyOnce() throws Exception {
        SeatMap map = CenterFixture.theatreWithStanding(10);
        Account seller = fx.account(Role.SELLER);
        Account rival = fx.account(Role.SELLER);
        EventSetup ev = fx.publishedEvent(map, Map.of(seller, CenterFixture.quotaForAll(map, 50),
                rival, CenterFixture.quotaForAll(map, 50)), Map.of(), PRICES, Map.of(seller, Map.of(STANDING, 4)));
        JsonNode area = area(rival.client(), ev);
        assertThat(area.get("allocated").asInt()).isEqualTo(4);
        assertThat(area.get("remaining").asInt()).isEqualTo(6);
        Response mine = seller.client().get("/api/events/" + ev.eventId() + "/authorizations/me");
        assertThat(mine.get("allocatedAreas").get(STANDING).asInt()).isEqualTo(4);
        Response overAllocate = fx.organizer.post("/api/events/" + ev.eventId() + "/authorizations", Map.of(
                "sellerId", rival.id(), "quotas", CenterFixture.quotaForAll(map, 50), "areas", Map.of(STANDING, 7)));
        assertThat(overAllocate.status()).isEqualTo(409);
        assertThat(overAllocate.get("type").asText()).endsWith("area-full");
        // online sellers share what is left outside the allocation
        assertThat(holdPlaces(rival, ev, 7).status()).isEqualTo(409);
        assertThat(holdPlaces(rival, ev, 6).status()).isEqualTo(201);

        IssuerKeyPair terminalKey = IssuerKeyPair.generate(RANDOM);
        String terminalId = CenterFixture.unique("till");
        Response reg = seller.client().post("/api/terminals", Map.of("terminalId", terminalId,
                "publicKey", HexFormat.of().formatHex(terminalKey.publicKey().encoded())));
        assertThat(reg.status()).as(reg.body()).isEqualTo(201);
        var e1 = LedgerEntry.first(terminalId, LedgerKind.SHIFT, Instant.now(), "{\"type\":\"SHIFT_OPEN\",\"cash\":0}");
        var e2 = e1.next(LedgerKind.SALE, Instant.now(), placesSold(ev, terminalKey, 3));
        var e3 = e2.next(LedgerKind.SALE, Instant.now(), placesSold(ev, terminalKey, 2));
        var e4 = e3.next(LedgerKind.SALE, Instant.now(), placesSold(ev, terminalKey, 1));
        String journal = "/api/terminals/" + terminalId + "/journal";
        Response pushed = seller.client().post(journal, OfflineJournal.push(e1, e2, e3, e4));
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
        assertThat(pushed.get("outcomes").findValuesAsText("outcome"))
                .as("3 of 4 fit, 2 more do not, the last 1 does")
                .containsExactly("RECORDED", "APPLIED", "REJECTED", "APPLIED");
        Response again = seller.client().post(journal, OfflineJournal.push(e1, e2, e3, e4));
        assertThat(again.get("outcomes").findValuesAsText("detail")).containsOnly("already received");

        area = area(rival.client(), ev);
        assertThat(area.get("sold").asInt()).isEqualTo(4);
        assertThat(area.get("allocated").asInt()).isZero();
        assertThat(area.get("held").asInt()).isEqualTo(6);
        assertThat(area.get("remaining").asInt()).isZero();
        Response log = seller.client().get("/api/sales-log?eventId=" + ev.eventId());
        assertThat(log.get("tickets").asInt()).isEqualTo(4);
        Response after = seller.client().get("/api/events/" + ev.eventId() + "/authorizations/me");
        assertThat(after.get("allocatedAreasSold").get(STANDING).asInt()).isEqualTo(4);
    }

    // ---- helpers ----

    private static String placesSold(EventSetup ev, IssuerKeyPair terminalKey, int places) throws Exception {
        return OfflineJournal.standingSale(ev, terminalKey, STANDING, STANDING_CATEGORY, places);
    }

    private static Response holdPlaces(Account seller, EventSetup ev, int places) {
        return seller.client().post("/api/events/" + ev.eventId() + "/holds", Map.of("areas", Map.of(STANDING, places)));
    }

    private static JsonNode sell(Account seller, EventSetup ev, int places) {
        Response hold = holdPlaces(seller, ev, places);
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        Response sale = seller.client().post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CASH")));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        return sale.json();
    }

    private static JsonNode area(ApiClient client, EventSetup ev) {
        Response areas = client.get("/api/events/" + ev.eventId() + "/areas");
        assertThat(areas.status()).as(areas.body()).isEqualTo(200);
        assertThat(areas.json()).hasSize(1);
        return areas.json().get(0);
    }

    private static JsonNode scan(Account gate, EventSetup ev, String gateId, String ticket) {
        Response r = gate.client().post("/api/gate/scans", Map.of("eventId", ev.eventId(), "gateId", gateId,
                "ticket", ticket));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
