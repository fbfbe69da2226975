package dev.tessera.desktop.gate;

import static dev.tessera.desktop.support.Fx.fx;
import static dev.tessera.desktop.support.Fx.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.PlatformCenter;
import dev.tessera.desktop.TesseraApp;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.desktop.counter.ChipDesk;
import dev.tessera.desktop.support.AppUnderTest;
import dev.tessera.desktop.support.GateTaps;
import dev.tessera.desktop.support.Pcscd;
import dev.tessera.desktop.support.Screenshots;
import dev.tessera.reader.gate.Verdict;
import dev.tessera.reader.pcsc.PcscReader;
import dev.tessera.reader.sim.PcscdProcess;
import dev.tessera.reader.sim.SimulatedChip;
import dev.tessera.reader.sim.VpcdBridge;
import dev.tessera.reader.wallet.WalletCard;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The gate on the real PC/SC path: the reader chosen in Settings is pcscd's vpcd reader, and a member card put on
 * it (a simulated chip bridged to vpcd, as a USB reader would see a real card) is checked with no key pressed.
 * Skipped without pcscd unless -Dtessera.test.pcsc=required (./tessera test), where it fails and says what to install.
 */
class PcscGateTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    @RegisterExtension
    static final Pcscd pcscd = new Pcscd();
    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest();
    private final FxRobot robot = ui.robot();

    @Test
    void aMemberCardHeldToThePcscReaderIsAdmittedOnceWithoutAKeyPressed(@TempDir Path data) throws Exception {
        pcscd.chooseReaderIn(data);
        TesseraApp app = ui.start(data);
        PlatformCenter center = ui.embeddedCenter();
        long eventId = GateFixtures.tonightsPerformance(center.services());

        // the box office issues a member card and writes a ticket for tonight onto it, on the same reader
        SimulatedChip chip = new SimulatedChip();
        IssuedTicket ticket;
        try (VpcdBridge onReader = VpcdBridge.insert(chip, "127.0.0.1", VpcdBridge.DEFAULT_PORT);
             PcscReader reader = new PcscReader(pcscd.reader());
             CenterClient boxOffice = new CenterClient(center.baseUri())) {
            assertThat(reader.waitForCard(Duration.ofSeconds(5))).isTrue();
            CenterSession clerk = boxOffice.signIn("clerk", "clerk-demo");
            long member = clerk.registerMember("gate-pcsc-" + UUID.randomUUID().toString().substring(0, 6),
                    "member-password", "Pat PC/SC").accountId();
            ChipDesk desk = new ChipDesk(clerk);
            String chipId = desk.issueMemberCard(card(reader), member);
            var event = clerk.event(eventId);
            String seat = clerk.seatMap(event.venueId(), event.seatMapVersion()).sections().getFirst().rows().get(4)
                    .seats().get(6).id();
            var sale = GateFixtures.sale(clerk, eventId, seat, card(reader));
            ticket = sale.tickets().getFirst();
            assertThat(desk.write(card(reader), chipId, List.of(ticket), ChipDesk.Entitlement.sale(sale.saleId()))
                    .written()).isEqualTo(1);
            reader.disconnect();
        }

        ui.signIn("gate", "gate-demo");
        waitFor(60, "the gate workspace", () -> app.shell().main().flatMap(m -> m.workspace(GateWorkspace.class)).isPresent());
        waitFor(10, "the gate tab", () -> robot.lookup("#gateCode").tryQuery().isPresent());
        GateViewModel gate = app.shell().main().orElseThrow().workspace(GateWorkspace.class).orElseThrow().viewModel();
        assertThat(robot.lookup("#gateChips").tryQuery()).as("no simulated tray beside a real reader").isEmpty();
        assertThat(ui.text("#gateReader")).startsWith("Reader \"Virtual PCD\": start the shift");
        GateTaps.chooseEvent(gate, eventId);
        fx(() -> {
            gate.gateProperty().set(ticket.gateId());
            return null;
        });
        robot.clickOn("#gateStartShift");
        waitFor(30, "the shift", () -> gate.stationProperty().get() != null);
        waitFor(10, "the reader found", () -> ui.text("#gateReader").startsWith("Reader \"" + PcscdProcess.VIRTUAL_READER
                + "\" is ready"));

        // the guest holds the card to the reader: green, with the seat; nobody pressed a key
        try (VpcdBridge held = VpcdBridge.insert(chip, "127.0.0.1", VpcdBridge.DEFAULT_PORT)) {
            waitFor(20, "the card admitted", () -> verdict(gate) == Verdict.ADMITTED);
            assertThat(fx(() -> gate.answerProperty().get().scan().ticketId())).isEqualTo(ticket.ticketId());
            assertThat(ui.text("#gateHeadline")).isEqualTo("ADMITTED");
            Screenshots.take(ui.scene(), "56-gate-pcsc-reader");
        }
        long first = fx(() -> gate.answerProperty().get().scan().id());
        // a second tap is a new arrival only once the gate's reader has seen the field empty
        waitFor(20, "the gate reader sees the card gone",
                () -> !gate.pcscReader().orElseThrow().cardInField());

        // the same card again: red, already used here
        try (VpcdBridge again = VpcdBridge.insert(chip, "127.0.0.1", VpcdBridge.DEFAULT_PORT)) {
            waitFor(20, "the second tap refused", () -> fx(() -> gate.answerProperty().get().scan().id()) != first
                    && verdict(gate) == Verdict.ALREADY_USED);
        }
        assertThat(ui.text("#gateHeadline")).isEqualTo("NOT ADMITTED");
        waitFor(20, "the admission reported", () -> gate.countsProperty().get().unreported() == 0);
    }

    private static WalletCard card(PcscReader reader) throws Exception {
        return new WalletCard(reader.connect(), WalletCard.LengthMode.EXTENDED, RANDOM);
    }

    private static Verdict verdict(GateViewModel gate) throws Exception {
        return fx(() -> {
            var a = gate.answerProperty().get();
            return gate.checkingProperty().get() || a == null ? null : a.scan().verdict();
        });
    }
}
