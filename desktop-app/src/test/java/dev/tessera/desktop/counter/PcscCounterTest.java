package dev.tessera.desktop.counter;

import static dev.tessera.desktop.support.Fx.fx;
import static dev.tessera.desktop.support.Fx.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.desktop.TesseraApp;
import dev.tessera.contract.account.Account;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.saleslog.SalesLog;
import dev.tessera.desktop.countertab.CounterWorkspace;
import dev.tessera.desktop.support.AppUnderTest;
import dev.tessera.desktop.support.ChipLook;
import dev.tessera.desktop.support.Pcscd;
import dev.tessera.desktop.support.Screenshots;
import dev.tessera.reader.counter.ChipIssuer;
import dev.tessera.reader.pcsc.PcscReader;
import dev.tessera.reader.sim.SimulatedChip;
import dev.tessera.reader.sim.VpcdBridge;
import dev.tessera.reader.wallet.ChipInfo;
import dev.tessera.reader.wallet.StoredTicket;
import dev.tessera.reader.wallet.WalletCard;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The counter on the real PC/SC path: the reader chosen in Settings is pcscd's vpcd reader with a
 * simulated chip on it, exactly as a USB reader would be. Skipped without pcscd unless
 * -Dtessera.test.pcsc=required (./tessera test), where it fails and says what to install.
 */
class PcscCounterTest {
    @RegisterExtension
    static final Pcscd pcscd = new Pcscd();
    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest();
    private final FxRobot robot = ui.robot();

    @Test
    @SuppressWarnings("unchecked")
    void theClerkSellsTwoSeatsOntoAMemberCardLyingOnAPcscReader(@TempDir Path data) throws Exception {
        pcscd.chooseReaderIn(data);
        TesseraApp app = ui.start(data);
        ui.signIn("clerk", "clerk-demo");
        CounterWorkspace counter = ui.openCounter();
        SaleViewModel sale = counter.sale();
        waitFor(30, "the demo event and its seat map at the counter", () -> sale.eventProperty().get() != null
                && sale.seats().seatMapProperty().get() != null);

        SimulatedChip chip = new SimulatedChip();
        String login = "pcsc-" + UUID.randomUUID().toString().substring(0, 6);
        try (VpcdBridge onReader = VpcdBridge.insert(chip, "127.0.0.1", VpcdBridge.DEFAULT_PORT);
             PcscReader reader = new PcscReader(pcscd.reader());
             CenterClient other = new CenterClient(app.shell().connection().orElseThrow().baseUri())) {
            assertThat(reader.waitForCard(Duration.ofSeconds(5))).isTrue();
            // a member card issued beforehand (claim 31), on the same reader
            CenterSession clerk = other.signIn("clerk", "clerk-demo");
            Account member = clerk.registerMember(login, "member-password", "Pat PC/SC");
            var issuing = dev.tessera.reader.center.CenterClient.login(other.baseUri(), "clerk",
                    "clerk-demo".toCharArray());
            ChipInfo card = new ChipIssuer(issuing, new SecureRandom()).issue(new WalletCard(reader.connect()),
                    member.accountId());
            reader.disconnect();

            Spinner<?> count = robot.lookup("#bestCount").queryAs(Spinner.class);
            fx(() -> {
                ((Spinner<Integer>) count).getValueFactory().setValue(2);
                return null;
            });
            robot.clickOn("#saleSeats").press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
            waitFor(15, "the hold", () -> sale.phaseProperty().get() == SalePhase.HELD);
            List<String> held = fx(() -> sale.holdProperty().get().seatIds());
            robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
            waitFor(15, "the member card read through pcscd",
                    () -> card.chipIdHex().equals(sale.customer().customerChipIdProperty().get()));
            robot.clickOn("#tendered").write("100000");
            robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
            waitFor(45, "the tickets written through pcscd", () -> sale.phaseProperty().get() == SalePhase.DONE);
            Screenshots.take(ui.scene(), "19-counter-pcsc-reader");
            List<String> sold = fx(() -> sale.receipt().lines().stream().map(ReceiptLine::ticketId).toList());
            assertThat(sold).hasSize(2);

            List<StoredTicket> onCard = ChipLook.list(new WalletCard(reader.reconnect()),
                    ui.app().shell().connection().orElseThrow().embeddedCenter().orElseThrow());
            assertThat(ChipLook.ids(onCard)).containsExactlyInAnyOrderElementsOf(ChipLook.onCard(card.chipIdHex(), sold));
            assertThat(clerk.salesLog(fx(() -> sale.eventProperty().get().id())).lines().stream()
                    .filter(l -> sold.contains(l.ticketId())).map(SalesLog.Line::seatId))
                    .containsExactlyInAnyOrderElementsOf(held);
        }
    }
}
