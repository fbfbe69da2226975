package dev.tessera.center.saleslog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.CenterConfig;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.SampleVenues;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The filters a manager's reports need (claims 75, 88): period, seller, event, payment, and voids shown apart. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SalesLogFiltersTest {
    CenterFixture fx;
    Account alice;
    Account bruno;
    Account manager;
    EventSetup event;
    Instant later;
    String voidedTicket;

    @BeforeAll
    void sell(@TempDir Path dir) {
        fx = new CenterFixture(CenterConfig.h2FileUrl(dir.resolve("center")), "tessera");
        alice = fx.account(Role.SELLER);
        bruno = fx.account(Role.SELLER);
        manager = fx.account(Role.MANAGER);
        var quota = CenterFixture.quotaForAll(SampleVenues.theatre(), 50);
        event = fx.publishedTheatreEvent(Map.of(alice, quota, bruno, quota), Map.of());
        String category = event.map().categories().getFirst().id();
        JsonNode first = sell(alice, category, 2, "CASH");
        sell(bruno, category, 1, "CARD");
        fx.clock.advance(Duration.ofHours(2)); // the fixture event ends four hours after the start
        later = fx.clock.instant();
        sell(alice, category, 3, "INVOICE");
        sell(bruno, category, 2, "CASH");
        voidedTicket = first.get("tickets").get(0).get("ticketId").asText();
        Response voided = signIn(alice).post("/api/tickets/" + voidedTicket + "/void",
                Map.of("reason", "customer changed plans", "refund", true));
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
    }

    @AfterAll
    void close() {
        fx.close();
    }

    /** A fresh session: the clock moves by hours, past the session lifetime. */
    private ApiClient signIn(Account account) {
        return fx.anonymous.login(account.loginId(), account.password());
    }

    private JsonNode sell(Account seller, String category, int count, String payment) {
        ApiClient client = signIn(seller);
        Response hold = client.post("/api/events/" + event.eventId() + "/holds",
                Map.of("bestAvailable", Map.of("count", count, "categoryId", category)));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        Response sale = client.post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", payment, "reference", "r")));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        return sale.json();
    }

    private Response log(String query) {
        return signIn(manager).get("/api/sales-log?eventId=" + event.eventId() + query);
    }

    @Test
    void paymentFilterKeepsOnlyThatMethod() {
        Response cash = log("&payment=CASH");
        assertThat(cash.status()).isEqualTo(200);
        assertThat(cash.get("tickets").asInt()).isEqualTo(4);
        cash.get("lines").forEach(l -> assertThat(l.get("paymentMethod").asText()).isEqualTo("CASH"));
        assertThat(log("&payment=CARD").get("tickets").asInt()).isEqualTo(1);
        assertThat(log("&payment=BITCOIN").status()).isEqualTo(400);
    }

    @Test
    void periodSellerAndPaymentCombine() {
        Response afterwards = log("&from=" + later + "&sellerId=" + alice.id());
        assertThat(afterwards.get("tickets").asInt()).isEqualTo(3);
        assertThat(afterwards.get("bySeller")).hasSize(1);
        Response earlier = log("&to=" + later + "&payment=CARD");
        assertThat(earlier.get("tickets").asInt()).isEqualTo(1);
        assertThat(earlier.get("lines").get(0).get("sellerId").asLong()).isEqualTo(bruno.id());
    }

    @Test
    void aVoidedTicketKeepsItsLineWithItsStatusAndRefund() {
        Response all = log("");
        List<String> statuses = new ArrayList<>();
        all.get("lines").forEach(l -> {
            statuses.add(l.get("status").asText());
            boolean voided = l.get("ticketId").asText().equals(voidedTicket);
            assertThat(l.get("status").asText()).isEqualTo(voided ? "VOID" : "VALID");
            assertThat(l.get("refundMinor").asLong()).isEqualTo(voided ? l.get("priceMinor").asLong() : 0);
        });
        assertThat(statuses).hasSize(8).containsOnlyOnce("VOID");
    }
}
