package dev.tessera.reader.center;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.center.support.LossyProxy;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.ticket.TicketCodec;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import dev.tessera.contract.gate.ScanResult;
import dev.tessera.contract.gate.Verdict;

/**
 * A gate's scan report whose answer was lost is sent again with the same Idempotency-Key, so the gate hears "admitted"
 * and not "already used": through a proxy that loses the real center's answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CenterClientRetryTest {
    @TempDir
    static Path dir;
    CenterFixture fx;
    LossyProxy proxy;
    Account seller;
    Account gate;
    EventSetup event;

    @BeforeAll
    void start() throws Exception {
        fx = new CenterFixture(CenterConfig.h2FileUrl(dir.resolve("center")), "tessera");
        proxy = new LossyProxy(fx.center.baseUri());
        seller = fx.account(Role.SELLER);
        gate = fx.account(Role.GATE);
        event = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(SampleVenues.theatre(), 10)), Map.of());
    }

    @AfterAll
    void stop() {
        proxy.close();
        fx.close();
    }

    @Test
    void aScanWhoseAnswerWasLostIsAdmittedNotAlreadyUsed() throws Exception {
        byte[] ticket = paperTicket();
        CenterClient gateClient = CenterClient.login(proxy.uri(), gate.loginId(), gate.password().toCharArray());
        proxy.forwarded().clear();
        proxy.dropConnection().set(1);

        ScanResult answer = gateClient.reportScan(event.eventId(), gateOf(ticket), ticket, "");

        assertThat(answer.verdict()).as(answer.toString()).isEqualTo(Verdict.ADMITTED);
        assertThat(proxy.forwarded()).as("the report and its retry").hasSize(2);
        assertThat(Set.copyOf(proxy.forwarded())).as("one key for both").hasSize(1);
        assertThat(proxy.forwarded().getFirst()).isNotBlank();
    }

    @Test
    void aCenterThatKeepsFailingIsToldAfterThreeAttemptsWithOneKey() throws Exception {
        byte[] ticket = paperTicket();
        CenterClient gateClient = CenterClient.login(proxy.uri(), gate.loginId(), gate.password().toCharArray());
        proxy.forwarded().clear();
        proxy.badGateway().set(10);
        try {
            assertThatThrownBy(() -> gateClient.reportScan(event.eventId(), gateOf(ticket), ticket, ""))
                    .isInstanceOfSatisfying(CenterException.class, e -> assertThat(e.status()).isEqualTo(502));
        } finally {
            proxy.badGateway().set(0);
        }
        assertThat(proxy.forwarded()).hasSize(CenterClient.MAX_ATTEMPTS);
        assertThat(Set.copyOf(proxy.forwarded())).hasSize(1);
    }

    private byte[] paperTicket() {
        Response hold = seller.client().post("/api/events/" + event.eventId() + "/holds",
                Map.of("bestAvailable", Map.of("count", 1, "categoryId", event.map().categories().getFirst().id())));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        Response sale = seller.client().post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CASH")));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        return Base64.getDecoder().decode(sale.get("tickets").get(0).get("encoded").asText());
    }

    private static String gateOf(byte[] ticket) throws Exception {
        return TicketCodec.decode(ticket).ticket().gateId();
    }
}
