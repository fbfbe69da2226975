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
import dev.tessera.desktop.counter.ChipDesk;
import dev.tessera.desktop.counter.VirtualChips;
import dev.tessera.desktop.counter.VirtualChips.VirtualChip;
import dev.tessera.desktop.gate.GateFixtures;
import dev.tessera.desktop.member.MemberViewModel;
import dev.tessera.desktop.member.MemberViewModel.TicketRow;
import dev.tessera.desktop.member.MemberViewModel.TicketState;
import dev.tessera.desktop.shell.MemberWorkspace;
import dev.tessera.desktop.support.AppUnderTest;
import dev.tessera.desktop.support.ChipLook;
import dev.tessera.desktop.support.ConfirmDialog;
import dev.tessera.desktop.support.Screenshots;
import dev.tessera.reader.wallet.StoredTicket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Issue 14, headless on the embedded center and the simulated tray: the organizer moves tonight's performance ten
 * minutes later (typed dates, a confirmation); the ticket on a member's card is re-issued for the new dates (version 2)
 * and the old copy is refused at the gate. The member signs in, My tickets shows the new start and the new copy
 * waiting to be written; one tap writes it, and the gate admits it.
 */
class EventMoveFlowTest {
    private static final String PASSWORD = "mika-member-password";

    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest();
    private final FxRobot robot = ui.robot();

    @Test
    void theOrganizerMovesAnEventTheMemberWritesTheNewCopyAndTheGateAdmitsOnlyIt(@TempDir Path data) throws Exception {
        walk(data);
    }

    private void walk(Path data) throws Exception {
        TesseraApp app = ui.start(data);
        PlatformCenter center = ui.embeddedCenter();
        long eventId = GateFixtures.tonightsPerformance(center.services());
        String login = "mika-" + UUID.randomUUID().toString().substring(0, 6);
        try (CenterClient boxOffice = new CenterClient(center.baseUri())) {
            CenterSession clerk = boxOffice.signIn("clerk", "clerk-demo");
            long mikaId = clerk.registerMember(login, PASSWORD, "Mika Mori").accountId();
            // Mika's wallet opens the simulated reader's tray, which lives as long as the app
            ui.signIn(login, PASSWORD);
            memberWorkspace(app);
            VirtualChips tray = app.shell().chipTray().orElseThrow();
            EventInfo tonight = clerk.event(eventId);
            String seat = clerk.seatMap(tonight.venueId(), tonight.seatMapVersion()).sections().getFirst().rows()
                    .get(4).seats().get(2).id();
            VirtualChip card;
            IssuedTicket sold;
            synchronized (tray) {
                VirtualChip blank = tray.addBlank("Mika's card");
                tray.put(blank);
                card = tray.issued(blank, "Mika Mori", new ChipDesk(clerk).issueMemberCard(tray.tap(), mikaId));
                var sale = GateFixtures.sale(clerk, eventId, seat, tray.tap());
                sold = sale.tickets().getFirst();
                new ChipDesk(clerk).write(tray.tap(), card.chipId(), sale.tickets(), ChipDesk.Entitlement.sale(sale.saleId()));
                tray.takeOff();
            }

            // the organizer moves the performance ten minutes later: the doors stay open, so the gate can tell
            robot.clickOn("#signOut");
            ui.awaitSignIn();
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
            Duration later = Duration.ofMinutes(10);
            Instant doors = tonight.doorsOpen().plus(later);
            Instant starts = tonight.startsAt().plus(later);
            Instant ends = tonight.endsAt().plus(later);
            ZoneId zone = ZoneId.systemDefault();
            retype("#moveDoorsOpen", EventFormat.dateTime(doors, zone));
            retype("#moveStartsAt", EventFormat.dateTime(starts, zone));
            retype("#moveEndsAt", EventFormat.dateTime(ends, zone));
            robot.clickOn("#eventChangeReason").write("the stage needs ten more minutes");
            robot.clickOn("#moveEvent");
            assertThat(ConfirmDialog.answer(robot, KeyCode.ENTER))
                    .startsWith("Move " + tonight.name() + " to " + EventFormat.dateTime(starts, zone) + "?");
            waitFor(20, "moved", () -> ui.text("#eventChangeStatus")
                    .equals(tonight.name() + " is moved; 1 ticket was re-issued for the new dates."));
            EventInfo moved = clerk.event(eventId);
            assertThat(moved.startsAt()).isEqualTo(starts);
            assertThat(moved.doorsOpen()).isEqualTo(doors);
            Screenshots.take(ui.scene(), "78-organizer-event-moved");

            CenterSession gate = boxOffice.signIn("gate", "gate-demo");
            assertThat(gate.reportScan(new Scan(eventId, sold.gateId(), sold.encoded(), card.chipId(), null))
                    .verdict().name()).as("the old copy at the gate").isEqualTo("REVOKED");

            // the member sees the new date and the new copy waiting, and writes it in one tap
            robot.clickOn("#signOut");
            ui.awaitSignIn();
            ui.signIn(login, PASSWORD);
            MemberViewModel mika = memberWorkspace(app);
            waitFor(20, "the moved ticket waiting to be written", () -> fx(() -> mika.tickets().stream()
                    .map(TicketRow::state).toList()).equals(List.of(TicketState.TO_WRITE)));
            TicketRow row = fx(() -> mika.tickets().getFirst());
            assertThat(row.startsAt()).as("My tickets shows the new start").isEqualTo(starts);
            assertThat(row.version()).as("the re-issued version").isEqualTo(2);
            Screenshots.take(ui.scene(), "78-member-event-moved");
            robot.clickOn("#memberWrite");
            waitFor(30, "written", () -> fx(() -> mika.tickets().stream().map(TicketRow::state).toList())
                    .equals(List.of(TicketState.ON_CARD)));
            List<StoredTicket> onCard;
            synchronized (tray) {
                tray.put(card);
                onCard = ChipLook.list(tray.tap(), center);
                tray.takeOff();
            }
            assertThat(onCard).extracting(StoredTicket::version).containsExactly(2);
            IssuedTicket reissued = clerk.chipTickets(card.chipId()).tickets().getFirst();
            assertThat(reissued.version()).isEqualTo(2);
            assertThat(gate.reportScan(new Scan(eventId, reissued.gateId(), reissued.encoded(), card.chipId(), null))
                    .verdict().name()).as("the new copy at the gate").isEqualTo("ADMITTED");
            assertThat(gate.reportScan(new Scan(eventId, sold.gateId(), sold.encoded(), card.chipId(), null))
                    .verdict().name()).as("the old copy, still").isEqualTo("REVOKED");
            Screenshots.take(ui.scene(), "78-member-event-moved-written");
        }
    }

    private MemberViewModel memberWorkspace(TesseraApp app) throws Exception {
        waitFor(60, "the member workspace", () -> app.shell().main().flatMap(m -> m.workspace(MemberWorkspace.class))
                .isPresent() && robot.lookup("#memberTickets").tryQuery().isPresent());
        return fx(() -> app.shell().main().orElseThrow().workspace(MemberWorkspace.class).orElseThrow().viewModel());
    }

    private void retype(String field, String text) {
        robot.doubleClickOn(field);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
    }
}
