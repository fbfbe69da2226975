package dev.tessera.desktop.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.client.CenterHttp;
import dev.tessera.contract.account.Login;
import dev.tessera.contract.account.SignedIn;
import dev.tessera.contract.chip.ChipKeyUse;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.counter.VirtualChips.VirtualChip;
import dev.tessera.desktop.gate.GateFixtures;
import dev.tessera.desktop.support.TestCenter;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: the counter names its terminal in every chip key use, so the center's audit says at which desk a card
 * was personalized and written (GET /api/chips/{chipId}/key-uses, as a manager reads it).
 */
class ChipDeskTerminalTest {

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

            List<String> outcomes = keyUses(center.baseUri(), chipId).stream()
                    .map(use -> use.outcome() + " " + use.purpose() + " at " + use.terminalId()).toList();
            assertThat(outcomes).contains("PERSONALIZED MEMBERSHIP at " + terminal, "GRANTED SALE at " + terminal)
                    .allMatch(line -> line.endsWith(" at " + terminal));
        }
    }

    /** The audit as the demo manager reads it from the center. */
    private static List<ChipKeyUse> keyUses(URI base, String chipId) {
        try (CenterHttp http = new CenterHttp(base)) {
            SignedIn manager = http.post("/api/sessions", null, new Login("manager", "manager-demo"),
                    CenterHttp.type(SignedIn.class));
            return http.get("/api/chips/" + chipId + "/key-uses", manager.token(), CenterHttp.listOf(ChipKeyUse.class));
        }
    }
}
