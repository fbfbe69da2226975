package dev.tessera.center.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.ticket.PaperCode;
import dev.tessera.core.ticket.TicketCodec;
import dev.tessera.core.format.TicketFormatException;
import java.util.Base64;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Claim 67: offline gates report their admissions later; a retried report counts once, a second gate's is a
 * duplicate. Run on an H2 file and on PostgreSQL by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GateScanReportContract {
    private CenterFixture fx;
    private Account seller;
    private Account gate;
    private EventSetup ev;

    abstract String jdbcUrl();

    abstract String dbUser();

    @BeforeAll
    void start() {
        fx = new CenterFixture(jdbcUrl(), dbUser());
        seller = fx.account(Role.SELLER);
        gate = fx.account(Role.GATE);
        ev = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(SampleVenues.theatre(), 20)), Map.of());
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @Test
    void aRetriedOfflineReportIsRecordedOnceAndASecondGateLearnsWhereTheTicketWentIn() {
        String ticket = paperTicket();
        String entrance = entranceOf(ticket);
        Instant admittedAt = fx.clock.instant().minus(Duration.ofMinutes(3)).plusNanos(123_456_789);
        JsonNode first = report(gate, entrance, ticket, admittedAt);
        assertThat(first.get("verdict").asText()).as(first.toString()).isEqualTo("ADMITTED");
        JsonNode retried = report(gate, entrance, ticket, admittedAt);
        assertThat(retried.get("verdict").asText()).as("the sync retried after a lost answer").isEqualTo("ADMITTED");

        // a second terminal at the same entrance admitted a copy while both were offline
        Account secondGate = fx.account(Role.GATE);
        JsonNode copy = report(secondGate, entrance, ticket, admittedAt.plusSeconds(60));
        assertThat(copy.get("verdict").asText()).isEqualTo("ALREADY_USED");
        assertThat(copy.get("usedAtGate").asText()).isEqualTo(entrance);
        assertThat(Instant.parse(copy.get("usedAt").asText())).isEqualTo(admittedAt.truncatedTo(ChronoUnit.MICROS));
        assertThat(report(secondGate, entrance, ticket, admittedAt.plusSeconds(60)).get("verdict").asText())
                .isEqualTo("ALREADY_USED");

        assertThat(counts()).extracting(c -> c.get("gateId").asText() + ":" + c.get("admitted").asInt() + "/"
                + c.get("refused").asInt()).containsExactly(entrance + ":1/1");
    }

    @Test
    void aPaperCodeIsTheSameTicketAsTheBase64PrintedBeforeIt() {
        // an event of its own, so these scans stay out of the other test's gate counts
        EventSetup own = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(SampleVenues.theatre(), 20)),
                Map.of());
        String base64 = paperTicket(own);
        String entrance = entranceOf(base64);
        String paperCode = PaperCode.encode(Base64.getDecoder().decode(base64));
        Instant at = fx.clock.instant().minus(Duration.ofMinutes(2));

        assertThat(report(own, gate, entrance, paperCode, at).get("verdict").asText()).isEqualTo("ADMITTED");
        assertThat(report(own, gate, entrance, base64, at.plusSeconds(30)).get("verdict").asText())
                .as("the same ticket in the older form").isEqualTo("ALREADY_USED");
        JsonNode garbled = report(own, gate, entrance, "TK1:GGW", at.plusSeconds(60));
        assertThat(garbled.get("verdict").asText()).isEqualTo("MALFORMED");
        assertThat(garbled.get("reason").asText()).contains("neither a paper code nor base64");
    }

    @Test
    void countsAreForStaffOnlyAndNeedAnEvent() {
        assertThat(seller.client().get("/api/events/" + ev.eventId() + "/gate-counts").status()).isEqualTo(403);
        assertThat(gate.client().get("/api/events/999999/gate-counts").status()).isEqualTo(404);
        assertThat(fx.organizer.get("/api/events/" + ev.eventId() + "/gate-counts").status()).isEqualTo(200);
    }

    private String paperTicket() {
        return paperTicket(ev);
    }

    private String paperTicket(EventSetup event) {
        Response hold = seller.client().post("/api/events/" + event.eventId() + "/holds",
                Map.of("bestAvailable", Map.of("count", 1, "categoryId", event.map().categories().getFirst().id())));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        Response sale = seller.client().post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CASH", "tenderedMinor", 10_000)));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        return sale.get("tickets").get(0).get("encoded").asText();
    }

    private static String entranceOf(String ticket) {
        try {
            return TicketCodec.decode(Base64.getDecoder().decode(ticket)).ticket().gateId();
        } catch (TicketFormatException e) {
            throw new AssertionError(e);
        }
    }

    private JsonNode report(Account gate, String gateId, String ticket, Instant at) {
        return report(ev, gate, gateId, ticket, at);
    }

    private static JsonNode report(EventSetup event, Account gate, String gateId, String ticket, Instant at) {
        Map<String, Object> body = new HashMap<>(Map.of("eventId", event.eventId(), "gateId", gateId, "ticket", ticket,
                "scannedAt", at.toString()));
        Response r = gate.client().post("/api/gate/scans", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private List<JsonNode> counts() {
        Response r = gate.client().get("/api/events/" + ev.eventId() + "/gate-counts");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new java.util.ArrayList<>();
        r.json().forEach(out::add);
        return out;
    }
}
