package dev.tessera.center.sales;

import static dev.tessera.center.db.schema.Tables.TICKET_REPRINT;
import static dev.tessera.center.db.schema.Tables.TICKET_VOID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.core.crypto.ChipKeys;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.SampleVenues;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * After-sales through the HTTP API on a real database (H2 file and PostgreSQL subclasses): lookup,
 * refund and void with reasons, the atomic exchange, reprints and reissues, and the audit list.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AfterSalesContractTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, Long> PRICES = Map.of("stalls-premium", 8_000L, "stalls", 5_000L, "balcony", 3_000L);

    CenterFixture fx;
    Account seller;
    EventSetup ev;

    abstract String jdbcUrl();

    abstract String dbUser();

    @BeforeAll
    void startCenter() {
        fx = new CenterFixture(jdbcUrl(), dbUser());
        seller = fx.account(Role.SELLER);
        ev = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(SampleVenues.theatre(), 50)), Map.of(), PRICES);
    }

    @AfterAll
    void stopCenter() {
        if (fx != null) {
            fx.closeCheckingTheLedger();
        }
    }

    @Test
    void refundAndVoidCarryTheirReasonsFreeTheSeatsAndAreListedAsAdjustments() {
        JsonNode sale = sell(seller, "stalls", 2, Map.of("auth", "WALK_IN"));
        String refunded = sale.get("tickets").get(0).get("ticketId").asText();
        String voided = sale.get("tickets").get(1).get("ticketId").asText();

        List<JsonNode> found = list(seller.client().get("/api/sales?ticketId=" + refunded));
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().get("saleId").asLong()).isEqualTo(sale.get("saleId").asLong());
        assertThat(found.getFirst().get("tickets").findValuesAsText("status")).containsOnly("VALID");
        assertThat(list(seller.client().get("/api/sales?saleId=" + sale.get("saleId").asLong()))).hasSize(1);
        assertThat(list(fx.account(Role.SELLER).client().get("/api/sales?ticketId=" + refunded)))
                .as("another seller does not see this sale").isEmpty();
        assertThat(seller.client().get("/api/sales").status()).as("no key given").isEqualTo(400);
        assertThat(fx.account(Role.MEMBER).client().get("/api/sales?ticketId=" + refunded).status()).isEqualTo(403);

        Response refund = seller.client().post("/api/tickets/" + refunded + "/void", Map.of("reason", "Illness: flu",
                "refund", true, "refundMethod", "CARD", "refundReference", "RF-7781"));
        assertThat(refund.status()).as(refund.body()).isEqualTo(200);
        assertThat(refund.get("refundMinor").asLong()).isEqualTo(5_000);
        Response plain = seller.client().post("/api/tickets/" + voided + "/void", Map.of("reason", "Clerk error: wrong seat"));
        assertThat(plain.get("refundMinor").asLong()).isZero();
        assertThat(seller.client().post("/api/tickets/" + voided + "/void", Map.of("reason", "x", "refund", true,
                "refundMethod", "GOLD")).status()).isEqualTo(400);

        List<String> free = strings(seller.client().get("/api/events/" + ev.eventId() + "/seats").get("seats").get("FREE"));
        assertThat(free).contains(sale.get("tickets").get(0).get("seatId").asText(),
                sale.get("tickets").get(1).get("seatId").asText());
        assertThat(list(seller.client().get("/api/sales?ticketId=" + refunded)).getFirst().get("tickets")
                .findValuesAsText("status")).containsOnly("VOID");

        List<JsonNode> adjustments = list(fx.account(Role.MANAGER).client().get("/api/sales-log/adjustments?eventId=" + ev.eventId()));
        assertThat(adjustments).anySatisfy(a -> {
            assertThat(a.get("kind").asText()).isEqualTo("REFUND");
            assertThat(a.get("ticketId").asText()).isEqualTo(refunded);
            assertThat(a.get("reason").asText()).isEqualTo("Illness: flu");
            assertThat(a.get("amountMinor").asLong()).isEqualTo(5_000);
            assertThat(a.get("method").asText()).isEqualTo("CARD");
            assertThat(a.get("reference").asText()).isEqualTo("RF-7781");
        });
        assertThat(adjustments).anySatisfy(a -> {
            assertThat(a.get("kind").asText()).isEqualTo("VOID");
            assertThat(a.get("reason").asText()).isEqualTo("Clerk error: wrong seat");
        });
        assertThat(list(fx.account(Role.SELLER).client().get("/api/sales-log/adjustments?eventId=" + ev.eventId())))
                .as("a seller sees only its own").isEmpty();
    }

    @Test
    void anExchangeVoidsAndIssuesInOneTransactionToTheSameChipAndSettlesTheDifference() {
        ChipKeys keys = ChipKeys.generate(RANDOM);
        String chipId = HexFormat.of().formatHex(RANDOM.generateSeed(8));
        Response member = seller.client().post("/api/members", Map.of("loginId", CenterFixture.unique("m"),
                "password", "member-password", "displayName", "Member Eve"));
        Response chip = seller.client().post("/api/chips", Map.of("chipId", chipId,
                "publicKey", HexFormat.of().formatHex(keys.publicKeySec1()), "memberId", member.get("accountId").asLong()));
        assertThat(chip.status()).as(chip.body()).isEqualTo(201);
        JsonNode sale = sell(seller, "stalls", 2, dev.tessera.center.support.MemberCards.provenCustomer(seller.client(), chipId, keys));
        JsonNode kept = sale.get("tickets").get(0);
        JsonNode returned = sale.get("tickets").get(1);
        assertThat(list(seller.client().get("/api/sales?chipId=" + chipId))).hasSize(1);

        // an unknown ticket among the returned ones: refused, nothing changes
        Response wrongHold = hold("stalls-premium", 1);
        String keptId = kept.get("ticketId").asText();
        Response failed = seller.client().post("/api/exchanges", Map.of("ticketIds", List.of(returned.get("ticketId").asText(),
                "00000000-0000-0000-0000-000000000000"), "holdId", wrongHold.get("id").asLong(), "reason", "Upgrade"));
        assertThat(failed.status()).isEqualTo(404);
        assertThat(ticketStatus(returned.get("ticketId").asText())).isEqualTo("VALID");
        seller.client().delete("/api/holds/" + wrongHold.get("id").asLong());

        Response newHold = hold("stalls-premium", 1);
        String newSeat = newHold.get("seatIds").get(0).asText();
        Response exchange = seller.client().post("/api/exchanges", Map.of("ticketIds", List.of(returned.get("ticketId").asText()),
                "holdId", newHold.get("id").asLong(), "reason", "Upgrade: better view",
                "payment", Map.of("method", "CASH", "tenderedMinor", 5_000)));
        assertThat(exchange.status()).as(exchange.body()).isEqualTo(201);
        assertThat(exchange.get("returnedMinor").asLong()).isEqualTo(5_000);
        assertThat(exchange.get("newMinor").asLong()).isEqualTo(8_000);
        assertThat(exchange.get("differenceMinor").asLong()).isEqualTo(3_000);
        JsonNode newSale = exchange.get("sale");
        assertThat(newSale.get("changeMinor").asLong()).isEqualTo(2_000);
        JsonNode issued = newSale.get("tickets").get(0);
        assertThat(issued.get("seatId").asText()).isEqualTo(newSeat);
        assertThat(issued.get("holderChipId").asText()).as("the new ticket goes to the same chip").isEqualTo(chipId);
        assertThat(issued.get("envelope").asText()).isNotEmpty();
        assertThat(ticketStatus(returned.get("ticketId").asText())).isEqualTo("VOID");
        assertThat(ticketStatus(keptId)).isEqualTo("VALID");
        JsonNode seats = seller.client().get("/api/events/" + ev.eventId() + "/seats").get("seats");
        assertThat(strings(seats.get("FREE"))).contains(returned.get("seatId").asText());
        assertThat(strings(seats.get("SOLD"))).contains(newSeat);
        List<JsonNode> onChip = list(seller.client().get("/api/sales?chipId=" + chipId));
        assertThat(onChip).hasSize(2);
        assertThat(onChip.getFirst().get("customerAuth").asText()).isEqualTo("MEMBER_CARD");

        // returning it again fails and changes nothing
        Response again = seller.client().post("/api/exchanges", Map.of("ticketIds", List.of(returned.get("ticketId").asText()),
                "holdId", hold("balcony", 1).get("id").asLong(), "reason", "again"));
        assertThat(again.status()).isEqualTo(409);

        // a cheaper seat: the difference goes back to the customer
        Response down = seller.client().post("/api/exchanges", Map.of("ticketIds", List.of(issued.get("ticketId").asText()),
                "holdId", hold("balcony", 1).get("id").asLong(), "reason", "Downgrade: budget",
                "payment", Map.of("method", "CARD", "reference", "RF-9")));
        assertThat(down.status()).as(down.body()).isEqualTo(201);
        assertThat(down.get("differenceMinor").asLong()).isEqualTo(-5_000);

        List<JsonNode> log = list(seller.client().get("/api/sales-log/adjustments?eventId=" + ev.eventId()));
        assertThat(log).filteredOn(a -> a.get("kind").asText().equals("EXCHANGE")).anySatisfy(a -> {
            assertThat(a.get("ticketId").asText()).isEqualTo(returned.get("ticketId").asText());
            assertThat(a.get("newSaleId").asLong()).isEqualTo(newSale.get("saleId").asLong());
            assertThat(a.get("reason").asText()).isEqualTo("Upgrade: better view");
            assertThat(a.get("amountMinor").asLong()).isEqualTo(3_000);
        }).anySatisfy(a -> assertThat(a.get("amountMinor").asLong()).isEqualTo(-5_000));
    }

    @Test
    void reprintsAreCountedAndAReissueRetiresTheOldPaperAtTheGate() {
        Account gate = fx.account(Role.GATE);
        JsonNode ticket = sell(seller, "balcony", 1, Map.of("auth", "WALK_IN")).get("tickets").get(0);
        String id = ticket.get("ticketId").asText();
        Response first = seller.client().post("/api/tickets/" + id + "/reprints", Map.of("reason", "Printer jam"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.get("reprintNo").asInt()).isEqualTo(1);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("encoded").asText()).isEqualTo(ticket.get("encoded").asText());
        assertThat(seller.client().post("/api/tickets/" + id + "/reprints", Map.of("reason", " ")).status()).isEqualTo(400);

        Response reissue = seller.client().post("/api/tickets/" + id + "/reprints",
                Map.of("reason", "Lost ticket", "reissue", true));
        assertThat(reissue.status()).as(reissue.body()).isEqualTo(201);
        assertThat(reissue.get("reprintNo").asInt()).isEqualTo(2);
        assertThat(reissue.get("version").asInt()).isEqualTo(2);
        String gateId = ticket.get("gateId").asText();
        assertThat(scan(gate, gateId, ticket.get("encoded").asText())).isEqualTo("REVOKED");
        assertThat(scan(gate, gateId, reissue.get("encoded").asText())).isEqualTo("ADMITTED");
        JsonNode view = list(seller.client().get("/api/sales?ticketId=" + id)).getFirst().get("tickets").get(0);
        assertThat(view.get("reprints").asInt()).isEqualTo(2);
        assertThat(view.get("version").asInt()).isEqualTo(2);
        assertThat(list(seller.client().get("/api/sales-log/adjustments?eventId=" + ev.eventId())))
                .extracting(a -> a.get("kind").asText() + ":" + a.get("reason").asText())
                .contains("REPRINT:Printer jam", "REISSUE:Lost ticket");
    }

    @Test
    void theAdjustmentsReadAPageAtATimeAreTheWholeTrailInItsOrder() {
        // three voids and two reprints of one ticket, then all five moved to one instant: the ticket id orders them,
        // and the two reprints of one ticket at one instant stay on one page
        JsonNode sale = sell(seller, "stalls", 4, Map.of("auth", "WALK_IN"));
        for (int i = 0; i < 3; i++) {
            String id = sale.get("tickets").get(i).get("ticketId").asText();
            assertThat(seller.client().post("/api/tickets/" + id + "/void", Map.of("reason", "page " + i)).status())
                    .isEqualTo(200);
        }
        String kept = sale.get("tickets").get(3).get("ticketId").asText();
        for (String reason : List.of("Printer jam", "Printer jam again")) {
            assertThat(seller.client().post("/api/tickets/" + kept + "/reprints", Map.of("reason", reason)).status())
                    .isEqualTo(201);
        }
        var dsl = fx.center.services().db().dsl();
        var instant = dsl.select(DSL.max(TICKET_REPRINT.PRINTED_AT)).from(TICKET_REPRINT)
                .where(TICKET_REPRINT.TICKET_ID.eq(kept)).fetchOne().value1();
        List<String> tickets = new ArrayList<>();
        sale.get("tickets").forEach(t -> tickets.add(t.get("ticketId").asText()));
        dsl.update(TICKET_VOID).set(TICKET_VOID.VOIDED_AT, instant).where(TICKET_VOID.TICKET_ID.in(tickets)).execute();
        dsl.update(TICKET_REPRINT).set(TICKET_REPRINT.PRINTED_AT, instant).where(TICKET_REPRINT.TICKET_ID.eq(kept)).execute();
        ApiClient manager = fx.account(Role.MANAGER).client();
        String trail = "/api/sales-log/adjustments?eventId=" + ev.eventId();
        List<String> whole = list(manager.get(trail)).stream().map(AfterSalesContractTest::adjustment).toList();

        for (int limit : List.of(1, 2, 3)) {
            List<String> paged = new ArrayList<>();
            JsonNode last = null;
            for (int pages = 0; pages <= whole.size(); pages++) {
                Response page = manager.get(trail + "&limit=" + limit + (last == null ? ""
                        : "&afterAt=" + encoded(last.get("at").asText()) + "&afterTicketId="
                        + encoded(last.get("ticketId").asText())));
                assertThat(page.status()).as(page.body()).isEqualTo(200);
                List<JsonNode> adjustments = list(page);
                adjustments.forEach(a -> paged.add(adjustment(a)));
                if (adjustments.size() < limit) {
                    break;
                }
                last = adjustments.getLast();
            }
            assertThat(paged).as("pages of " + limit).isEqualTo(whole);
        }
        assertThat(whole).hasSizeGreaterThanOrEqualTo(5);
        // any RFC 3339 date-time: another offset, and the seconds left out as Java's OffsetDateTime prints 10:00:00
        Response fromOffset = manager.get(trail + "&limit=50&afterAt=" + encoded("2000-01-01T09:00+09:00")
                + "&afterTicketId=x");
        assertThat(fromOffset.status()).as(fromOffset.body()).isEqualTo(200);
        assertThat(list(fromOffset).stream().map(AfterSalesContractTest::adjustment).toList()).isEqualTo(whole);
        assertThat(manager.get(trail + "&limit=0").status()).isEqualTo(400);
        assertThat(manager.get(trail + "&limit=2&afterAt=2026-01-01T00:00:00Z").status()).isEqualTo(400);
        assertThat(manager.get(trail + "&afterAt=2026-01-01T00:00:00Z&afterTicketId=x").status()).isEqualTo(400);
    }

    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String adjustment(JsonNode a) {
        return a.get("kind").asText() + " " + a.get("at").asText() + " " + a.get("ticketId").asText() + " "
                + a.get("reason").asText();
    }

    @Test
    void aSaleIsFoundByTheCustomersNameAnAttendeeOrASeatAndOnlyByItsSeller() {
        String login = CenterFixture.unique("hanako");
        Response member = seller.client().post("/api/members", Map.of("loginId", login,
                "password", "member-password", "displayName", "Hanako Yamada"));
        assertThat(member.status()).as(member.body()).isEqualTo(201);
        Response hold = hold("balcony", 1);
        Response bought = seller.client().post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                "customer", Map.of("auth", "MEMBER_PASSWORD", "memberLogin", login, "memberPassword", "member-password"),
                "payment", Map.of("method", "CASH")));
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        long memberSale = bought.get("saleId").asLong();
        Response walkIn = hold("balcony", 1);
        Response named = seller.client().post("/api/sales", Map.of("holdId", walkIn.get("id").asLong(),
                "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CASH"),
                "attendees", List.of("Kenji O'Brien")));
        assertThat(named.status()).as(named.body()).isEqualTo(201);
        long attendeeSale = named.get("saleId").asLong();

        List<JsonNode> byName = list(seller.client().get("/api/sales?customer=yAmAdA"));
        assertThat(byName).extracting(s -> s.get("saleId").asLong()).containsExactly(memberSale);
        assertThat(byName.getFirst().get("customerName").asText()).isEqualTo("Hanako Yamada");
        assertThat(list(seller.client().get("/api/sales?customer=" + login))).extracting(s -> s.get("saleId").asLong())
                .containsExactly(memberSale);
        List<JsonNode> byAttendee = list(seller.client().get("/api/sales?customer=o%27brien"));
        assertThat(byAttendee).extracting(s -> s.get("saleId").asLong()).containsExactly(attendeeSale);
        assertThat(byAttendee.getFirst().get("customerName").isNull()).as("a walk-in customer has no name").isTrue();
        assertThat(list(seller.client().get("/api/sales?customer=100%25"))).as("LIKE wildcards are literal").isEmpty();

        String seat = named.get("tickets").get(0).get("seatId").asText();
        assertThat(list(seller.client().get("/api/sales?eventId=" + ev.eventId() + "&seatId=" + seat)))
                .extracting(s -> s.get("saleId").asLong()).containsExactly(attendeeSale);
        assertThat(list(fx.account(Role.MANAGER).client().get("/api/sales?customer=Yamada"))).hasSize(1);
        assertThat(list(fx.account(Role.SELLER).client().get("/api/sales?customer=Yamada")))
                .as("another seller does not see them").isEmpty();

        for (String query : List.of("customer=Y", "customer=%20%20", "seatId=" + seat, "eventId=" + ev.eventId(),
                "customer=Yamada&saleId=" + memberSale)) {
            Response r = seller.client().get("/api/sales?" + query);
            assertThat(r.status()).as(query + ": " + r.body()).isEqualTo(400);
        }
    }

    @Test
    void aSaleIsFoundByTheContactGivenAtTheCounterItsPhoneHoweverWrittenAndAnExchangeKeepsIt() {
        Response held = hold("balcony", 1);
        Response sold = seller.client().post("/api/sales", Map.of("holdId", held.get("id").asLong(),
                "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CASH"),
                "contact", Map.of("name", " Aiko Tanaka ", "email", "Aiko.Tanaka@Example.jp", "phone", "090-2468-1357")));
        assertThat(sold.status()).as(sold.body()).isEqualTo(201);
        long saleId = sold.get("saleId").asLong();
        Response released = hold("balcony", 1);
        String seat = released.get("seatIds").get(0).asText();
        assertThat(seller.client().delete("/api/holds/" + released.get("id").asLong()).status()).isLessThan(300);
        Response soldNow = seller.client().post("/api/events/" + ev.eventId() + "/sales", Map.of("seatIds", List.of(seat),
                "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CASH"),
                "contact", Map.of("email", "ken@example.com")));
        assertThat(soldNow.status()).as(soldNow.body()).isEqualTo(201);
        assertThat(list(seller.client().get("/api/sales?customer=KEN%40example.COM"))).as("sold now, found by e-mail")
                .extracting(s -> s.get("saleId").asLong()).containsExactly(soldNow.get("saleId").asLong());

        for (String query : List.of("customer=aiko.tanaka%40example.jp", "customer=%2B81%2090%202468%201357",
                "customer=09024681357", "customer=2468-1357", "customer=tanaka")) {
            assertThat(list(seller.client().get("/api/sales?" + query))).as(query)
                    .extracting(s -> s.get("saleId").asLong()).containsExactly(saleId);
        }
        JsonNode contact = list(seller.client().get("/api/sales?saleId=" + saleId)).getFirst().get("contact");
        assertThat(contact.get("name").asText()).isEqualTo("Aiko Tanaka");
        assertThat(contact.get("email").asText()).isEqualTo("Aiko.Tanaka@Example.jp");
        assertThat(contact.get("phone").asText()).isEqualTo("090-2468-1357");
        assertThat(list(fx.account(Role.SELLER).client().get("/api/sales?customer=09024681357")))
                .as("another seller does not see the sale").isEmpty();

        String ticket = sold.get("tickets").get(0).get("ticketId").asText();
        Response exchange = seller.client().post("/api/exchanges", Map.of("ticketIds", List.of(ticket),
                "holdId", hold("balcony", 1).get("id").asLong(), "reason", "Seat problem: pillar"));
        assertThat(exchange.status()).as(exchange.body()).isEqualTo(201);
        assertThat(list(seller.client().get("/api/sales?customer=%2B81-90-2468-1357")))
                .as("the exchange's new sale keeps the contact").extracting(s -> s.get("saleId").asLong())
                .containsExactly(exchange.get("sale").get("saleId").asLong(), saleId);
        JsonNode none = list(seller.client().get("/api/sales?ticketId=" + sell(seller, "balcony", 1, Map.of("auth", "WALK_IN"))
                .get("tickets").get(0).get("ticketId").asText())).getFirst().get("contact");
        assertThat(none.get("email").isNull()).as("a sale without a contact").isTrue();
    }

    @Test
    void aMalformedEMailAddressOrPhoneNumberIsRefusedByName() {
        Map<String, Map<String, String>> bad = Map.of("contact.email", Map.of("email", "aiko@example"),
                "contact.phone", Map.of("phone", "090-CALL-AIKO"));
        bad.forEach((field, contact) -> {
            Response held = hold("balcony", 1);
            Response r = seller.client().post("/api/sales", Map.of("holdId", held.get("id").asLong(),
                    "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CASH"), "contact", contact));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.get("detail").asText()).startsWith(field + ": '").contains("is not a");
            assertThat(seller.client().delete("/api/holds/" + held.get("id").asLong()).status()).isLessThan(300);
        });
    }

    @Test
    void badBodiesAndQueriesGetAProblemNeverAServerError() {
        String ticket = sell(seller, "balcony", 1, Map.of("auth", "WALK_IN")).get("tickets").get(0).get("ticketId").asText();
        long holdId = hold("balcony", 1).get("id").asLong();
        List<Object> weird = new ArrayList<>(List.of("", -1, 0, Long.MAX_VALUE, 1e300, "x".repeat(5_000), List.of(),
                Map.of(), true, "\u00fc\u0000"));
        weird.add(null);
        Map<String, Object> exchange = Map.of("ticketIds", List.of(ticket), "holdId", holdId, "reason", "Upgrade",
                "payment", Map.of("method", "CARD", "reference", "R-1"));
        Map<String, Object> reprint = Map.of("reason", "Printer jam", "reissue", true);
        Map<String, Object> refund = Map.of("reason", "Ill", "refund", true, "refundMethod", "CARD", "refundReference", "R");
        for (var body : List.of(Map.entry("/api/exchanges", exchange), Map.entry("/api/tickets/" + ticket + "/reprints", reprint),
                Map.entry("/api/tickets/" + ticket + "/void", refund))) {
            for (String field : body.getValue().keySet()) {
                for (Object value : weird) {
                    Map<String, Object> bad = new java.util.HashMap<>(body.getValue());
                    bad.put(field, value);
                    Response r = seller.client().post(body.getKey(), bad);
                    assertThat(r.status()).as(body.getKey() + " with " + field + "=" + value + ": " + r.body()).isLessThan(500);
                }
            }
        }
        for (String query : List.of("saleId=x", "saleId=-1", "ticketId=", "chipId=" + "f".repeat(500), "ticketId=1&chipId=2")) {
            assertThat(seller.client().get("/api/sales?" + query).status()).as(query).isLessThan(500);
        }
        assertThat(seller.client().get("/api/sales-log/adjustments?from=yesterday").status()).isEqualTo(400);
    }

    private JsonNode sell(Account by, String category, int count, Map<String, Object> customer) {
        Response hold = hold(category, count);
        Response sale = by.client().post("/api/sales", Map.of("holdId", hold.get("id").asLong(), "customer", customer,
                "payment", Map.of("method", "CASH")));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        return sale.json();
    }

    private Response hold(String category, int count) {
        Response hold = seller.client().post("/api/events/" + ev.eventId() + "/holds",
                Map.of("bestAvailable", Map.of("count", count, "categoryId", category)));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        return hold;
    }

    private String ticketStatus(String ticketId) {
        JsonNode sale = list(seller.client().get("/api/sales?ticketId=" + ticketId)).getFirst();
        for (JsonNode t : sale.get("tickets")) {
            if (t.get("ticketId").asText().equals(ticketId)) {
                return t.get("status").asText();
            }
        }
        throw new AssertionError("ticket " + ticketId + " is not in its sale");
    }

    private String scan(Account gate, String gateId, String encoded) {
        Response r = gate.client().post("/api/gate/scans", Map.of("eventId", ev.eventId(), "gateId", gateId, "ticket", encoded));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.get("verdict").asText();
    }

    private static List<JsonNode> list(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().forEach(out::add);
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
