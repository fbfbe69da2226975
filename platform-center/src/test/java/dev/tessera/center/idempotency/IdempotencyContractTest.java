package dev.tessera.center.idempotency;

import static dev.tessera.center.db.schema.Tables.IDEMPOTENCY_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.contract.sales.Customer;
import dev.tessera.contract.sales.Payment;
import dev.tessera.contract.sales.PaymentMethod;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.contract.sales.SellNow;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.core.model.CustomerAuth;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.Seat;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Exactly-once POSTs through the HTTP API on a real database (H2 file and PostgreSQL subclasses): the same key and
 * request answer the first answer without doing the work again, another request under a used key is refused, keys
 * belong to one account and lapse after the retention period; a repeated confirm answers with the sale it made.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IdempotencyContractTest {
    CenterFixture fx;
    Account seller;
    Account otherSeller;
    EventSetup ev;
    List<String> seats;
    int nextSeat;

    abstract String jdbcUrl();

    abstract String dbUser();

    @BeforeAll
    void startCenter() {
        fx = new CenterFixture(jdbcUrl(), dbUser());
        seller = fx.account(Role.SELLER);
        otherSeller = fx.account(Role.SELLER);
        newEvent();
    }

    /** An event that starts an hour from the fixture's clock, both sellers authorized. */
    private synchronized void newEvent() {
        ev = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(SampleVenues.theatre(), 200),
                otherSeller, CenterFixture.quotaForAll(SampleVenues.theatre(), 200)), Map.of());
        seats = ev.map().seats().stream().filter(s -> s.flags().isEmpty()).map(Seat::id).toList();
        nextSeat = 0;
    }

    @AfterAll
    void stopCenter() {
        if (fx != null) {
            fx.closeCheckingTheLedger();
        }
    }

    private synchronized List<String> freshSeats(int count) {
        List<String> picked = seats.subList(nextSeat, nextSeat + count);
        nextSeat += count;
        return picked;
    }

    private String holds() {
        return "/api/events/" + ev.eventId() + "/holds";
    }

    private List<Long> activeHoldIds(Account who) {
        Response list = who.client().get("/api/holds?eventId=" + ev.eventId());
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        list.json().forEach(h -> ids.add(h.get("id").asLong()));
        return ids;
    }

    @Test
    void aRetriedHoldGetsTheFirstAnswerAndHoldsNothingMore() {
        List<Long> before = activeHoldIds(seller);
        Map<String, Object> body = Map.of("seatIds", freshSeats(2));
        String key = UUID.randomUUID().toString();
        Response first = seller.client().post(holds(), body, key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEmpty();

        Response again = seller.client().post(holds(), body, key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Idempotent-Replayed")).hasValue("true");

        List<Long> after = activeHoldIds(seller);
        after.removeAll(before);
        assertThat(after).as("one hold for two requests with one key").containsExactly(first.get("id").asLong());

        Response withoutKey = seller.client().post(holds(), body);
        assertThat(withoutKey.status()).as("without a key the request is new, and the seats are held")
                .isEqualTo(409);
    }

    @Test
    void anotherRequestUnderAUsedKeyIsRefused() {
        String key = UUID.randomUUID().toString();
        assertThat(seller.client().post(holds(), Map.of("seatIds", freshSeats(1)), key).status()).isEqualTo(201);

        Response otherBody = seller.client().post(holds(), Map.of("seatIds", freshSeats(1)), key);
        assertThat(otherBody.status()).as(otherBody.body()).isEqualTo(422);
        assertThat(otherBody.get("type").asText()).endsWith("idempotency-key-reused");
        assertThat(otherBody.get("detail").asText()).contains("another body");

        Response otherRoute = seller.client().post("/api/shifts", Map.of("terminalId", "T-1", "currency", "JPY",
                "floatCount", List.of()), key);
        assertThat(otherRoute.status()).as(otherRoute.body()).isEqualTo(422);
        assertThat(otherRoute.get("detail").asText()).contains("POST " + holds());
    }

    @Test
    void keysBelongToOneAccount() {
        String key = UUID.randomUUID().toString();
        Response mine = seller.client().post(holds(), Map.of("seatIds", freshSeats(1)), key);
        Response theirs = otherSeller.client().post(holds(), Map.of("seatIds", freshSeats(1)), key);
        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(201);
        assertThat(theirs.get("id").asLong()).isNotEqualTo(mine.get("id").asLong());
    }

    @Test
    void aRefusalIsKeptLikeASuccess() {
        List<String> taken = freshSeats(1);
        assertThat(otherSeller.client().post(holds(), Map.of("seatIds", taken)).status()).isEqualTo(201);
        String key = UUID.randomUUID().toString();
        Response refused = seller.client().post(holds(), Map.of("seatIds", taken), key);
        assertThat(refused.status()).isEqualTo(409);
        Response again = seller.client().post(holds(), Map.of("seatIds", taken), key);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).isEqualTo(refused.body());
        assertThat(again.header("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    void aKeyIsNewAgainAfterTheRetentionPeriodAndThenPurged() {
        String key = UUID.randomUUID().toString();
        Response first = seller.client().post(holds(), Map.of("seatIds", freshSeats(1)), key);
        assertThat(first.status()).isEqualTo(201);
        // the store on the center's database, its clock a day later (moving the fixture's would end its sessions)
        Clock dayLater = Clock.offset(fx.clock, IdempotencyStore.RETENTION.plus(Duration.ofSeconds(1)));
        IdempotencyStore now = new IdempotencyStore(fx.center.services().db(), fx.clock);
        IdempotencyStore later = new IdempotencyStore(fx.center.services().db(), dayLater);
        assertThat(now.claim(seller.id(), key, "POST " + holds(), "another body"))
                .isInstanceOf(IdempotencyStore.Claim.Mismatch.class);
        assertThat(later.claim(seller.id(), key, "POST " + holds(), "another body"))
                .as("a key past its retention is new").isInstanceOf(IdempotencyStore.Claim.Fresh.class);
        later.abandon(seller.id(), key);
        assertThat(seller.client().post(holds(), Map.of("seatIds", freshSeats(1)), UUID.randomUUID().toString())
                .status()).isEqualTo(201);
        assertThat(later.purgeExpired()).as("every key of the run so far is past its retention a day later")
                .isPositive();
    }

    @Test
    void aKeyMustBeVisibleAsciiOfAtMost255Characters() {
        assertThat(seller.client().post(holds(), Map.of("seatIds", freshSeats(1)), "x".repeat(256)).status())
                .isEqualTo(400);
        assertThat(seller.client().post(holds(), Map.of("seatIds", freshSeats(1)), "a key").status())
                .isEqualTo(400);
    }

    /**
     * A hold writes its key with its answer (issue 13, Endpoints.KEY_WITH_WORK): the racers that lose wait for the
     * first (on its seats or its key), roll their own work back, and are told its answer, replayed.
     */
    @Test
    void sixteenRacingRetriesOfOneKeyHoldOnce() throws Exception {
        List<Long> before = activeHoldIds(seller);
        Map<String, Object> body = Map.of("seatIds", freshSeats(3));
        String key = UUID.randomUUID().toString();
        List<Response> answers = race(16, () -> seller.client().post(holds(), body, key));
        Set<Long> holdIds = new HashSet<>();
        int replayed = 0;
        for (Response r : answers) {
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            holdIds.add(r.get("id").asLong());
            replayed += r.header("Idempotent-Replayed").isPresent() ? 1 : 0;
        }
        assertThat(holdIds).as("every 201 is the one hold").hasSize(1);
        assertThat(replayed).as("every answer but the first is the first one replayed").isEqualTo(15);
        System.out.println("IDEMPOTENCY RACE: 16 holds under one key, 1 hold, " + replayed + " replayed");
        List<Long> after = activeHoldIds(seller);
        after.removeAll(before);
        assertThat(after).containsExactlyElementsOf(holdIds);
    }

    /** A void claims its key first: a racer that finds it claimed is told to retry (409 in flight) or the answer. */
    @Test
    void sixteenRacingRetriesOfOneKeyVoidOnce() throws Exception {
        String ticket = soldTicket();
        Map<String, Object> voidIt = Map.of("reason", "racing retries", "refund", true);
        String key = UUID.randomUUID().toString();
        List<Response> answers = race(16, () -> seller.client().post("/api/tickets/" + ticket + "/void", voidIt, key));
        Set<String> bodies = new HashSet<>();
        int inFlight = 0;
        for (Response r : answers) {
            if (r.status() == 200) {
                bodies.add(r.json().toString());
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(409);
                assertThat(r.get("type").asText()).endsWith("idempotency-key-in-flight");
                assertThat(r.header("Retry-After")).hasValue("1");
                inFlight++;
            }
        }
        assertThat(bodies).as("every 200 is the one void").hasSize(1);
        System.out.println("IDEMPOTENCY RACE: 16 voids under one key, " + inFlight + " told to retry");
        assertOneAdjustment(ticket);
    }

    /** The answers of {@code racers} threads that start {@code request} together. */
    private static List<Response> race(int racers, java.util.concurrent.Callable<Response> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }

    @Test
    void aRepeatedConfirmAnswersWithTheSaleItMade() {
        Response hold = seller.client().post(holds(), Map.of("seatIds", freshSeats(2)));
        Map<String, Object> confirm = Map.of("holdId", hold.get("id").asLong(), "customer", Map.of("auth", "WALK_IN"),
                "payment", Map.of("method", "CASH", "tenderedMinor", 20_000));
        String key = UUID.randomUUID().toString();
        Response sale = seller.client().post("/api/sales", confirm, key);
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        assertThat(sale.get("changeMinor").asLong()).isEqualTo(10_000);

        Response replayed = seller.client().post("/api/sales", confirm, key);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.json()).isEqualTo(sale.json());

        Response repeated = seller.client().post("/api/sales", confirm);
        assertThat(repeated.status()).as("a confirm of a sold hold, without a key: " + repeated.body()).isEqualTo(200);
        assertThat(repeated.get("saleId").asLong()).isEqualTo(sale.get("saleId").asLong());
        assertThat(repeated.get("changeMinor").asLong()).isEqualTo(10_000);
        assertThat(ticketIds(repeated.json())).isEqualTo(ticketIds(sale.json()));
        assertThat(activeHoldIds(seller)).doesNotContain(hold.get("id").asLong());

        Response someoneElse = otherSeller.client().post("/api/sales", confirm);
        assertThat(someoneElse.status()).as("another seller's hold").isEqualTo(404);
    }

    @Test
    void aRetriedVoidRefundsOnce() {
        String ticket = soldTicket();
        Map<String, Object> voidIt = Map.of("reason", "customer changed plans", "refund", true);
        String key = UUID.randomUUID().toString();
        Response voided = seller.client().post("/api/tickets/" + ticket + "/void", voidIt, key);
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        Response again = seller.client().post("/api/tickets/" + ticket + "/void", voidIt, key);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(voided.json());
        assertOneAdjustment(ticket);
    }

    /**
     * The center stopped between a void's commit and keeping its answer (CenterKillFaultTest found it): the key has no
     * answer and its instance is gone, so the retry runs the void again, and is told the void it made, not 409.
     */
    @Test
    void aVoidWhoseAnswerWasLostIsToldItIsDoneOnRetry() {
        String ticket = soldTicket();
        Map<String, Object> voidIt = Map.of("reason", "wrong night", "refund", true, "refundMethod", "CARD",
                "refundReference", "RF-1");
        String key = UUID.randomUUID().toString();
        Response voided = seller.client().post("/api/tickets/" + ticket + "/void", voidIt, key);
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        // as if the instance that ran it died before keeping the answer
        fx.center.services().db().dsl().update(IDEMPOTENCY_KEY).setNull(IDEMPOTENCY_KEY.STATUS)
                .setNull(IDEMPOTENCY_KEY.CONTENT_TYPE).setNull(IDEMPOTENCY_KEY.RESPONSE_BODY)
                .set(IDEMPOTENCY_KEY.OWNER, fx.center.services().db().instanceKey() + 1)
                .where(IDEMPOTENCY_KEY.IDEM_KEY.eq(key)).execute();

        Response retried = seller.client().post("/api/tickets/" + ticket + "/void", voidIt, key);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json()).isEqualTo(voided.json());
        Response repeated = seller.client().post("/api/tickets/" + ticket + "/void", voidIt);
        assertThat(repeated.status()).as("the same void again, without a key").isEqualTo(200);
        assertThat(repeated.json()).isEqualTo(voided.json());

        Response otherReason = seller.client().post("/api/tickets/" + ticket + "/void",
                Map.of("reason", "another reason", "refund", true, "refundMethod", "CARD", "refundReference", "RF-1"));
        assertThat(otherReason.status()).as("another void of a void ticket").isEqualTo(409);
        assertThat(otherReason.body()).contains("ticket-not-valid");
        assertThat(seller.client().post("/api/tickets/" + ticket + "/void", Map.of("reason", "wrong night")).status())
                .as("the same reason without the refund").isEqualTo(409);
        assertThat(otherSeller.client().post("/api/tickets/" + ticket + "/void", voidIt).status())
                .as("another seller's ticket").isEqualTo(404);
        assertOneAdjustment(ticket);
    }

    /**
     * A center killed right after a sale's commit, before anything else ran: the answer was kept in the sale's own
     * transaction, so the retry is told that sale and the seats are sold once (no lease to wait out, no second run).
     */
    @Test
    void aSaleKilledRightAfterItsCommitIsAnsweredOnRetry() throws Exception {
        IdempotencyStore store = fx.center.services().idempotency();
        String key = UUID.randomUUID().toString();
        String operation = "POST /api/events/" + ev.eventId() + "/sales";
        assertThat(store.claim(seller.id(), key, operation, "digest")).isInstanceOf(IdempotencyStore.Claim.Fresh.class);
        List<String> picked = freshSeats(2);
        SellNow sellNow = new SellNow(picked, null, new Customer(CustomerAuth.WALK_IN, null, null, null),
                new Payment(PaymentMethod.CASH, null, null), null);
        SaleResult sale = store.answerFor(seller.id(), key, 201, answer -> "{\"saleId\":"
                        + ((SaleResult) answer).saleId() + "}")
                .serve(() -> fx.center.services().sales().sellNow(seller.id(), ev.eventId(), sellNow));
        // the instance dies here: nothing after the work runs

        assertThat(store.claim(seller.id(), key, operation, "digest")).as("the retry's claim")
                .isEqualTo(new IdempotencyStore.Claim.Replay(201, "application/json",
                        "{\"saleId\":" + sale.saleId() + "}"));
        Response again = seller.client().post("/api/events/" + ev.eventId() + "/sales", Map.of("seatIds", picked,
                "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CASH")));
        assertThat(again.status()).as("the seats were sold once: " + again.body()).isEqualTo(409);
    }

    /**
     * A sale paid at once writes its key with its answer (issue 13): a center killed right after the sale's commit has
     * nothing else to do; the retry finds the key with the sale and is told it, the seats sold once.
     */
    @Test
    void aSaleWithItsKeyKilledRightAfterItsCommitIsAnsweredOnRetry() throws Exception {
        IdempotencyStore store = fx.center.services().idempotency();
        String key = UUID.randomUUID().toString();
        String path = "/api/events/" + ev.eventId() + "/sales";
        List<String> picked = freshSeats(2);
        Map<String, Object> body = Map.of("seatIds", picked, "customer", Map.of("auth", "WALK_IN"),
                "payment", Map.of("method", "CASH"));
        SellNow sellNow = new SellNow(picked, null, new Customer(CustomerAuth.WALK_IN, null, null, null),
                new Payment(PaymentMethod.CASH, null, null), null);
        SaleResult sale = store.answerWithTheWork(seller.id(), key, "POST " + path, "a digest", 201,
                        answer -> "{\"saleId\":" + ((SaleResult) answer).saleId() + "}")
                .serve(() -> fx.center.services().sales().sellNow(seller.id(), ev.eventId(), sellNow));
        // the instance dies here: nothing after the work runs

        assertThat(store.claim(seller.id(), key, "POST " + path, "a digest")).as("the retry's claim")
                .isEqualTo(new IdempotencyStore.Claim.Replay(201, "application/json",
                        "{\"saleId\":" + sale.saleId() + "}"));
        Response again = seller.client().post(path, body);
        assertThat(again.status()).as("the seats were sold once: " + again.body()).isEqualTo(409);
    }

    /**
     * A sale paid at once under a key that a hold of other seats used first: the sale's own work would succeed, but its
     * key is taken, so its transaction rolls back (the seats stay free) and it is refused as another request (422).
     */
    @Test
    void aSaleUnderAKeyAHoldUsedIsRolledBackAndRefused() {
        String key = UUID.randomUUID().toString();
        Response hold = seller.client().post(holds(), Map.of("seatIds", freshSeats(1)), key);
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        List<String> picked = freshSeats(2);
        Map<String, Object> sellNow = Map.of("seatIds", picked, "customer", Map.of("auth", "WALK_IN"),
                "payment", Map.of("method", "CASH"));
        Response refused = seller.client().post("/api/events/" + ev.eventId() + "/sales", sellNow, key);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.get("type").asText()).endsWith("idempotency-key-reused");

        Response sold = seller.client().post("/api/events/" + ev.eventId() + "/sales", sellNow,
                UUID.randomUUID().toString());
        assertThat(sold.status()).as("the refused sale kept nothing: its seats are free " + sold.body())
                .isEqualTo(201);
        assertThat(sold.get("tickets")).hasSize(2);
    }

    /** A confirmation under a key written with its sale: the retry is the sale replayed, a second confirm of it 200. */
    @Test
    void aRetriedSellNowAndConfirmReplayTheirSale() {
        Map<String, Object> sellNow = Map.of("seatIds", freshSeats(2), "customer", Map.of("auth", "WALK_IN"),
                "payment", Map.of("method", "CASH"));
        String key = UUID.randomUUID().toString();
        Response sold = seller.client().post("/api/events/" + ev.eventId() + "/sales", sellNow, key);
        assertThat(sold.status()).as(sold.body()).isEqualTo(201);
        Response again = seller.client().post("/api/events/" + ev.eventId() + "/sales", sellNow, key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).hasValue("true");
        assertThat(again.json()).isEqualTo(sold.json());
        Long kept = fx.center.services().db().dsl().select(IDEMPOTENCY_KEY.STATUS).from(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.IDEM_KEY.eq(key)).fetchOne(r -> r.value1() == null ? null : (long) r.value1());
        assertThat(kept).as("the key's row holds the answer").isEqualTo(201L);

        Response hold = seller.client().post(holds(), Map.of("seatIds", freshSeats(1)));
        Map<String, Object> confirm = Map.of("holdId", hold.get("id").asLong(), "customer", Map.of("auth", "WALK_IN"),
                "payment", Map.of("method", "CASH"));
        String confirmKey = UUID.randomUUID().toString();
        Response confirmed = seller.client().post("/api/sales", confirm, confirmKey);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
        Response retried = seller.client().post("/api/sales", confirm, confirmKey);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).hasValue("true");
        assertThat(retried.json()).isEqualTo(confirmed.json());
    }

    /** A ticket the seller sold just now (one fresh seat, held and confirmed). */
    private String soldTicket() {
        Response hold = seller.client().post(holds(), Map.of("seatIds", freshSeats(1)));
        Response sale = seller.client().post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CASH")));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        return sale.get("tickets").get(0).get("ticketId").asText();
    }

    /** The sales log lists one adjustment (void or refund) of {@code ticket}: it was voided once. */
    private void assertOneAdjustment(String ticket) {
        Response adjustments = seller.client().get("/api/sales-log/adjustments?eventId=" + ev.eventId());
        long found = 0;
        for (JsonNode a : adjustments.json()) {
            if (ticket.equals(a.path("ticketId").asText())) {
                found++;
            }
        }
        assertThat(found).as("one adjustment for the ticket: " + adjustments.body()).isEqualTo(1);
    }

    @Test
    void aSellerListsAndReleasesItsOwnHoldsOnly() {
        Response mine = seller.client().post(holds(), Map.of("seatIds", freshSeats(1)));
        Response theirs = otherSeller.client().post(holds(), Map.of("seatIds", freshSeats(1)));
        long mineId = mine.get("id").asLong();
        assertThat(activeHoldIds(seller)).contains(mineId).doesNotContain(theirs.get("id").asLong());
        Response all = seller.client().get("/api/holds");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body()).contains("\"id\":" + mineId);
        assertThat(seller.client().delete("/api/holds/" + theirs.get("id").asLong()).status()).isEqualTo(404);
        assertThat(seller.client().delete("/api/holds/" + mineId).status()).isEqualTo(204);
        assertThat(activeHoldIds(seller)).doesNotContain(mineId);
        assertThat(fx.organizer.get("/api/holds").status()).isEqualTo(403);
    }

    private static List<String> ticketIds(JsonNode sale) {
        List<String> ids = new ArrayList<>();
        sale.get("tickets").forEach(t -> ids.add(t.get("ticketId").asText()));
        return ids;
    }
}
