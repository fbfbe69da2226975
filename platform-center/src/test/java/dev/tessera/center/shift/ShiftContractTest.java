package dev.tessera.center.shift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.core.crypto.IssuerKeyPair;
import dev.tessera.core.model.LedgerEntry;
import dev.tessera.core.model.LedgerKind;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.ticket.Ticket;
import dev.tessera.core.ticket.TicketCodec;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import dev.tessera.contract.terminal.OfflineSalePayload;

/**
 * Counter shifts through the HTTP API of a running center, on a real database: subclasses give an
 * H2 file or a real PostgreSQL. Every event costs 5,000 JPY a seat.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ShiftContractTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long PRICE = 5_000;

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
    void aShiftTakesItsSalesAndRefundsAndClosesShortOnlyWithANote() {
        Account seller = fx.account(Role.SELLER);
        Account manager = fx.account(Role.MANAGER);
        EventSetup ev = event(seller);
        // float: 2 x 10,000 + 5 x 1,000 + 10 x 100 = 26,000
        Response opened = seller.client().post("/api/shifts", Map.of("terminalId", CenterFixture.unique("till"),
                "currency", "JPY", "floatCount", List.of(count(10_000, 2), count(1_000, 5), count(100, 10), count(5, 0))));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long shiftId = opened.get("id").asLong();
        assertThat(opened.get("status").asText()).isEqualTo("OPEN");
        assertThat(opened.get("sellerId").asLong()).isEqualTo(seller.id());
        assertThat(opened.get("floatMinor").asLong()).isEqualTo(26_000);
        assertThat(opened.get("floatCount")).as("zero quantities are not kept").hasSize(3);
        assertThat(opened.get("totals").get("expectedCashMinor").asLong()).isEqualTo(26_000);

        JsonNode cash = sell(seller, ev, 2, "CASH");
        sell(seller, ev, 1, "CARD");
        JsonNode invoice = sell(seller, ev, 1, "INVOICE");
        Response refund = seller.client().post("/api/tickets/" + cash.get("tickets").get(0).get("ticketId").asText()
                + "/void", Map.of("reason", "customer cannot come", "refund", true));
        assertThat(refund.status()).as(refund.body()).isEqualTo(200);
        Response voidOnly = seller.client().post("/api/tickets/" + invoice.get("tickets").get(0).get("ticketId").asText()
                + "/void", Map.of("reason", "printed on the wrong name"));
        assertThat(voidOnly.status()).as(voidOnly.body()).isEqualTo(200);

        JsonNode totals = manager.client().get("/api/shifts/" + shiftId).get("totals");
        assertThat(totals.get("sales").asInt()).isEqualTo(3);
        assertThat(totals.get("tickets").asInt()).isEqualTo(4);
        assertThat(totals.get("cashSalesMinor").asLong()).isEqualTo(2 * PRICE);
        assertThat(totals.get("cardSalesMinor").asLong()).isEqualTo(PRICE);
        assertThat(totals.get("invoiceSalesMinor").asLong()).isEqualTo(PRICE);
        assertThat(totals.get("voids").asInt()).isEqualTo(2);
        assertThat(totals.get("refunds").asInt()).isEqualTo(1);
        assertThat(totals.get("cashRefundsMinor").asLong()).isEqualTo(PRICE);
        assertThat(totals.get("expectedCashMinor").asLong()).isEqualTo(26_000 + 2 * PRICE - PRICE);
        // issue 17, per rate (a yen event: Japan's 10 %): receipts of 10,000, 5,000 and 5,000 carry 909 + 455 + 455 of
        // tax, each rounded once; the refund's credit note takes back 455
        assertThat(totals.get("byRate")).singleElement().satisfies(rate -> {
            assertThat(rate.get("currency").asText()).isEqualTo("JPY");
            assertThat(rate.get("rateBasisPoints").asInt()).isEqualTo(1000);
            assertThat(rate.get("tickets").asInt()).isEqualTo(4);
            assertThat(rate.get("salesMinor").asLong()).isEqualTo(4 * PRICE);
            assertThat(rate.get("refundsMinor").asLong()).isEqualTo(PRICE);
            assertThat(rate.get("grossMinor").asLong()).isEqualTo(3 * PRICE);
            assertThat(rate.get("taxMinor").asLong()).isEqualTo(909 + 455 + 455 - 455);
            assertThat(rate.get("netMinor").asLong()).isEqualTo(3 * PRICE - 1364);
        });

        // 30,500 counted against 31,000 expected: short by 500
        List<Map<String, Object>> counted = List.of(count(10_000, 3), count(500, 1));
        Response noNote = seller.client().post("/api/shifts/" + shiftId + "/close", Map.of("counted", counted));
        assertThat(noNote.status()).as(noNote.body()).isEqualTo(400);
        assertThat(noNote.get("detail").asText()).contains("-500").contains("note");
        Response closed = seller.client().post("/api/shifts/" + shiftId + "/close",
                Map.of("counted", counted, "note", "a 500 coin given as change twice"));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("expectedCashMinor").asLong()).isEqualTo(31_000);
        assertThat(closed.get("countedCashMinor").asLong()).isEqualTo(30_500);
        assertThat(closed.get("differenceMinor").asLong()).isEqualTo(-500);
        assertThat(closed.get("note").asText()).isEqualTo("a 500 coin given as change twice");
        assertThat(closed.get("closingCount")).hasSize(2);

        // immutable: a second close is a conflict in words, and later sales belong to no shift
        Response again = seller.client().post("/api/shifts/" + shiftId + "/close",
                Map.of("counted", List.of(count(10_000, 3), count(1_000, 1))));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.get("detail").asText()).contains("closed").contains("cannot be changed");
        sell(seller, ev, 1, "CASH");
        JsonNode after = seller.client().get("/api/shifts/" + shiftId).json();
        assertThat(after.get("totals").get("sales").asInt()).isEqualTo(3);
        assertThat(after.get("countedCashMinor").asLong()).isEqualTo(30_500);
    }

    @Test
    void oneOpenShiftPerSellerAndPerTerminalAndOnlyRealMoneyIsCounted() {
        Account seller = fx.account(Role.SELLER);
        Account other = fx.account(Role.SELLER);
        String till = CenterFixture.unique("till");
        assertThat(open(seller, till, "JPY", List.of(count(1_000, 10))).status()).isEqualTo(201);
        Response twice = open(seller, CenterFixture.unique("till"), "JPY", List.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.get("detail").asText()).contains("close it before opening another");
        assertThat(open(other, till, "JPY", List.of()).status()).as("the terminal is taken").isEqualTo(409);

        String otherTill = CenterFixture.unique("till");
        assertThat(open(other, otherTill, "JPY", List.of(count(3_000, 1))).status()).as("no 3,000 yen note").isEqualTo(400);
        assertThat(open(other, otherTill, "JPY", List.of(count(1_000, -1))).status()).isEqualTo(400);
        assertThat(open(other, otherTill, "JPY", List.of(count(1_000, 1), count(1_000, 2))).status()).isEqualTo(400);
        assertThat(open(other, otherTill, "XYZ", List.of()).status()).isEqualTo(400);
        assertThat(open(other, "no spaces allowed", "JPY", List.of()).status()).isEqualTo(400);
        assertThat(other.client().post("/api/shifts", Map.of("terminalId", otherTill, "currency", "JPY")).status())
                .as("the float must be counted, even if empty").isEqualTo(400);
        Response euros = open(other, otherTill, "EUR", List.of(count(2_000, 5), count(50, 3), count(1, 4)));
        assertThat(euros.status()).as(euros.body()).isEqualTo(201);
        assertThat(euros.get("floatMinor").asLong()).isEqualTo(10_154);
    }

    @Test
    void denominationsFollowTheCurrency() {
        ApiClient seller = fx.account(Role.SELLER).client();
        JsonNode yen = seller.get("/api/currencies/JPY/denominations").json();
        assertThat(yen.get("fractionDigits").asInt()).isZero();
        assertThat(longs(yen.get("denominations"))).containsExactly(10_000L, 5_000L, 2_000L, 1_000L, 500L, 100L, 50L,
                10L, 5L, 1L);
        JsonNode dollars = seller.get("/api/currencies/USD/denominations").json();
        assertThat(longs(dollars.get("denominations"))).contains(10_000L, 2_000L, 100L, 25L, 1L).doesNotContain(50_000L);
        JsonNode francs = seller.get("/api/currencies/CHF/denominations").json();
        assertThat(longs(francs.get("denominations"))).startsWith(100_000L, 50_000L, 20_000L).endsWith(2L, 1L);
        assertThat(seller.get("/api/currencies/XYZ/denominations").status()).isEqualTo(400);
        assertThat(seller.get("/api/currencies/yen/denominations").status()).isEqualTo(400);
    }

    @Test
    void managersAndOrganizersReadEveryShiftSellersOnlyTheirOwn() {
        Account seller = fx.account(Role.SELLER);
        Account other = fx.account(Role.SELLER);
        Account manager = fx.account(Role.MANAGER);
        long shiftId = open(seller, CenterFixture.unique("till"), "JPY", List.of(count(1_000, 1))).get("id").asLong();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

        List<Long> ofSeller = longs(manager.client().get("/api/shifts?sellerId=" + seller.id() + "&from=" + today)
                .json().findValues("id").stream().toList());
        assertThat(ofSeller).containsExactly(shiftId);
        assertThat(manager.client().get("/api/shifts?sellerId=" + seller.id() + "&from=" + tomorrow).json()).isEmpty();
        assertThat(fx.organizer.get("/api/shifts?status=OPEN").json().findValuesAsText("sellerName"))
                .contains("Test " + seller.loginId());
        assertThat(fx.organizer.get("/api/shifts/" + shiftId).status()).isEqualTo(200);
        assertThat(manager.client().get("/api/shifts?status=SOMETIMES").status()).isEqualTo(400);
        assertThat(manager.client().get("/api/shifts?from=yesterday").status()).isEqualTo(400);

        assertThat(other.client().get("/api/shifts/" + shiftId).status()).as("another seller's shift").isEqualTo(404);
        assertThat(other.client().get("/api/shifts?sellerId=" + seller.id()).status()).isEqualTo(403);
        assertThat(other.client().get("/api/shifts").json()).as("a seller lists its own").isEmpty();
        assertThat(other.client().post("/api/shifts/" + shiftId + "/close", Map.of("counted", List.of())).status())
                .isEqualTo(404);
        assertThat(manager.client().post("/api/shifts/" + shiftId + "/close", Map.of("counted", List.of())).status())
                .isEqualTo(403);
        assertThat(manager.client().post("/api/shifts", Map.of("terminalId", "m", "currency", "JPY",
                "floatCount", List.of())).status()).isEqualTo(403);
        assertThat(fx.account(Role.GATE).client().get("/api/shifts").status()).isEqualTo(403);
        assertThat(fx.account(Role.MEMBER).client().get("/api/shifts/" + shiftId).status()).isEqualTo(403);
        assertThat(fx.anonymous.get("/api/shifts").status()).isEqualTo(401);
        assertThat(seller.client().get("/api/shifts/999999999").status()).isEqualTo(404);
    }

    @Test
    void offlineSalesBelongToTheShiftTheTerminalsJournalOpenedWhenTheyArrive() {
        Account seller = fx.account(Role.SELLER);
        var map = SampleVenues.theatre();
        String category = map.categories().getFirst().id();
        List<Seat> block = map.seats().stream().filter(s -> s.categoryId().equals(category) && s.flags().isEmpty())
                .skip(120).limit(4).toList();
        EventSetup ev = fx.publishedTheatreEvent(Map.of(seller, Map.of(category, 4)),
                Map.of(seller, block.stream().map(Seat::id).toList()));
        IssuerKeyPair key = IssuerKeyPair.generate(RANDOM);
        String till = CenterFixture.unique("till");
        Response reg = seller.client().post("/api/terminals", Map.of("terminalId", till,
                "publicKey", HexFormat.of().formatHex(key.publicKey().encoded())));
        assertThat(reg.status()).as(reg.body()).isEqualTo(201);
        long shiftId = open(seller, till, "JPY", List.of(count(5_000, 2))).get("id").asLong();

        // journaled offline: the shift opened, two sales in it, the shift closed, one more sale after it
        var e1 = LedgerEntry.first(till, LedgerKind.SHIFT, Instant.now(), "{\"type\":\"SHIFT_OPENED\",\"shiftId\":" + shiftId + "}");
        var e2 = e1.next(LedgerKind.SALE, Instant.now(), offlineSale(ev, key, block.subList(0, 2), "CASH"));
        var e3 = e2.next(LedgerKind.SALE, Instant.now(), offlineSale(ev, key, block.subList(2, 3), "CARD"));
        var e4 = e3.next(LedgerKind.SHIFT, Instant.now(), "{\"type\":\"SHIFT_CLOSED\",\"shiftId\":" + shiftId + "}");
        var e5 = e4.next(LedgerKind.SALE, Instant.now(), offlineSale(ev, key, block.subList(3, 4), "CASH"));
        Response pushed = seller.client().post("/api/terminals/" + till + "/journal", push(e1, e2, e3, e4, e5));
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
        assertThat(pushed.get("outcomes").findValuesAsText("outcome"))
                .containsExactly("RECORDED", "APPLIED", "APPLIED", "RECORDED", "APPLIED");

        JsonNode totals = seller.client().get("/api/shifts/" + shiftId).get("totals");
        assertThat(totals.get("sales").asInt()).isEqualTo(2);
        assertThat(totals.get("tickets").asInt()).isEqualTo(3);
        assertThat(totals.get("cashSalesMinor").asLong()).isEqualTo(2 * PRICE);
        assertThat(totals.get("cardSalesMinor").asLong()).isEqualTo(PRICE);
        assertThat(totals.get("expectedCashMinor").asLong()).isEqualTo(10_000 + 2 * PRICE);
    }

    // ---- helpers ----

    private EventSetup event(Account seller) {
        return fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(SampleVenues.theatre(), 50)), Map.of());
    }

    private static Response open(Account seller, String terminalId, String currency, List<Map<String, Object>> count) {
        return seller.client().post("/api/shifts", Map.of("terminalId", terminalId, "currency", currency,
                "floatCount", count));
    }

    private static Map<String, Object> count(long denomination, int quantity) {
        return Map.of("denominationMinor", denomination, "quantity", quantity);
    }

    private static JsonNode sell(Account seller, EventSetup ev, int seats, String method) {
        String category = ev.map().categories().getFirst().id();
        Response hold = seller.client().post("/api/events/" + ev.eventId() + "/holds",
                Map.of("bestAvailable", Map.of("count", seats, "categoryId", category)));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        Response sale = seller.client().post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", method)));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        return sale.json();
    }

    private static List<Long> longs(Iterable<JsonNode> nodes) {
        List<Long> values = new ArrayList<>();
        nodes.forEach(n -> values.add(n.asLong()));
        return values;
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

    private static String offlineSale(EventSetup ev, IssuerKeyPair key, List<Seat> seats, String method) {
        JsonNode event = ev.event();
        List<String> tickets = seats.stream().map(seat -> Base64.getEncoder().encodeToString(TicketCodec.encodeSigned(
                new Ticket(UUID.randomUUID(), 1, ev.eventId(), seat.id(), seat.categoryId(),
                        event.get("gates").get(0).asText(), Instant.parse(event.get("doorsOpen").asText()),
                        Instant.parse(event.get("endsAt").asText()), "", List.of(), PRICE, "JPY"), key))).toList();
        try {
            return ApiClient.JSON.writeValueAsString(new OfflineSalePayload(ev.eventId(), null,
                    new OfflineSalePayload.Payment(method, null), tickets, null));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
