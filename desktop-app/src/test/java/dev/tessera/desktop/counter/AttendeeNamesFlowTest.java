package dev.tessera.desktop.counter;

import static dev.tessera.center.db.schema.Tables.TICKET;
import static dev.tessera.desktop.support.Fx.fx;
import static dev.tessera.desktop.support.Fx.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.PlatformCenter;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.desktop.countertab.CounterWorkspace;
import dev.tessera.desktop.gate.GateFixtures;
import dev.tessera.desktop.gate.GateViewModel;
import dev.tessera.desktop.gate.GateWorkspace;
import dev.tessera.desktop.support.AppUnderTest;
import dev.tessera.desktop.support.GateTaps;
import dev.tessera.desktop.support.Screenshots;
import dev.tessera.reader.gate.Verdict;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Claim 70, issue 14: an event whose organizer requires attendee names. The clerk holds two seats and is asked for a
 * name per seat; the sale cannot be paid while one is missing (the button stays disabled, Ctrl+Enter is refused in
 * words); Enter walks from one name to the next and sells from the last. The tickets carry the names at the center,
 * and the gate shows the name of the ticket it admits beside the green answer, in English and Japanese.
 */
class AttendeeNamesFlowTest {
    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest();
    private final FxRobot robot = ui.robot();

    @Test
    void theClerkIsAskedForANamePerSeatCannotPayWithoutThemAndTheGateShowsTheName(@TempDir Path data) throws Exception {
        ui.start(data);
        ui.signIn("clerk", "clerk-demo");
        PlatformCenter embedded = ui.embeddedCenter();
        long eventId = GateFixtures.tonightsPerformance(embedded.services(), true);
        CounterWorkspace counter = ui.openCounter();
        SaleViewModel sale = counter.sale();
        // the counter may have read the events before this one was registered
        fx(() -> {
            sale.load();
            return null;
        });
        waitFor(30, "the event", () -> sale.events().stream().anyMatch(e -> e.id() == eventId));
        fx(() -> {
            sale.eventProperty().set(sale.events().stream().filter(e -> e.id() == eventId).findFirst().orElseThrow());
            return null;
        });
        waitFor(30, "the map", () -> sale.seats().seatMapProperty().get() != null);
        assertThat(fx(() -> sale.customer().attendeeForm().requiredProperty().get())).as("the organizer's setting").isTrue();
        SeatMap map = fx(() -> sale.seats().seatMapProperty().get());
        var row = map.sections().getFirst().rows().get(2);
        List<String> two = row.seats().subList(4, 6).stream().map(s -> s.id()).toList();
        fx(() -> {
            two.forEach(sale::toggleSeat);
            return null;
        });
        robot.clickOn("#holdPicked");
        waitFor(15, "the hold", () -> sale.phaseProperty().get() == SalePhase.HELD);
        robot.clickOn("#customerWalkIn");

        // asked: one name field per seat instead of the optional comma-separated one; paying is disabled
        waitFor(5, "a name field per seat", () -> visible("#attendeeName0") && visible("#attendeeName1"));
        assertThat(robot.lookup("#attendeeName2").tryQuery()).as("two seats, two names").isEmpty();
        assertThat(visible("#attendeeNames")).as("the optional field gives way").isFalse();
        assertThat(ui.text("#attendeeNamesHeading"))
                .isEqualTo("2 tickets still need an attendee name: this event requires one per ticket.");
        Button confirm = robot.lookup("#confirmSale").queryAs(Button.class);
        assertThat(fx(confirm::isDisabled)).as("no payment without the names").isTrue();
        robot.clickOn("#tendered").write("100000");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitFor(5, "refused in words", () -> ui.text("#saleStatus")
                .equals("This event requires an attendee name on every ticket: 2 are still missing."));
        assertThat(fx(() -> sale.phaseProperty().get())).isEqualTo(SalePhase.HELD);

        // from the keyboard: a name, Enter to the next field
        robot.clickOn("#attendeeName0").write("Aiko Abe").type(KeyCode.ENTER);
        waitFor(5, "the next field has the keys", () -> fx(() -> robot.lookup("#attendeeName1").query().isFocused()));
        assertThat(fx(confirm::isDisabled)).as("one name is still missing").isTrue();
        assertThat(ui.text("#attendeeNamesHeading"))
                .isEqualTo("1 ticket still needs an attendee name: this event requires one per ticket.");
        waitFor(5, "the refusal follows the typing", () -> ui.text("#saleStatus")
                .equals("This event requires an attendee name on every ticket: 1 is still missing."));
        Screenshots.take(ui.scene(), "80-counter-attendee-names-required");
        robot.write("Ben Brown");
        waitFor(5, "paying enabled", () -> !fx(confirm::isDisabled));
        assertThat(ui.text("#attendeeNamesHeading")).isEqualTo("Every ticket is named.");
        waitFor(5, "no refusal left on screen", () -> ui.text("#saleStatus").equals("Every ticket is named."));
        Screenshots.take(ui.scene(), "81-counter-attendee-names-filled");
        robot.clickOn("#languageJapanese");
        waitFor(5, "Japanese texts", () -> ui.text("#attendeeNamesHeading")
                .equals("すべてのチケットに来場者名が入力されました。"));
        Screenshots.take(ui.scene(), "81-counter-attendee-names-filled-ja");
        robot.clickOn("#languageEnglish");
        waitFor(5, "English texts", () -> ui.text("#attendeeNamesHeading").equals("Every ticket is named."));
        // Enter in the last name sells
        robot.clickOn("#attendeeName1").type(KeyCode.END).type(KeyCode.ENTER);
        waitFor(30, "the sale", () -> sale.phaseProperty().get() == SalePhase.DONE);
        SaleResult sold = fx(() -> sale.lastSale().orElseThrow());
        // the names go with the seats in the center's order (the hold's seat ids sorted)
        List<String> sorted = two.stream().sorted().toList();
        assertThat(sold.tickets()).extracting(t -> t.seatId() + "=" + t.attendee())
                .containsExactlyInAnyOrder(sorted.get(0) + "=Aiko Abe", sorted.get(1) + "=Ben Brown");
        assertThat(embedded.services().db().dsl().select(TICKET.ATTENDEE).from(TICKET)
                .where(TICKET.EVENT_ID.eq(eventId)).fetch(TICKET.ATTENDEE))
                .as("at the center").containsExactlyInAnyOrder("Aiko Abe", "Ben Brown");
        String paper = sold.tickets().stream().filter(t -> t.seatId().equals(sorted.get(0))).findFirst().orElseThrow()
                .encoded();
        String gateId = sold.tickets().getFirst().gateId();

        // the gate: the paper ticket is admitted and its name shown beside the green answer
        robot.clickOn("#signOut");
        ui.awaitSignIn();
        ui.signIn("gate", "gate-demo");
        waitFor(60, "the gate workspace", () -> ui.app().shell().main().flatMap(m -> m.workspace(GateWorkspace.class))
                .isPresent());
        waitFor(10, "the gate tab", () -> robot.lookup("#gateCode").tryQuery().isPresent());
        GateViewModel gate = ui.app().shell().main().orElseThrow().workspace(GateWorkspace.class).orElseThrow()
                .viewModel();
        GateTaps.chooseEvent(gate, eventId);
        fx(() -> {
            gate.gateProperty().set(gateId);
            return null;
        });
        robot.clickOn("#gateStartShift");
        waitFor(30, "the shift", () -> gate.stationProperty().get() != null);
        assertThat(visible("#gateAttendees")).as("no name before an answer").isFalse();
        robot.clickOn("#gateCode").write(paper).type(KeyCode.ENTER);
        waitFor(20, "admitted", () -> !gate.checkingProperty().get() && gate.answerProperty().get() != null
                && gate.answerProperty().get().scan().verdict() == Verdict.ADMITTED);
        assertThat(ui.text("#gateHeadline")).isEqualTo("ADMITTED");
        waitFor(5, "the name beside the green answer", () -> ui.text("#gateAttendees")
                .equals("Name on the ticket: Aiko Abe"));
        assertThat(visible("#gateAttendees")).isTrue();
        Screenshots.take(ui.scene(), "82-gate-attendee-name");
        robot.clickOn("#languageJapanese");
        waitFor(5, "Japanese texts", () -> ui.text("#gateAttendees").equals("来場者名: Aiko Abe"));
        Screenshots.take(ui.scene(), "82-gate-attendee-name-ja");
        robot.clickOn("#languageEnglish");

        // the same ticket again: red, and no name shown with a refusal
        robot.clickOn("#gateCode").write(paper).type(KeyCode.ENTER);
        waitFor(20, "refused", () -> !gate.checkingProperty().get()
                && gate.answerProperty().get().scan().verdict() == Verdict.ALREADY_USED);
        waitFor(5, "no name with a refusal", () -> !visible("#gateAttendees"));
    }

    private boolean visible(String selector) throws Exception {
        return fx(() -> robot.lookup(selector).tryQuery().map(Node::isVisible).orElse(false));
    }
}
