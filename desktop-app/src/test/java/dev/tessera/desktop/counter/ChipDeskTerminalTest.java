package dev.tessera.desktop.counter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.counter.VirtualChips.VirtualChip;
import dev.tessera.desktop.gate.GateFixtures;
import dev.tessera.desktop.support.TestCenter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: the counter names its terminal in every chip key use, so the center's audit says at which desk a card
 * was personalized and written (GET /api/chips/{chipId}/key-uses, as a manager reads it).
 */
class ChipDeskTerminalTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyChipKeyUseOfTheCounterNamesItsTerminal(@TempDir Path dir) throws Exception {
        try (TestCenter center = TestCenter.start(dir); VirtualChips tray = new VirtualChips(new SecureRandom())) {
            CenterSession clerk = center.clerk();
            String terminal = "till-clerk-" + UUID.randomUUID().toString().substring(0, 8);
            clerk.identifyTerminal(terminal);
            long member = clerk.registerMember("ann-" + UUID.randomUUID().toString().substring(0, 6),
                    "member-password", "Ann Abe").accountId();
            VirtualChip blank = tray.addBlank("Ann's card");
            tray.put(blank);
            ChipDesk desk = new ChipDesk(clerk);
            String chipId = desk.issueMemberCard(tray.tap(), member);
            var event = center.demoEvent(clerk);
            var map = clerk.seatMap(event.venueId(), event.seatMapVersion());
            var sale = GateFixtures.sale(clerk, event.id(), map.sections().getFirst().rows().get(3).seats().get(4).id(),
                    tray.tap());
            ChipDesk.Written written = desk.write(tray.tap(), chipId, sale.tickets(),
                    ChipDesk.Entitlement.sale(sale.saleId()));
            assertThat(written.written()).isEqualTo(1);

            JsonNode uses = keyUses(center.baseUri(), chipId);
            List<String> outcomes = new ArrayList<>();
            uses.forEach(use -> outcomes.add(use.get("outcome").asText() + " " + use.get("purpose").asText() + " at "
                    + use.get("terminalId").asText()));
            assertThat(outcomes).contains("PERSONALIZED MEMBERSHIP at " + terminal, "GRANTED SALE at " + terminal)
                    .allMatch(line -> line.endsWith(" at " + terminal));
        }
    }

    /** The audit as the demo manager reads it from the center. */
    private static JsonNode keyUses(URI base, String chipId) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> session = http.send(HttpRequest.newBuilder(base.resolve("/api/sessions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"loginId\":\"manager\",\"password\":\"manager-demo\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
            String token = JSON.readTree(session.body()).get("token").asText();
            HttpResponse<String> uses = http.send(HttpRequest.newBuilder(base.resolve("/api/chips/" + chipId + "/key-uses"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(uses.statusCode()).as(uses.body()).isEqualTo(200);
            return JSON.readTree(uses.body());
        }
    }
}
