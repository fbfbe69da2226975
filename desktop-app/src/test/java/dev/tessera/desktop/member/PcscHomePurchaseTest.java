package dev.tessera.desktop.member;

import static dev.tessera.desktop.support.Fx.fx;
import static dev.tessera.desktop.support.Fx.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.PlatformCenter;
import dev.tessera.contract.gate.Scan;
import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.desktop.TesseraApp;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.member.MemberTicket;
import dev.tessera.desktop.gate.GateFixtures;
import dev.tessera.desktop.shell.MemberWorkspace;
import dev.tessera.desktop.support.AppUnderTest;
import dev.tessera.desktop.support.ChipLook;
import dev.tessera.desktop.support.Pcscd;
import dev.tessera.desktop.support.Screenshots;
import dev.tessera.reader.counter.ChipIssuer;
import dev.tessera.reader.pcsc.PcscReader;
import dev.tessera.reader.sim.SimulatedChip;
import dev.tessera.reader.sim.VpcdBridge;
import dev.tessera.reader.wallet.ChipInfo;
import dev.tessera.reader.wallet.WalletCard;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Issue 14's home purchase on the real PC/SC path, as a customer runs the wallet at home with a USB reader: the reader
 * chosen in Settings is pcscd's vpcd reader, the member's card (issued beforehand at the box office) lies on it; she
 * buys two seats in Buy tickets and they are written through pcscd in the same tap; the card, read back through pcscd,
 * holds both; the gate admits one. (With a PC/SC reader My tickets does not read the card on every refresh: a USB
 * reader cannot tell which card lies on it without a tap, so the wallet reads it when the member writes.) Skipped without pcscd unless -Dtessera.test.pcsc=required (./tessera test), where it fails and
 * says what to install.
 */
class PcscHomePurchaseTest {
    @RegisterExtension
    static final Pcscd pcscd = new Pcscd();
    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest();
    private final FxRobot robot = ui.robot();

    @Test
    void aMemberBuysTwoSeatsAtHomeOntoHerCardOnAPcscReader(@TempDir Path data) throws Exception {
        pcscd.chooseReaderIn(data);
        TesseraApp app = ui.start(data);
        PlatformCenter center = ui.embeddedCenter();
        long eventId = GateFixtures.tonightsPerformance(center.services());
        HomePurchaseFlowTest.authorizeInternetSales(center.services(), eventId);

        SimulatedChip chip = new SimulatedChip();
        try (VpcdBridge onReader = VpcdBridge.insert(chip, "127.0.0.1", VpcdBridge.DEFAULT_PORT);
             PcscReader reader = new PcscReader(pcscd.reader());
             CenterClient boxOffice = new CenterClient(center.baseUri())) {
            assertThat(reader.waitForCard(Duration.ofSeconds(5))).isTrue();
            // her card, issued at the box office beforehand (her login and her own password), on the same reader
            CenterSession hanaAtHome = boxOffice.signIn("member", "member-demo");
            var issuing = dev.tessera.reader.center.CenterClient.login(boxOffice.baseUri(), "clerk",
                    "clerk-demo".toCharArray());
            ChipInfo card = new ChipIssuer(issuing, new SecureRandom()).issue(new WalletCard(reader.connect()),
                    hanaAtHome.account().accountId());
            reader.disconnect();

            ui.signIn("member", "member-demo");
            waitFor(60, "the member workspace", () -> app.shell().main().flatMap(m -> m.workspace(MemberWorkspace.class))
                    .isPresent() && robot.lookup("#memberShopTab").tryQuery().isPresent());
            MemberWorkspace workspace = fx(() -> app.shell().main().orElseThrow().workspace(MemberWorkspace.class)
                    .orElseThrow());
            MemberViewModel wallet = workspace.viewModel();
            waitFor(30, "her card, read from the PC/SC reader", () -> wallet.cardProperty().get() != null
                    && wallet.cardProperty().get().chipId().equals(card.chipIdHex()));

            List<String> seats = HomePurchaseFlowTest.holdTwoSeatsAndBuy(ui, workspace.shop(), eventId, hanaAtHome,
                    "73-member-shop-pcsc-held");
            String shortChip = MemberViewModel.shortChip(card.chipIdHex());
            waitFor(45, "bought and written through pcscd", () -> ui.text("#shopStatus")
                    .equals("2 tickets bought and written to card " + shortChip + "."));
            Screenshots.take(ui.scene(), "74-member-shop-pcsc-bought");

            List<MemberTicket> mine = hanaAtHome.myTickets();
            assertThat(mine).extracting(MemberTicket::seatId).containsExactlyInAnyOrderElementsOf(seats);
            assertThat(mine).allSatisfy(t -> assertThat(t.holderChipId()).isEqualTo(card.chipIdHex()));
            List<String> bought = mine.stream().map(MemberTicket::ticketId).toList();
            assertThat(ChipLook.ids(ChipLook.list(new WalletCard(reader.reconnect()), center)))
                    .as("the tickets on the card, read back through pcscd")
                    .containsExactlyInAnyOrderElementsOf(ChipLook.onCard(card.chipIdHex(), bought));
            reader.disconnect();

            IssuedTicket ticket = hanaAtHome.chipTickets(card.chipIdHex()).tickets().getFirst();
            CenterSession gate = boxOffice.signIn("gate", "gate-demo");
            assertThat(gate.reportScan(new Scan(eventId, ticket.gateId(), ticket.encoded(), card.chipIdHex(), null))
                    .verdict().name()).isEqualTo("ADMITTED");
        }
    }
}
