package dev.tessera.center;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.sales.LedgerIntegrity;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.core.crypto.ChipEnvelope;
import dev.tessera.core.crypto.ChipKeys;
import dev.tessera.core.crypto.IssuerKeyPair;
import dev.tessera.core.crypto.IssuerPublicKey;
import dev.tessera.core.model.LedgerEntry;
import dev.tessera.core.model.LedgerKind;
import dev.tessera.core.ticket.Ticket;
import java.time.Instant;
import java.util.UUID;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.Row;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.ticket.IssuerKeyResolver;
import dev.tessera.core.ticket.SignedTicket;
import dev.tessera.core.ticket.TicketCodec;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import dev.tessera.contract.terminal.OfflineSalePayload;

/**
 * The center's behaviour, run against a real database: subclasses give an H2 file or a real
 * PostgreSQL. Everything goes through the HTTP API of a running center.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CenterContractTest {
    private static final SecureRandom RANDOM = new SecureRandom();

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
            // every way of selling the tests ran (holds, sales, exchanges, voids, offline sales, transfers)
            fx.closeCheckingTheLedger();
        }
    }

    // ---- claim 29, end to end through the HTTP API only ----

    @Test
    void claim29WalkFromEventRegistrationToTransferAndSalesLog() throws Exception {
        Account seller = fx.account(Role.SELLER);
        Account otherSeller = fx.account(Role.SELLER);
        Account manager = fx.account(Role.MANAGER);
        Account gate = fx.account(Role.GATE);
        // 29 b-d: the organizer registers the event and the seller information, then publishes
        EventSetup ev = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(mapOf(), 100),
                otherSeller, CenterFixture.quotaForAll(mapOf(), 100)), Map.of());
        assertThat(ev.event().get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(ev.event().get("sellerNames")).hasSize(2);

        // claim 31: the seller issues membership cards: two members, each with a chip
        ChipKeys chipKeysA = ChipKeys.generate(RANDOM);
        ChipKeys chipKeysB = ChipKeys.generate(RANDOM);
        String chipA = randomChipId();
        String chipB = randomChipId();
        long memberA = registerMember(seller.client(), "alice", chipA, chipKeysA);
        long memberB = registerMember(seller.client(), "bob", chipB, chipKeysB);
        assertThat(memberA).isNotEqualTo(memberB);

        // claim 62 + 32: the seller holds three consecutive seats, best available
        String category = ev.map().categories().getFirst().id();
        Response hold = seller.client().post("/api/events/" + ev.eventId() + "/holds",
                Map.of("bestAvailable", Map.of("count", 3, "categoryId", category)));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        List<String> seats = strings(hold.get("seatIds"));
        assertThat(seats).hasSize(3);
        assertConsecutive(ev, seats);

        // 29 g-j, 78: the seller authenticates member A by password and registers issuing info; the center issues
        Response sale = seller.client().post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                "customer", Map.of("auth", "MEMBER_PASSWORD", "memberLogin", loginOf("alice", chipA),
                        "memberPassword", "member-password", "chipId", chipA),
                "payment", Map.of("method", "CASH", "tenderedMinor", 20_000)));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        assertThat(sale.get("totalMinor").asLong()).isEqualTo(15_000);
        assertThat(sale.get("changeMinor").asLong()).isEqualTo(5_000);
        assertThat(sale.get("issuingInfoId").asLong()).isPositive();
        JsonNode tickets = sale.get("tickets");
        assertThat(tickets).hasSize(3);
        IssuerKeyResolver issuer = issuerKeys(gate.client());
        for (JsonNode t : tickets) {
            // claim 79: the ticket is encrypted for chip A and only chip A's key opens it
            byte[] opened = ChipEnvelope.open(Base64.getDecoder().decode(t.get("envelope").asText()),
                    HexFormat.of().parseHex(chipA), chipKeysA.agent());
            SignedTicket signed = TicketCodec.decodeAndVerify(opened, issuer);
            assertThat(signed.ticket().holderChipId()).isEqualTo(chipA);
            assertThat(signed.ticket().eventId()).isEqualTo(ev.eventId());
            assertThat(signed.ticket().attendees()).containsExactly("Member alice");
            assertThat(seats).contains(signed.ticket().seatId());
        }
        JsonNode master = manager.client().get("/api/events/" + ev.eventId() + "/ticket-master").json();
        assertThat(master.get("issued").asInt()).as("claim 77: the master counts the issued tickets").isEqualTo(3);
        assertThat(master.get("capacity").asInt()).isEqualTo(ev.map().capacity());
        Response seatsNow = seller.client().get("/api/events/" + ev.eventId() + "/seats");
        assertThat(strings(seatsNow.get("seats").get("SOLD"))).containsAll(seats);

        // claims 64-66, 79: member A transfers one ticket to chip B; member B confirms with the password
        ApiClient alice = fx.anonymous.login(loginOf("alice", chipA), "member-password");
        ApiClient bob = fx.anonymous.login(loginOf("bob", chipB), "member-password");
        JsonNode first = tickets.get(0);
        Response transfer = alice.post("/api/transfers", Map.of("ticketId", first.get("ticketId").asText(),
                "toChipId", chipB, "transferPassword", "swordfish-42"));
        assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
        long transferId = transfer.get("transferId").asLong();
        Response wrong = bob.post("/api/transfers/" + transferId + "/accept", Map.of("transferPassword", "guess"));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.get("type").asText()).endsWith("wrong-transfer-password");
        Response accepted = bob.post("/api/transfers/" + transferId + "/accept", Map.of("transferPassword", "swordfish-42"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.get("ticket").get("version").asInt()).isEqualTo(2);
        assertThat(accepted.get("deleteFromChipId").asText()).isEqualTo(chipA);
        byte[] reissued = ChipEnvelope.open(Base64.getDecoder().decode(accepted.get("ticket").get("envelope").asText()),
                HexFormat.of().parseHex(chipB), chipKeysB.agent());
        assertThat(TicketCodec.decodeAndVerify(reissued, issuer).ticket().holderChipId()).isEqualTo(chipB);

        // the old version is revoked: a gate refuses it even from the old chip; the new one enters once
        Response revocations = gate.client().get("/api/events/" + ev.eventId() + "/revocations");
        assertThat(revocations.json()).anySatisfy(r -> {
            assertThat(r.get("ticketId").asText()).isEqualTo(first.get("ticketId").asText());
            assertThat(r.get("version").asInt()).isEqualTo(1);
        });
        String gateId = first.get("gateId").asText();
        assertThat(scan(gate, ev, gateId, first.get("encoded").asText(), chipA).get("verdict").asText()).isEqualTo("REVOKED");
        String newCopy = accepted.get("ticket").get("encoded").asText();
        assertThat(scan(gate, ev, gateId, newCopy, chipA).get("verdict").asText()).isEqualTo("WRONG_CHIP");
        JsonNode admitted = scan(gate, ev, gateId, newCopy, chipB);
        assertThat(admitted.get("verdict").asText()).isEqualTo("ADMITTED");
        assertThat(strings(admitted.get("attendees"))).as("claim 70: the gate is told whom the ticket names")
                .containsExactly("Member alice");
        JsonNode usedAgain = scan(gate, ev, gateId, newCopy, chipB);
        assertThat(usedAgain.get("verdict").asText()).isEqualTo("ALREADY_USED");
        assertThat(usedAgain.get("attendees")).as("a refusal names nobody").isEmpty();

        // claim 75: the sales log shows the sale to the seller and the manager, not to another seller
        Response log = seller.client().get("/api/sales-log?eventId=" + ev.eventId());
        assertThat(log.get("tickets").asInt()).isEqualTo(3);
        assertThat(log.get("totalMinor").asLong()).isEqualTo(15_000);
        assertThat(log.get("byPayment").get(0).get("key").asText()).isEqualTo("CASH");
        assertThat(manager.client().get("/api/sales-log?eventId=" + ev.eventId()).get("tickets").asInt()).isEqualTo(3);
        assertThat(otherSeller.client().get("/api/sales-log?eventId=" + ev.eventId()).get("tickets").asInt()).isZero();
        assertThat(otherSeller.client().get("/api/sales-log?sellerId=" + seller.id()).status()).isEqualTo(403);
    }

    // ---- guarantees ----

    @Test
    void aSeatIsNeverSoldTwiceUnder64RacingClients() throws Exception {
        race(false);
    }

    /** Issue 13: half the clients sell at once (POST /api/events/{id}/sales), half hold and confirm, on the same seats. */
    @Test
    void aSeatIsNeverSoldTwiceWhenSellNowRacesHoldAndConfirm() throws Exception {
        race(true);
    }

    private void race(boolean halfSellNow) throws Exception {
        List<Account> sellers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sellers.add(fx.account(Role.SELLER));
        }
        Map<Account, Map<String, Integer>> quotas = new java.util.LinkedHashMap<>();
        sellers.forEach(s -> quotas.put(s, CenterFixture.quotaForAll(mapOf(), 10_000)));
        EventSetup ev = fx.publishedTheatreEvent(quotas, Map.of());
        List<String> contested = ev.map().seats().stream().filter(s -> s.flags().isEmpty()).limit(200)
                .map(Seat::id).toList();
        ConcurrentHashMap<String, String> soldTo = new ConcurrentHashMap<>();
        AtomicInteger doubleSales = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        List<String> unexpectedBodies = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch go = new CountDownLatch(1);
        for (int client = 0; client < 64; client++) {
            ApiClient api = sellers.get(client % sellers.size()).client();
            boolean sellNow = halfSellNow && client % 2 == 1;
            pool.submit(() -> {
                go.await();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int attempt = 0; attempt < 40 && soldTo.size() < contested.size(); attempt++) {
                    int n = 1 + random.nextInt(3);
                    Set<String> want = new HashSet<>();
                    while (want.size() < n) {
                        want.add(contested.get(random.nextInt(contested.size())));
                    }
                    Response hold = sellNow
                            ? api.post("/api/events/" + ev.eventId() + "/sales", Map.of("seatIds", List.copyOf(want),
                                    "customer", Map.of("auth", "WALK_IN"),
                                    "payment", Map.of("method", "CARD", "reference", "r")))
                            : api.post("/api/events/" + ev.eventId() + "/holds", Map.of("seatIds", List.copyOf(want)));
                    if (hold.status() == 409) {
                        conflicts.incrementAndGet();
                        if (!hold.get("type").asText().endsWith("seat-unavailable") || hold.get("detail").asText().isEmpty()) {
                            unexpected.incrementAndGet();
                        }
                        continue;
                    }
                    if (hold.status() != 201) {
                        unexpected.incrementAndGet();
                        unexpectedBodies.add(hold.status() + " " + hold.body());
                        continue;
                    }
                    Response sale = sellNow ? hold : api.post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                            "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CARD", "reference", "r")));
                    if (sale.status() != 201) {
                        unexpected.incrementAndGet();
                        unexpectedBodies.add(sale.status() + " " + sale.body());
                        continue;
                    }
                    for (JsonNode t : sale.get("tickets")) {
                        if (soldTo.putIfAbsent(t.get("seatId").asText(), t.get("ticketId").asText()) != null) {
                            doubleSales.incrementAndGet();
                        }
                    }
                }
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        assertThat(unexpectedBodies).isEmpty();
        assertThat(unexpected.get()).isZero();
        assertThat(doubleSales.get()).isZero();
        assertThat(conflicts.get()).isPositive();
        Response log = fx.organizer.get("/api/sales-log?eventId=" + ev.eventId());
        List<String> loggedSeats = new ArrayList<>();
        log.get("lines").forEach(l -> loggedSeats.add(l.get("seatId").asText()));
        assertThat(loggedSeats).doesNotHaveDuplicates().hasSameSizeAs(soldTo.keySet())
                .containsExactlyInAnyOrderElementsOf(soldTo.keySet());
        assertThat(LedgerIntegrity.missingParents(fx.center.services().db().dsl())).isEmpty();
    }

    @Test
    void sellerCannotExceedQuotaOrSellOutsideItsAllocation() {
        Account seller = fx.account(Role.SELLER);
        Account rival = fx.account(Role.SELLER);
        var map = mapOf();
        String category = map.categories().getFirst().id();
        String otherCategory = map.categories().get(1).id();
        List<String> rivalBlock = map.seats().stream().filter(s -> s.categoryId().equals(category))
                .skip(100).limit(4).map(Seat::id).toList();
        EventSetup ev = fx.publishedTheatreEvent(Map.of(seller, Map.of(category, 5), rival, Map.of(category, 10)),
                Map.of(rival, rivalBlock));
        List<String> free = map.seats().stream().filter(s -> s.categoryId().equals(category) && s.flags().isEmpty())
                .map(Seat::id).filter(id -> !rivalBlock.contains(id)).limit(8).toList();

        assertThat(hold(seller, ev, free.subList(0, 3)).status()).isEqualTo(201);
        Response over = hold(seller, ev, free.subList(3, 6));
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.get("type").asText()).endsWith("quota-exceeded");
        assertThat(over.get("detail").asText()).contains("2 more seats");
        assertThat(hold(seller, ev, free.subList(3, 5)).status()).isEqualTo(201);

        Response outside = hold(fx.account(Role.SELLER), ev, List.of(free.get(6)));
        assertThat(outside.status()).as("a seller without an authorization").isEqualTo(403);
        Response otherCat = hold(seller, ev, map.seats().stream().filter(s -> s.categoryId().equals(otherCategory))
                .limit(1).map(Seat::id).toList());
        assertThat(otherCat.status()).as("no quota in that category").isEqualTo(403);

        Response intoRivalBlock = hold(fx.account(Role.SELLER), ev, rivalBlock.subList(0, 1));
        assertThat(intoRivalBlock.status()).isIn(403, 409);
        Account seller2 = fx.account(Role.SELLER);
        fx.organizer.post("/api/events/" + ev.eventId() + "/authorizations",
                Map.of("sellerId", seller2.id(), "quotas", Map.of(category, 10), "seatIds", List.of()));
        Response blocked = hold(seller2, ev, rivalBlock.subList(0, 1));
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.get("type").asText()).endsWith("seat-unavailable");
        assertThat(hold(rival, ev, rivalBlock).status()).isEqualTo(201);
        Response mine = rival.client().get("/api/events/" + ev.eventId() + "/authorizations/me");
        assertThat(strings(mine.get("allocatedSeats"))).containsExactlyInAnyOrderElementsOf(rivalBlock);
    }

    /** Issue 13: "sell now" keeps a hold's rules (quota, blocks, seats free) and leaves nothing behind a refusal. */
    @Test
    void anEventRequiringAttendeeNamesSellsOnlyWithANameForEveryTicket() {
        Account seller = fx.account(Role.SELLER);
        dev.tessera.core.seatmap.SeatMap map = CenterFixture.theatreWithStanding(20);
        EventSetup ev = fx.publishedEvent(map, Map.of(seller, CenterFixture.quotaForAll(map, 20)), Map.of(), Map.of(),
                Map.of(), true);
        assertThat(ev.event().get("attendeeNamesRequired").asBoolean()).as("the organizer's setting").isTrue();
        List<String> seats = List.of(map.sections().getFirst().rows().get(2).seats().get(0).id(),
                map.sections().getFirst().rows().get(2).seats().get(1).id());
        Response hold = seller.client().post("/api/events/" + ev.eventId() + "/holds",
                Map.of("seatIds", seats, "areas", Map.of(CenterFixture.STANDING, 1)));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        long holdId = hold.get("id").asLong();
        Map<String, Object> walkIn = Map.of("auth", "WALK_IN");
        Map<String, Object> cash = Map.of("method", "CASH", "tenderedMinor", 100_000);

        // two seats and a standing place: three names needed; none, two, or a blank one is refused and nothing sold
        for (List<String> names : List.of(List.<String>of(), List.of("Aiko Abe", "Ben Brown"),
                List.of("Aiko Abe", " ", "Chie Chiba"))) {
            Response refused = seller.client().post("/api/sales", Map.of("holdId", holdId, "customer", walkIn,
                    "payment", cash, "attendees", names));
            assertProblem(refused, 422, "3 needed");
            assertThat(refused.get("type").asText()).endsWith("attendee-names-required");
            assertThat(refused.get("title").asText()).isEqualTo("Attendee names required");
        }
        assertThat(strings(seller.client().get("/api/events/" + ev.eventId() + "/seats").get("seats").get("HELD")))
                .as("the hold stays, nothing sold").containsAll(seats);
        Response sale = seller.client().post("/api/sales", Map.of("holdId", holdId, "customer", walkIn,
                "payment", cash, "attendees", List.of("Aiko Abe", "Ben Brown", "Chie Chiba")));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        assertThat(sale.get("tickets").findValuesAsText("attendee"))
                .containsExactlyInAnyOrder("Aiko Abe", "Ben Brown", "Chie Chiba");

        // sell now: the same rule in one request
        String third = map.sections().getFirst().rows().get(3).seats().get(0).id();
        Response sellNowRefused = seller.client().post("/api/events/" + ev.eventId() + "/sales", Map.of(
                "seatIds", List.of(third), "customer", walkIn, "payment", cash));
        assertProblem(sellNowRefused, 422, "1 needed, 0 given");
        assertThat(strings(seller.client().get("/api/events/" + ev.eventId() + "/seats").get("seats").get("FREE")))
                .contains(third);
        Response sold = seller.client().post("/api/events/" + ev.eventId() + "/sales", Map.of(
                "seatIds", List.of(third), "customer", walkIn, "payment", cash, "attendees", List.of("Daichi Doi")));
        assertThat(sold.status()).as(sold.body()).isEqualTo(201);
        assertThat(sold.get("tickets").get(0).get("attendee").asText()).isEqualTo("Daichi Doi");

        // an event without the setting still sells without names
        EventSetup optional = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(mapOf(), 5)), Map.of());
        assertThat(optional.event().get("attendeeNamesRequired").asBoolean()).isFalse();
        Response free = seller.client().post("/api/events/" + optional.eventId() + "/sales", Map.of(
                "seatIds", List.of(third), "customer", walkIn, "payment", cash));
        assertThat(free.status()).as(free.body()).isEqualTo(201);
    }

    @Test
    void sellNowSellsInOneRequestUnderTheHoldsRules() {
        Account seller = fx.account(Role.SELLER);
        Account rival = fx.account(Role.SELLER);
        var map = mapOf();
        String category = map.categories().getFirst().id();
        List<String> rivalBlock = map.seats().stream().filter(s -> s.categoryId().equals(category))
                .skip(100).limit(4).map(Seat::id).toList();
        EventSetup ev = fx.publishedTheatreEvent(Map.of(seller, Map.of(category, 5), rival, Map.of(category, 10)),
                Map.of(rival, rivalBlock));
        List<String> free = map.seats().stream().filter(s -> s.categoryId().equals(category) && s.flags().isEmpty())
                .map(Seat::id).filter(id -> !rivalBlock.contains(id)).limit(8).toList();

        Response sold = sellNow(seller, ev, free.subList(0, 3));
        assertThat(sold.status()).isEqualTo(201);
        assertThat(sold.get("tickets")).hasSize(3);
        assertThat(sold.get("totalMinor").asLong()).isPositive();
        Response hold = seller.client().get("/api/holds/" + sold.get("holdId").asLong());
        assertThat(hold.get("status").asText()).isEqualTo("ISSUED");
        assertThat(hold.get("seatIds")).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(free.subList(0, 3));
        JsonNode seats = seller.client().get("/api/events/" + ev.eventId() + "/seats").get("seats");
        assertThat(seats.get("SOLD")).extracting(JsonNode::asText).containsAll(free.subList(0, 3));

        Response over = sellNow(seller, ev, free.subList(3, 6));
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.get("type").asText()).endsWith("quota-exceeded");

        assertThat(hold(rival, ev, List.of(free.get(3))).status()).isEqualTo(201);
        Response taken = sellNow(seller, ev, List.of(free.get(4), free.get(3)));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.get("type").asText()).endsWith("seat-unavailable");
        assertThat(taken.get("detail").asText()).contains(free.get(3)).doesNotContain(free.get(4));
        // the refused sale took neither the free seat nor quota: two more seats fit in the quota of 5
        assertThat(sellNow(seller, ev, List.of(free.get(4), free.get(5))).status()).isEqualTo(201);

        Response intoBlock = sellNow(seller, ev, rivalBlock.subList(0, 1));
        assertThat(intoBlock.status()).isEqualTo(409);
        Response outsider = sellNow(fx.account(Role.SELLER), ev, List.of(free.get(6)));
        assertThat(outsider.status()).as("a seller without an authorization").isEqualTo(403);
        assertThat(fx.organizer.post("/api/events/" + ev.eventId() + "/sales", Map.of("seatIds", List.of(free.get(7)),
                "payment", Map.of("method", "CASH"))).status()).as("an organizer does not sell").isEqualTo(403);
        assertThat(fx.organizer.get("/api/sales-log?eventId=" + ev.eventId()).get("tickets").asInt()).isEqualTo(5);
    }

    /**
     * Issue 13 (migration 23): issuing info, sale, tickets and sold seats no longer name the event row in a foreign key
     * (each check locked it); the database still ties them to their event through the hold, the sale and the seat row.
     */
    @Test
    void theLedgerCheckFindsEveryRowWhoseParentIsMissing() {
        Account seller = fx.account(Role.SELLER);
        var map = mapOf();
        EventSetup ev = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(map, 10)), Map.of());
        EventSetup other = fx.publishedTheatreEvent(Map.of(), Map.of());
        String seat = map.seats().stream().filter(s -> s.flags().isEmpty()).skip(40).findFirst().orElseThrow().id();
        Response sold = sellNow(seller, ev, List.of(seat));
        assertThat(sold.status()).isEqualTo(201);
        String ticketId = sold.get("tickets").get(0).get("ticketId").asText();
        long saleId = sold.get("saleId").asLong();
        var ticket = dev.tessera.center.db.schema.Tables.TICKET;
        var soldSeat = dev.tessera.center.db.schema.Tables.SOLD_SEAT;
        var sale = dev.tessera.center.db.schema.Tables.SALE;
        var info = dev.tessera.center.db.schema.Tables.ISSUING_INFO;
        var hold = dev.tessera.center.db.schema.Tables.SEAT_HOLD;
        var db = fx.center.services().db();
        assertThat(LedgerIntegrity.missingParents(db.dsl())).isEmpty();
        // each row made to name a parent that is not there, in a transaction rolled back after the check
        Map<String, Integer> found = new java.util.LinkedHashMap<>();
        assertThatThrownBy(() -> db.tx(ctx -> {
            ctx.update(ticket).set(ticket.EVENT_ID, other.eventId()).where(ticket.ID.eq(ticketId)).execute();
            ctx.update(soldSeat).set(soldSeat.SEAT_ID, "no-such-seat").where(soldSeat.TICKET_ID.eq(ticketId)).execute();
            ctx.update(sale).set(sale.ISSUING_INFO_ID, -1L).where(sale.ID.eq(saleId)).execute();
            ctx.update(info).set(info.HOLD_ID, -1L).where(info.ID.eq(sold.get("issuingInfoId").asLong())).execute();
            ctx.update(hold).set(hold.SELLER_ID, -1L).where(hold.ID.eq(sold.get("holdId").asLong())).execute();
            found.putAll(LedgerIntegrity.missingParents(ctx));
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(found).containsExactly(Map.entry("tickets without a sale of their event", 1),
                Map.entry("sales without an issuing info of their event", 1),
                Map.entry("issuing infos without a hold of their event", 1),
                Map.entry("sold seats without a seat of their event", 1),
                Map.entry("holds without their seller's account", 1));
        assertThat(LedgerIntegrity.missingParents(db.dsl())).isEmpty();
    }

    private static Response sellNow(Account seller, EventSetup ev, List<String> seats) {
        return seller.client().post("/api/events/" + ev.eventId() + "/sales", Map.of("seatIds", seats,
                "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CASH", "tenderedMinor", 1_000_000)));
    }

    @Test
    void aLapsedHoldFreesItsSeatsAndItsQuota() throws Exception {
        Account seller = fx.account(Role.SELLER);
        var map = mapOf();
        String category = map.categories().getFirst().id();
        EventSetup ev = fx.publishedTheatreEvent(Map.of(seller, Map.of(category, 2)), Map.of());
        List<String> two = map.seats().stream().filter(s -> s.categoryId().equals(category) && s.flags().isEmpty())
                .limit(2).map(Seat::id).toList();
        Response hold = hold(seller, ev, two);
        assertThat(hold.status()).isEqualTo(201);
        assertThat(hold(seller, ev, two).status()).as("held seats are taken").isEqualTo(409);

        fx.clock.advance(CenterConfig.DEFAULT_HOLD_PERIOD.plusSeconds(1));
        List<String> freeNow = strings(seller.client().get("/api/events/" + ev.eventId() + "/seats").get("seats")
                .get("FREE"));
        assertThat(freeNow).containsAll(two);
        Response late = seller.client().post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CASH")));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.get("type").asText()).endsWith("hold-not-active");
        assertThat(seller.client().get("/api/holds/" + hold.get("id").asLong()).get("status").asText()).isEqualTo("LAPSED");
        assertThat(hold(seller, ev, two).status()).as("the quota came back with the seats").isEqualTo(201);
    }

    @Test
    void wrongTransferPasswordsAreRefusedThenRateLimited() {
        Account seller = fx.account(Role.SELLER);
        EventSetup ev = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(mapOf(), 10)), Map.of());
        String chipA = randomChipId();
        String chipB = randomChipId();
        ChipKeys carolsCard = ChipKeys.generate(RANDOM);
        registerMember(seller.client(), "carol", chipA, carolsCard);
        registerMember(seller.client(), "dave", chipB, ChipKeys.generate(RANDOM));
        Response hold = seller.client().post("/api/events/" + ev.eventId() + "/holds",
                Map.of("bestAvailable", Map.of("count", 1, "categoryId", mapOf().categories().getFirst().id())));
        Response sale = seller.client().post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                "customer", dev.tessera.center.support.MemberCards.provenCustomer(seller.client(), chipA, carolsCard), "payment", Map.of("method", "CARD")));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        ApiClient carol = fx.anonymous.login(loginOf("carol", chipA), "member-password");
        ApiClient dave = fx.anonymous.login(loginOf("dave", chipB), "member-password");
        Response transfer = carol.post("/api/transfers", Map.of("ticketId",
                sale.get("tickets").get(0).get("ticketId").asText(), "toChipId", chipB, "transferPassword", "right-one"));
        long id = transfer.get("transferId").asLong();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(dave.post("/api/transfers/" + id + "/accept", Map.of("transferPassword", "wrong-" + i)).status());
        }
        assertThat(statuses.subList(0, 2)).as("the first two wrong passwords").containsOnly(403);
        assertThat(statuses.subList(2, 6)).as("the third locks the transfer").containsOnly(429);
        Response locked = dave.post("/api/transfers/" + id + "/accept", Map.of("transferPassword", "right-one"));
        assertThat(locked.status()).as("even the right password waits out the lock").isEqualTo(429);
        Response stranger = fx.account(Role.MEMBER).client().post("/api/transfers/" + id + "/accept",
                Map.of("transferPassword", "right-one"));
        assertThat(stranger.status()).as("only the assignee chip's member may accept").isEqualTo(404);
    }

    @Test
    void badInputGetsAProblemDocumentNeverAServerError() {
        Account seller = fx.account(Role.SELLER);
        EventSetup ev = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(mapOf(), 10)), Map.of());
        String holds = "/api/events/" + ev.eventId() + "/holds";
        assertProblem(seller.client().postRaw(holds, "{\"seatIds\": [\"ST-A-1\""), 400, "malformed JSON");
        assertProblem(seller.client().postRaw(holds, "{\"seatIds\": [], \"extra\": 1}"), 400, "extra");
        assertProblem(seller.client().postRaw(holds, "[1,2,3]"), 400, "");
        assertProblem(seller.client().postRaw(holds, "null"), 400, "");
        assertProblem(seller.client().postRaw(holds, ""), 400, "JSON body");
        assertProblem(seller.client().post(holds, Map.of("seatIds", List.of("NO-SUCH-SEAT"))), 400, "NO-SUCH-SEAT");
        assertProblem(seller.client().post("/api/events/999999/holds", Map.of("seatIds", List.of("x"))), 404, "999999");
        assertProblem(seller.client().get("/api/events/abc"), 400, "eventId");
        assertProblem(fx.anonymous.get("/api/events"), 401, "sign in");
        assertProblem(fx.anonymous.as("forged-token").get("/api/events"), 401, "sign in");
        assertProblem(seller.client().post("/api/venues", Map.of("name", "x", "address", "y")), 403, "seller");
        assertProblem(seller.client().postRaw(holds, "{\"seatIds\":[\"" + "x".repeat(100_000) + "\"]}"), 413, "");
        assertProblem(seller.client().get("/api/no-such-thing"), 404, "");
        assertProblem(fx.anonymous.post("/api/sessions", Map.of("loginId", seller.loginId(), "password", "nope")), 401,
                "wrong");
        assertProblem(fx.organizer.post("/api/venues/1/seat-maps", "{\"format\":\"tessera-seatmap\"}"), 400, "seat map");
        assertProblem(fx.organizer.post("/api/accounts", Map.of("loginId", seller.loginId(), "password", "long-enough",
                "role", "SELLER", "displayName", "dup")), 409, "already in use");
        assertProblem(fx.organizer.post("/api/accounts", Map.of("loginId", "new-one", "password", "long-enough",
                "role", "KING", "displayName", "x")), 400, "");
    }

    @Test
    void seatStatusChangesArePushedLiveToWatchingTerminals() throws Exception {
        Account seller = fx.account(Role.SELLER);
        Account watcher = fx.account(Role.SELLER);
        EventSetup ev = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(mapOf(), 10)), Map.of());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(fx.center.baseUri().resolve("/api/events/" + ev.eventId() + "/seats/stream"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + watcher.client().token())
                .GET().build();
        HttpClient http = HttpClient.newHttpClient();
        var stream = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<java.util.stream.Stream<String>> response = stream.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = Thread.ofVirtual().start(() -> response.body().forEach(lines::add));
        try {
            assertThat(lines.poll(10, TimeUnit.SECONDS)).as("the stream opens with the revision it starts after")
                    .isEqualTo("event: watching");
            JsonNode watching = ApiClient.JSON.readTree(lines.poll(10, TimeUnit.SECONDS).substring(5).trim());
            assertThat(watching.get("eventId").asLong()).isEqualTo(ev.eventId());
            assertThat(watching.get("revision").asLong()).isZero();
            assertThat(lines.poll(10, TimeUnit.SECONDS)).isEmpty();
            List<String> seats = ev.map().seats().stream().filter(s -> s.flags().isEmpty()).limit(2).map(Seat::id).toList();
            assertThat(hold(seller, ev, seats).status()).isEqualTo(201);
            String event = null;
            String data = null;
            while (data == null) {
                String line = lines.poll(10, TimeUnit.SECONDS);
                assertThat(line).as("a seats event within 10 s").isNotNull();
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data = line.substring(5).trim();
                }
            }
            assertThat(event).isEqualTo("seats");
            JsonNode changes = ApiClient.JSON.readTree(data);
            assertThat(changes.get("eventId").asLong()).isEqualTo(ev.eventId());
            assertThat(changes.get("seats").findValuesAsText("seatId")).containsExactlyInAnyOrderElementsOf(seats);
            assertThat(changes.get("seats").findValuesAsText("status")).containsOnly("HELD");
            Response unauthorized = fx.anonymous.get("/api/events/" + ev.eventId() + "/seats/stream");
            assertThat(unauthorized.status()).isEqualTo(401);
        } finally {
            reader.interrupt();
            http.shutdownNow();
        }
    }

    /**
     * A delta ({@code ?since=}) names each seat changed after the revision once, with its state now and the revision of
     * its latest change, in revision order; a revision in it is a valid {@code since} of the next delta (migration 33:
     * the revisions are found through seat_change, the states on the seat rows).
     */
    @Test
    void aDeltaListsEachChangedSeatOnceWithItsStateNowInRevisionOrder() {
        Account seller = fx.account(Role.SELLER);
        EventSetup ev = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(mapOf(), 10)), Map.of());
        String seatsPath = "/api/events/" + ev.eventId() + "/seats";
        List<String> free = ev.map().seats().stream().filter(s -> s.flags().isEmpty()).limit(3).map(Seat::id).toList();
        long start = seller.client().get(seatsPath).get("revision").asLong();
        assertThat(delta(seller, seatsPath, start)).as("nothing changed yet").isEmpty();

        Response held = hold(seller, ev, free.subList(0, 2));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        List<JsonNode> afterHold = delta(seller, seatsPath, start);
        assertThat(afterHold).extracting(c -> c.get("seatId").asText())
                .containsExactlyInAnyOrderElementsOf(free.subList(0, 2));
        assertThat(afterHold).extracting(c -> c.get("status").asText()).containsOnly("HELD");
        long held2 = afterHold.getLast().get("revision").asLong();

        Response sold = seller.client().post("/api/sales", Map.of("holdId", held.get("id").asLong(), "customer",
                Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CASH", "tenderedMinor", 1_000_000)));
        assertThat(sold.status()).as(sold.body()).isEqualTo(201);
        Response third = sellNow(seller, ev, List.of(free.get(2)));
        assertThat(third.status()).as(third.body()).isEqualTo(201);

        for (long since : List.of(start, held2)) {
            List<JsonNode> changes = delta(seller, seatsPath, since);
            assertThat(changes).as("since %d: each seat once, sold", since).extracting(c -> c.get("seatId").asText())
                    .containsExactlyInAnyOrderElementsOf(free);
            assertThat(changes).extracting(c -> c.get("status").asText()).containsOnly("SOLD");
            List<Long> revisions = changes.stream().map(c -> c.get("revision").asLong()).toList();
            assertThat(revisions).isSorted().doesNotHaveDuplicates().allMatch(r -> r > held2);
            assertThat(changes.getLast().get("seatId").asText()).as("the sale paid at once came last")
                    .isEqualTo(free.get(2));
            assertThat(delta(seller, seatsPath, revisions.getLast())).as("nothing after the latest").isEmpty();
        }
        assertThat(seller.client().get(seatsPath).get("revision").asLong()).as("the snapshot's revision")
                .isEqualTo(delta(seller, seatsPath, start).getLast().get("revision").asLong());
    }

    private static List<JsonNode> delta(Account seller, String seatsPath, long since) {
        Response delta = seller.client().get(seatsPath + "?since=" + since);
        assertThat(delta.status()).as(delta.body()).isEqualTo(200);
        List<JsonNode> changes = new ArrayList<>();
        delta.get("changes").forEach(changes::add);
        return changes;
    }

    @Test
    void offlineSalesArriveExactlyOnceAndOnlyInsideTheAllocation() throws Exception {
        Account seller = fx.account(Role.SELLER);
        Account gate = fx.account(Role.GATE);
        var map = mapOf();
        String category = map.categories().getFirst().id();
        List<Seat> block = map.seats().stream().filter(s -> s.categoryId().equals(category) && s.flags().isEmpty())
                .skip(40).limit(6).toList();
        Seat outside = map.seats().stream().filter(s -> s.categoryId().equals(category) && s.flags().isEmpty())
                .skip(80).findFirst().orElseThrow();
        EventSetup ev = fx.publishedTheatreEvent(Map.of(seller, Map.of(category, 5)),
                Map.of(seller, block.stream().map(Seat::id).toList()));

        // flow 3: the terminal's key is certified by the center
        IssuerKeyPair terminalKey = IssuerKeyPair.generate(RANDOM);
        String terminalId = CenterFixture.unique("till");
        Response reg = seller.client().post("/api/terminals", Map.of("terminalId", terminalId,
                "publicKey", HexFormat.of().formatHex(terminalKey.publicKey().encoded())));
        assertThat(reg.status()).as(reg.body()).isEqualTo(201);
        IssuerPublicKey centerKey = IssuerPublicKey.of(HexFormat.of().parseHex(
                gate.client().get("/api/issuer-keys").json().get(0).get("publicKey").asText()));
        assertThat(centerKey.verify(dev.tessera.center.terminal.TerminalService.certificateMessage(terminalId,
                seller.id(), terminalKey.publicKey().encoded()), Base64.getDecoder().decode(reg.get("certificate").asText())))
                .as("the certificate verifies with the center's key").isTrue();
        assertThat(gate.client().get("/api/terminal-keys").json().findValuesAsText("terminalId")).contains(terminalId);

        // offline: three sales inside the block, one outside the allocation
        var e1 = LedgerEntry.first(terminalId, LedgerKind.SHIFT, Instant.now(), "{\"type\":\"SHIFT_OPEN\",\"cash\":20000}");
        var e2 = e1.next(LedgerKind.SALE, Instant.now(), offlineSale(ev, terminalKey, block.subList(0, 2)));
        String scannedFirst = offlineTicket(ev, terminalKey, block.get(2));
        var e3 = e2.next(LedgerKind.SALE, Instant.now(), offlineSalePayload(ev, List.of(scannedFirst)));
        var e4 = e3.next(LedgerKind.SALE, Instant.now(), offlineSale(ev, terminalKey, List.of(outside)));
        String journal = "/api/terminals/" + terminalId + "/journal";

        // a gate admits an offline ticket before the journal reached the center, once
        assertThat(scan(gate, ev, "", scannedFirst, null).get("verdict").asText()).isIn("ADMITTED", "WRONG_GATE");
        String gateOfThird = TicketCodec.decode(Base64.getDecoder().decode(scannedFirst)).ticket().gateId();
        JsonNode firstScan = scan(gate, ev, gateOfThird, scannedFirst, null);
        assertThat(firstScan.get("verdict").asText()).isEqualTo("ADMITTED");

        assertThat(seller.client().post(journal, push(e1, e3)).status()).as("a gap is refused").isEqualTo(409);
        Response pushed = seller.client().post(journal, push(e1, e2, e3, e4));
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
        assertThat(pushed.get("acknowledged").asLong()).isEqualTo(4);
        assertThat(pushed.get("outcomes").findValuesAsText("outcome")).containsExactly("RECORDED", "APPLIED", "APPLIED", "REJECTED");
        // the retry after a dropped connection: acknowledged again, applied once
        Response again = seller.client().post(journal, push(e1, e2, e3, e4));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.get("outcomes").findValuesAsText("detail")).containsOnly("already received");
        var forged = e3.next(LedgerKind.SALE, Instant.now(), "{\"type\":\"NOTE\"}");
        assertThat(seller.client().post(journal, push(forged)).status()).as("a diverging entry 4").isEqualTo(409);
        assertThat(seller.client().get("/api/terminals/" + terminalId).get("lastSequence").asLong()).isEqualTo(4);

        Response log = seller.client().get("/api/sales-log?eventId=" + ev.eventId());
        assertThat(log.get("tickets").asInt()).isEqualTo(3);
        List<String> free = strings(seller.client().get("/api/events/" + ev.eventId() + "/seats").get("seats").get("FREE"));
        assertThat(free).contains(outside.id()).doesNotContain(block.get(0).id(), block.get(1).id(), block.get(2).id());
        assertThat(scan(gate, ev, gateOfThird, scannedFirst, null).get("verdict").asText())
                .as("the synced ticket remembers its gate scan").isEqualTo("ALREADY_USED");

        // a void with a reason: the seat is for sale again and the voided copy is refused at the gate
        JsonNode line = log.get("lines").get(0);
        Response voided = seller.client().post("/api/tickets/" + line.get("ticketId").asText() + "/void",
                Map.of("reason", "customer changed plans", "refund", true));
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        assertThat(voided.get("refundMinor").asLong()).isEqualTo(line.get("priceMinor").asLong());
        assertThat(strings(seller.client().get("/api/events/" + ev.eventId() + "/seats").get("seats").get("FREE")))
                .contains(line.get("seatId").asText());
        assertThat(seller.client().post("/api/tickets/" + line.get("ticketId").asText() + "/void",
                Map.of("reason", "twice")).status()).isEqualTo(409);
        assertThat(fx.account(Role.SELLER).client().post("/api/tickets/" + line.get("ticketId").asText() + "/void",
                Map.of("reason", "not mine")).status()).isEqualTo(404);
    }

    @Test
    void theOrganizerTakesFreeSeatsBackFromABlockAndAnOfflineSaleOfThemStandsWhileNobodySoldThem() throws Exception {
        Account seller = fx.account(Role.SELLER);
        Account other = fx.account(Role.SELLER);
        var map = mapOf();
        String category = map.categories().getFirst().id();
        List<Seat> block = map.seats().stream().filter(s -> s.categoryId().equals(category) && s.flags().isEmpty())
                .skip(120).limit(5).toList();
        EventSetup ev = fx.publishedTheatreEvent(Map.of(seller, Map.of(category, 10), other, Map.of(category, 10)),
                Map.of(seller, block.stream().map(Seat::id).toList()));
        String release = "/api/events/" + ev.eventId() + "/authorizations/" + seller.id() + "/release";
        IssuerKeyPair terminalKey = IssuerKeyPair.generate(RANDOM);
        String terminalId = CenterFixture.unique("till");
        assertThat(seller.client().post("/api/terminals", Map.of("terminalId", terminalId,
                "publicKey", HexFormat.of().formatHex(terminalKey.publicKey().encoded()))).status()).isEqualTo(201);

        // the seller holds one seat of its block; the organizer takes back three free ones, the held one and a stranger
        Response held = seller.client().post("/api/events/" + ev.eventId() + "/holds",
                Map.of("seatIds", List.of(block.get(0).id())));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(seller.client().post(release, Map.of("seatIds", List.of(block.get(1).id()))).status())
                .as("a seller cannot take its own block apart").isEqualTo(403);
        assertThat(fx.organizer.post(release, Map.of("seatIds", List.of())).status()).isEqualTo(400);
        assertThat(fx.organizer.post("/api/events/" + ev.eventId() + "/authorizations/" + fx.account(Role.SELLER).id()
                + "/release", Map.of("seatIds", List.of(block.get(1).id()))).status())
                .as("a seller without an authorization").isEqualTo(404);
        Response released = fx.organizer.post(release, Map.of("seatIds", List.of(block.get(0).id(), block.get(1).id(),
                block.get(2).id(), block.get(3).id(), "no-such-seat")));
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(strings(released.get("released"))).containsExactlyInAnyOrder(block.get(1).id(), block.get(2).id(),
                block.get(3).id());
        assertThat(strings(released.get("kept"))).containsExactly(block.get(0).id(), "no-such-seat");
        assertThat(strings(released.get("authorization").get("allocatedSeats")))
                .containsExactlyInAnyOrder(block.get(0).id(), block.get(4).id());
        assertThat(strings(seller.client().get("/api/events/" + ev.eventId() + "/authorizations/me").get("allocatedSeats")))
                .containsExactlyInAnyOrder(block.get(0).id(), block.get(4).id());

        // the released seats are for sale to everyone: another seller holds one of them online
        Response theirs = other.client().post("/api/events/" + ev.eventId() + "/holds",
                Map.of("seatIds", List.of(block.get(1).id())));
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(201);

        // the seller's terminal, offline meanwhile, had sold two released seats from its old allocation: the one nobody
        // sold stands, the one now held by the other seller is rejected for the manager to settle
        var e1 = LedgerEntry.first(terminalId, LedgerKind.SALE, Instant.now(), offlineSale(ev, terminalKey, List.of(block.get(2))));
        var e2 = e1.next(LedgerKind.SALE, Instant.now(), offlineSale(ev, terminalKey, List.of(block.get(1))));
        Response pushed = seller.client().post("/api/terminals/" + terminalId + "/journal", push(e1, e2));
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
        assertThat(pushed.get("outcomes").findValuesAsText("outcome")).containsExactly("APPLIED", "REJECTED");
        List<String> sold = strings(seller.client().get("/api/events/" + ev.eventId() + "/seats").get("seats").get("SOLD"));
        assertThat(sold).contains(block.get(2).id()).doesNotContain(block.get(1).id());

        // authorizing the seat again makes it the block's own once more
        Response again = fx.organizer.post("/api/events/" + ev.eventId() + "/authorizations", Map.of("sellerId",
                seller.id(), "quotas", Map.of(category, 10), "seatIds", List.of(block.get(3).id())));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(strings(again.get("allocatedSeats"))).contains(block.get(3).id());
    }

    private static Map<String, Object> push(LedgerEntry... entries) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (LedgerEntry e : entries) {
            list.add(Map.of("sequence", e.sequence(), "kind", e.kind().name(), "at", e.at().toString(),
                    "payload", e.payload(), "previousHash", HexFormat.of().formatHex(e.previousHash()),
                    "hash", HexFormat.of().formatHex(e.hash())));
        }
        return Map.of("entries", list);
    }

    private static String offlineSale(EventSetup ev, IssuerKeyPair key, List<Seat> seats) throws Exception {
        List<String> tickets = new ArrayList<>();
        for (Seat seat : seats) {
            tickets.add(offlineTicket(ev, key, seat));
        }
        return offlineSalePayload(ev, tickets);
    }

    private static String offlineSalePayload(EventSetup ev, List<String> tickets) throws Exception {
        return ApiClient.JSON.writeValueAsString(new OfflineSalePayload(ev.eventId(), null,
                    new OfflineSalePayload.Payment("CASH", null), tickets, null));
    }

    private static String offlineTicket(EventSetup ev, IssuerKeyPair key, Seat seat) {
        JsonNode event = ev.event();
        Ticket ticket = new Ticket(UUID.randomUUID(), 1, ev.eventId(), seat.id(), seat.categoryId(),
                event.get("gates").get(0).asText(), Instant.parse(event.get("doorsOpen").asText()),
                Instant.parse(event.get("endsAt").asText()), "", List.of(),
                event.get("pricesMinor").get(seat.categoryId()).asLong(), event.get("currency").asText());
        return Base64.getEncoder().encodeToString(TicketCodec.encodeSigned(ticket, key));
    }

    @Test
    void loginIsLockedAfterRepeatedWrongPasswords() {
        Account seller = fx.account(Role.SELLER);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(fx.anonymous.post("/api/sessions", Map.of("loginId", seller.loginId(), "password", "bad-" + i)).status());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.get(5)).isEqualTo(429);
        Response right = fx.anonymous.post("/api/sessions", Map.of("loginId", seller.loginId(), "password", seller.password()));
        assertThat(right.status()).isEqualTo(429);
    }

    @Test
    void openApiDocumentIsServedAndNamesEveryRoute() throws Exception {
        Response doc = fx.anonymous.get("/openapi.json");
        assertThat(doc.status()).isEqualTo(200);
        JsonNode paths = doc.json().get("paths");
        assertThat(paths.size()).isGreaterThan(20);
        for (var path : (Iterable<Map.Entry<String, JsonNode>>) paths::fields) {
            for (var op : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                String concrete = path.getKey().replaceAll("\\{[^}]+}", "1");
                Response r = switch (op.getKey()) {
                    case "get" -> concrete.endsWith("/stream") ? null : fx.anonymous.get(concrete);
                    case "post" -> fx.anonymous.post(concrete, Map.of());
                    case "delete" -> fx.anonymous.delete(concrete);
                    default -> throw new AssertionError("unexpected method " + op.getKey());
                };
                if (r == null) {
                    continue;
                }
                boolean isPublic = op.getValue().path("security").isArray() && op.getValue().path("security").isEmpty();
                if (!isPublic) {
                    assertThat(r.status()).as(op.getKey() + " " + path.getKey() + " needs a token").isEqualTo(401);
                } else {
                    assertThat(r.status()).as(op.getKey() + " " + path.getKey()).isNotEqualTo(404).isLessThan(500);
                }
            }
        }
    }

    // ---- helpers ----

    private static dev.tessera.core.seatmap.SeatMap mapOf() {
        return dev.tessera.core.seatmap.SampleVenues.theatre();
    }

    private Response hold(Account seller, EventSetup ev, List<String> seats) {
        return seller.client().post("/api/events/" + ev.eventId() + "/holds", Map.of("seatIds", seats));
    }

    private static JsonNode scan(Account gate, EventSetup ev, String gateId, String ticket, String chipId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("eventId", ev.eventId(), "gateId", gateId.isEmpty() ? "x" : gateId,
                "ticket", ticket));
        if (chipId != null) {
            body.put("chipId", chipId);
        }
        Response r = gate.client().post("/api/gate/scans", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static String loginOf(String name, String chipId) {
        return name + "-" + chipId.substring(0, 8);
    }

    private long registerMember(ApiClient seller, String name, String chipId, ChipKeys keys) {
        Response member = seller.post("/api/members", Map.of("loginId", loginOf(name, chipId),
                "password", "member-password", "displayName", "Member " + name));
        assertThat(member.status()).as(member.body()).isEqualTo(201);
        long id = member.get("accountId").asLong();
        Response chip = seller.post("/api/chips", Map.of("chipId", chipId,
                "publicKey", HexFormat.of().formatHex(keys.publicKeySec1()), "memberId", id));
        assertThat(chip.status()).as(chip.body()).isEqualTo(201);
        return id;
    }

    private static String randomChipId() {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private static IssuerKeyResolver issuerKeys(ApiClient client) {
        List<IssuerPublicKey> keys = new ArrayList<>();
        client.get("/api/issuer-keys").json().forEach(k -> keys.add(IssuerPublicKey.of(
                HexFormat.of().parseHex(k.get("publicKey").asText()))));
        return IssuerKeyResolver.of(keys.toArray(IssuerPublicKey[]::new));
    }

    private static void assertConsecutive(EventSetup ev, List<String> seats) {
        Row row = ev.map().rowOf(seats.getFirst()).orElseThrow();
        List<String> rowSeats = row.seats().stream().map(Seat::id).toList();
        List<Integer> positions = seats.stream().map(rowSeats::indexOf).sorted().toList();
        assertThat(positions).doesNotContain(-1);
        assertThat(positions.getLast() - positions.getFirst()).isEqualTo(seats.size() - 1);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static void assertProblem(Response r, int status, String detailContains) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.get("status").asInt()).isEqualTo(status);
        assertThat(r.get("title").asText()).isNotBlank();
        assertThat(r.get("detail").asText()).containsIgnoringCase(detailContains).doesNotContain("Exception");
    }
}
