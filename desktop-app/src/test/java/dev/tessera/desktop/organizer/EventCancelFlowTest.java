package dev.tessera.desktop.organizer;

import static dev.tessera.desktop.support.Fx.fx;
import static dev.tessera.desktop.support.Fx.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.PlatformCenter;
import dev.tessera.desktop.TesseraApp;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.contract.gate.Scan;
import dev.tessera.desktop.gate.GateFixtures;
import dev.tessera.desktop.manager.ManagerViewModel;
import dev.tessera.desktop.manager.ManagerWorkspace;
import dev.tessera.desktop.support.AppUnderTest;
import dev.tessera.desktop.support.ConfirmDialog;
import dev.tessera.desktop.support.Screenshots;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Issue 14, headless on the embedded center: the organizer cancels tonight's performance after a confirmation; the
 * ticket sold at the box office is refused at the gate, and the manager finds the refund owed, per seller and payment
 * method, as soon as the cancelled event is picked.
 */
class EventCancelFlowTest {
    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest();
    private final FxRobot robot = ui.robot();

    @Test
    void theOrganizerCancelsAnEventItsTicketIsRefusedAndTheManagerSeesTheRefund(@TempDir Path data) throws Exception {
        walk(data);
    }

    private void walk(Path data) throws Exception {
        TesseraApp app = ui.start(data);
        PlatformCenter center = ui.embeddedCenter();
        long eventId = GateFixtures.tonightsPerformance(center.services());
        try (CenterClient boxOffice = new CenterClient(center.baseUri())) {
            CenterSession clerk = boxOffice.signIn("clerk", "clerk-demo");
            EventInfo tonight = clerk.event(eventId);
            String seat = clerk.seatMap(tonight.venueId(), tonight.seatMapVersion()).sections().getFirst().rows()
                    .get(2).seats().get(3).id();
            IssuedTicket sold = GateFixtures.sell(clerk, eventId, seat, null);

            ui.signIn("organizer", "organizer-demo");
            waitFor(30, "the organizer workspace", () -> app.shell().main().flatMap(m -> m.workspace(OrganizerWorkspace.class))
                    .isPresent() && robot.lookup("#venueList").tryQuery().map(n -> n.isVisible()).orElse(false));
            OrganizerWorkspace organizer = fx(() -> app.shell().main().orElseThrow().workspace(OrganizerWorkspace.class)
                    .orElseThrow());
            robot.press(KeyCode.ALT).type(KeyCode.DIGIT2).release(KeyCode.ALT);
            waitFor(20, "tonight's performance listed", () -> robot.lookup("#organizerEvents").tryQuery()
                    .map(n -> n.isVisible()).orElse(false) && organizer.events().events().stream()
                    .anyMatch(e -> e.id() == eventId));
            fx(() -> {
                organizer.events().selectedProperty().set(organizer.events().events().stream()
                        .filter(e -> e.id() == eventId).findFirst().orElseThrow());
                return null;
            });
            robot.clickOn("#eventChangeReason").write("the lead actor is ill");
            Screenshots.take(ui.scene(), "73-organizer-event-change");
            robot.clickOn("#cancelEvent");
            assertThat(ConfirmDialog.answer(robot, KeyCode.ENTER)).startsWith("Cancel " + tonight.name() + "?");
            waitFor(20, "cancelled", () -> ui.text("#eventChangeStatus")
                    .equals(tonight.name() + " is cancelled; 1 ticket was revoked."));
            assertThat(clerk.event(eventId).status()).isEqualTo("CANCELLED");
            CenterSession gate = boxOffice.signIn("gate", "gate-demo");
            assertThat(gate.reportScan(new Scan(eventId, sold.gateId(), sold.encoded(), null, null)).verdict().name())
                    .as("the cancelled event's ticket at the gate").isEqualTo("REVOKED");
            waitFor(20, "the event shown cancelled", () -> organizer.events().events().stream()
                    .anyMatch(e -> e.id() == eventId && "CANCELLED".equals(e.status())));
            Screenshots.take(ui.scene(), "73-organizer-event-cancelled");
            robot.clickOn("#languageJapanese");
            waitFor(5, "Japanese texts", () -> robot.lookup("#cancelEvent").queryButton().getText().equals("公演を中止\u2026"));
            Screenshots.take(ui.scene(), "74-organizer-event-cancelled-ja");
            robot.clickOn("#languageEnglish");

            robot.clickOn("#signOut");
            ui.awaitSignIn();
            ui.signIn("manager", "manager-demo");
            waitFor(30, "the manager workspace", () -> app.shell().main().flatMap(m -> m.workspace(ManagerWorkspace.class))
                    .isPresent() && robot.lookup("#reportEvent").tryQuery().isPresent());
            ManagerViewModel manager = fx(() -> app.shell().main().orElseThrow().workspace(ManagerWorkspace.class)
                    .orElseThrow().viewModel());
            waitFor(20, "the events to report on", () -> manager.events().stream().anyMatch(e -> e.id() == eventId));
            ComboBox<?> events = robot.lookup("#reportEvent").queryAs(ComboBox.class);
            int index = fx(() -> manager.events().stream().map(EventInfo::id).toList().indexOf(eventId)) + 1;
            fx(() -> {
                events.getSelectionModel().select(index);
                return null;
            });
            waitFor(20, "the refund owed", () -> manager.refunds().lines().size() == 1
                    && robot.lookup("#refunds").query().isVisible());
            assertThat(ui.text("#refundLines")).startsWith("Box Office 1 \u00b7 Cash \u00b7 1 ticket \u00b7 ");
            assertThat(ui.text("#refundSummary")).startsWith("1 sale to refund, ").endsWith("Reason: the lead actor is ill");
            var line = fx(() -> manager.refunds().lines().getFirst());
            assertThat(line.sellerName()).isEqualTo("Box Office 1");
            assertThat(line.paymentMethod()).isEqualTo("CASH");
            assertThat(line.amountMinor()).isEqualTo(sold.priceMinor());
            Screenshots.take(ui.scene(), "75-manager-refunds");
            robot.clickOn("#languageJapanese");
            waitFor(5, "Japanese texts", () -> ui.text("#refundSummary").startsWith("払い戻し対象"));
            Screenshots.take(ui.scene(), "76-manager-refunds-ja");
        }
    }
}
