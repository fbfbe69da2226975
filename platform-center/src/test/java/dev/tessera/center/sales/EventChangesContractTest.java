package dev.tessera.center.sales;

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
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 14 on a real database (H2 file and PostgreSQL subclasses): the organizer moves an event (its tickets
 * re-issued with the new dates, version + 1, the old copies refused at the gate) and cancels it (every ticket refused,
 * the member sees it cancelled, the manager gets the refunds per seller and payment method).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EventChangesContractTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    CenterFixture fx;
    Account seller;
    Account manager;
    Account gate;

    abstract String jdbcUrl();

    abstract String dbUser();

    @BeforeAll
    void startCenter() {
        fx = new CenterFixture(jdbcUrl(), dbUser());
        seller = fx.account(Role.SELLER);
        manager = fx.account(Role.MANAGER);
        gate = fx.account(Role.GATE);
    }

    @AfterAll
    void stopCenter() {
        if (fx != null) {
            fx.closeCheckingTheLedger();
        }
    }

    @Test
    void aMovedEventReissuesItsTicketsAndACancelledOneRevokesThemAndListsTheRefunds() {
        var map = SampleVenues.theatre();
        String category = map.categories().getFirst().id();
        EventSetup ev = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(map, 50)), Map.of());
        String login = CenterFixture.unique("moved-member");
        String password = "moved-member-password";
        Response created = seller.client().post("/api/members", Map.of("loginId", login, "password", password,
                "displayName", "Kei Member"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        byte[] id8 = new byte[8];
        RANDOM.nextBytes(id8);
        String chipId = HexFormat.of().formatHex(id8);
        assertThat(seller.client().post("/api/chips", Map.of("chipId", chipId, "publicKey",
                HexFormat.of().formatHex(ChipKeys.generate(RANDOM).publicKeySec1()),
                "memberId", created.get("accountId").asLong())).status()).isEqualTo(201);
        ApiClient member = fx.anonymous.login(login, password);

        JsonNode memberSale = sell(ev, category, 2, Map.of("auth", "MEMBER_PASSWORD", "memberLogin", login,
                "memberPassword", password, "chipId", chipId), Map.of("method", "CARD", "reference", "T-1"));
        JsonNode paperSale = sell(ev, category, 1, Map.of("auth", "WALK_IN"), Map.of("method", "CASH"));
        JsonNode paper = paperSale.get("tickets").get(0);
        assertThat(fx.organizer.get("/api/events/" + ev.eventId() + "/refunds").status())
                .as("nothing to refund before a cancellation").isEqualTo(409);

        // moved: a reason is required, the doors before the start
        Instant now = fx.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Map<String, Object> dates = Map.of("doorsOpen", now.minus(Duration.ofMinutes(30)).toString(),
                "startsAt", now.plus(Duration.ofDays(1)).toString(),
                "endsAt", now.plus(Duration.ofDays(1)).plus(Duration.ofHours(3)).toString());
        assertThat(fx.organizer.post("/api/events/" + ev.eventId() + "/move", dates).status()).isEqualTo(400);
        assertThat(seller.client().post("/api/events/" + ev.eventId() + "/move",
                with(dates, "reason", "the hall is flooded")).status()).isEqualTo(403);
        Response moved = fx.organizer.post("/api/events/" + ev.eventId() + "/move",
                with(dates, "reason", "the hall is flooded"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.get("reissuedTickets").asInt()).isEqualTo(3);
        assertThat(Instant.parse(moved.get("event").get("startsAt").asText())).isEqualTo(now.plus(Duration.ofDays(1)));
        JsonNode onCard = member.get("/api/chips/" + chipId + "/tickets").get("tickets");
        assertThat(onCard.findValuesAsText("version")).containsExactly("2", "2");
        JsonNode mine = member.get("/api/me/tickets").json();
        assertThat(mine.findValuesAsText("state")).containsExactly("VALID", "VALID");
        assertThat(Instant.parse(mine.get(0).get("startsAt").asText())).isEqualTo(now.plus(Duration.ofDays(1)));
        assertThat(scan(ev, paper.get("gateId").asText(), paper.get("encoded").asText()).get("verdict").asText())
                .as("the copy from before the move").isEqualTo("REVOKED");
        String reissued = seller.client().get("/api/sales?ticketId=" + paper.get("ticketId").asText()).json().get(0)
                .get("tickets").get(0).get("encoded").asText();
        assertThat(fx.organizer.get("/api/events/" + ev.eventId() + "/revocations").body()).contains("EVENT_MOVED");

        // cancelled: every ticket refused, the sale stops, the member sees it, the manager gets the refunds
        Response cancelled = fx.organizer.post("/api/events/" + ev.eventId() + "/cancellation",
                Map.of("reason", "the lead actor is ill"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.get("event").get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("revokedTickets").asInt()).isEqualTo(3);
        assertThat(fx.organizer.post("/api/events/" + ev.eventId() + "/cancellation",
                Map.of("reason", "again")).status()).isEqualTo(409);
        assertThat(scan(ev, paper.get("gateId").asText(), reissued).get("verdict").asText()).isEqualTo("REVOKED");
        assertThat(member.get("/api/me/tickets").json().findValuesAsText("state"))
                .containsExactly("EVENT_CANCELLED", "EVENT_CANCELLED");
        assertThat(seller.client().post("/api/events/" + ev.eventId() + "/holds",
                Map.of("seatIds", List.of(map.seats().getLast().id()))).status()).isEqualTo(409);

        Response refunds = manager.client().get("/api/events/" + ev.eventId() + "/refunds");
        assertThat(refunds.status()).as(refunds.body()).isEqualTo(200);
        assertThat(refunds.get("reason").asText()).isEqualTo("the lead actor is ill");
        assertThat(refunds.get("lines")).hasSize(2);
        long memberTotal = memberSale.get("totalMinor").asLong();
        long paperTotal = paperSale.get("totalMinor").asLong();
        assertThat(refunds.get("totalMinor").asLong()).isEqualTo(memberTotal + paperTotal);
        assertThat(refunds.get("lines").findValuesAsText("paymentMethod")).containsExactlyInAnyOrder("CARD", "CASH");
        for (JsonNode line : refunds.get("lines")) {
            assertThat(line.get("sellerId").asLong()).isEqualTo(seller.id());
            assertThat(line.get("tickets").asInt()).isEqualTo(line.get("paymentMethod").asText().equals("CARD") ? 2 : 1);
        }
        assertThat(refunds.get("sales").findValuesAsText("customer")).contains("Kei Member");
        assertThat(gate.client().get("/api/events/" + ev.eventId() + "/refunds").status()).isEqualTo(403);

        // a refund at the counter takes the paper sale off the list
        Response refunded = seller.client().post("/api/tickets/" + paper.get("ticketId").asText() + "/void",
                Map.of("reason", "event cancelled", "refund", true, "refundMethod", "CASH"));
        assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
        assertThat(manager.client().get("/api/events/" + ev.eventId() + "/refunds").get("totalMinor").asLong())
                .isEqualTo(memberTotal);
    }

    private JsonNode sell(EventSetup ev, String category, int seats, Map<String, Object> customer,
                          Map<String, Object> payment) {
        Response hold = seller.client().post("/api/events/" + ev.eventId() + "/holds",
                Map.of("bestAvailable", Map.of("count", seats, "categoryId", category)));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        Response sale = seller.client().post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                "customer", customer, "payment", payment));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        return sale.json();
    }

    private JsonNode scan(EventSetup ev, String gateId, String ticket) {
        Response r = gate.client().post("/api/gate/scans", Map.of("eventId", ev.eventId(), "gateId", gateId,
                "ticket", ticket));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        var out = new java.util.HashMap<>(map);
        out.put(key, value);
        return out;
    }
}
