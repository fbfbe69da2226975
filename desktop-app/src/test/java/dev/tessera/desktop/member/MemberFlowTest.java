package dev.tessera.desktop.member;

import static dev.tessera.desktop.support.Fx.fx;
import static dev.tessera.desktop.support.Fx.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.PlatformCenter;
import dev.tessera.core.seatmap.SeatMap;
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
import dev.tessera.desktop.member.MemberViewModel.CardRow;
import dev.tessera.desktop.member.MemberViewModel.TicketRow;
import dev.tessera.desktop.member.MemberViewModel.TicketState;
import dev.tessera.desktop.member.MemberViewModel.TransferRow;
import dev.tessera.desktop.shell.MemberWorkspace;
import dev.tessera.desktop.support.AppUnderTest;
import dev.tessera.desktop.support.ConfirmDialog;
import dev.tessera.desktop.support.Screenshots;
import dev.tessera.reader.wallet.StoredTicket;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.ComboBox;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Issue 14 end to end, headless, on the embedded center and the simulated reader's tray: the demo member signs in,
 * sees the tickets the box office sold to her card waiting, writes them in one tap, and transfers one to another
 * member by login id with a transfer password, and offers him the other one too; he signs in, types a wrong password
 * for the second offer three times (refused twice with the attempts left, then locked: even the right password waits
 * out the lock), accepts the first with the right one and finds the ticket on his card. His card is then lost: blocked (the gate refuses its copy) and the ticket
 * moved to his new card (the gate admits the new copy).
 */
class MemberFlowTest {
    private static final String GIFT_PASSWORD = "tempest-gift";
    private static final String BOB_PASSWORD = "bob-member-password";

    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest();
    private final FxRobot robot = ui.robot();

    @Test
    void membersWriteTransferAcceptAndMoveTheTicketsOfALostCard(@TempDir Path data) throws Exception {
        walk(data);
    }

    private void walk(Path data) throws Exception {
        TesseraApp app = ui.start(data);
        PlatformCenter center = ui.embeddedCenter();
        long eventId = GateFixtures.tonightsPerformance(center.services());

        ui.signIn("member", "member-demo");
        MemberViewModel hana = memberWorkspace(app);
        waitFor(20, "no card yet", () -> ui.text("#memberStatus").startsWith("You have no card yet"));
        VirtualChips tray = app.shell().chipTray().orElseThrow();

        // the box office: a card for Hana and one for Bob, two seats sold to Hana's card and not written yet
        try (CenterClient boxOffice = new CenterClient(center.baseUri())) {
            CenterSession clerk = boxOffice.signIn("clerk", "clerk-demo");
            long hanaId = boxOffice.signIn("member", "member-demo").account().accountId();
            String bobLogin = "bob-" + UUID.randomUUID().toString().substring(0, 6);
            long bobId = clerk.registerMember(bobLogin, BOB_PASSWORD, "Bob Baba").accountId();
            VirtualChip hanaCard = memberCard(clerk, tray, "Hana Sato", hanaId);
            VirtualChip bobCard = memberCard(clerk, tray, "Bob Baba", bobId);
            EventInfo event = clerk.event(eventId);
            SeatMap map = clerk.seatMap(event.venueId(), event.seatMapVersion());
            List<String> seats = map.sections().getFirst().rows().get(3).seats().subList(4, 6).stream()
                    .map(s -> s.id()).toList();
            for (String seat : seats) {
                synchronized (tray) {
                    tray.put(hanaCard);
                    GateFixtures.sale(clerk, eventId, seat, tray.tap());
                    tray.takeOff();
                }
            }

            reload();
            waitFor(20, "two tickets waiting to be written", () -> states(hana).equals(
                    List.of(TicketState.TO_WRITE, TicketState.TO_WRITE)));
            assertThat(ui.text("#memberStatus")).isEqualTo(
                    "2 tickets, 2 waiting to be written to your card, no transfer offered to you.");
            Screenshots.take(ui.scene(), "60-member-tickets-waiting");

            // one tap writes both
            robot.clickOn("#memberWrite");
            waitFor(20, "both on the card", () -> states(hana).equals(List.of(TicketState.ON_CARD, TicketState.ON_CARD)));
            assertThat(ui.text("#memberStatus")).isEqualTo("2 tickets written to card "
                    + MemberViewModel.shortChip(hanaCard.chipId()) + ".");
            assertThat(onChip(tray, hanaCard, boxOffice.signIn("member", "member-demo"))).hasSize(2);
            Screenshots.take(ui.scene(), "61-member-tickets-on-card");

            // Hana gives the first ticket to Bob: picked in the list, Bob named by login, a transfer password
            TicketRow first = fx(() -> hana.tickets().getFirst());
            String given = first.ticketId();
            IssuedTicket hanasCopy = boxOffice.signIn("member", "member-demo").chipTickets(hanaCard.chipId()).tickets()
                    .stream().filter(t -> t.ticketId().equals(given)).findFirst().orElseThrow();
            robot.clickOn(robot.lookup("#memberTickets .table-cell").match(
                    (javafx.scene.control.TableCell<?, ?> cell) -> first.place().equals(cell.getText()))
                    .queryAs(javafx.scene.Node.class));
            waitFor(5, "the ticket picked", () -> hana.chosenTickets().equals(List.of(first)));
            robot.clickOn("#memberAssignee").write(bobLogin);
            robot.clickOn("#memberTransferPassword").write(GIFT_PASSWORD);
            robot.clickOn("#memberTransfer");
            waitFor(20, "the transfer offered", () -> ui.text("#memberStatus").startsWith("1 ticket offered to " + bobLogin));
            assertThat(fx(() -> robot.lookup("#memberTransferPassword").queryAs(PasswordField.class).getText()))
                    .as("the transfer password leaves the screen").isEmpty();
            waitFor(20, "the ticket pending", () -> state(hana, given) == TicketState.TRANSFER_PENDING);
            Screenshots.take(ui.scene(), "62-member-transfer-offered");
            TicketRow second = fx(() -> hana.tickets().stream().filter(t -> !t.ticketId().equals(given)).findFirst()
                    .orElseThrow());
            boxOffice.signIn("member", "member-demo").startTransferToMember(second.ticketId(), bobLogin, "other-gift");

            // Bob signs in on the same terminal and sees the offer
            robot.clickOn("#signOut");
            ui.awaitSignIn();
            ui.signIn(bobLogin, BOB_PASSWORD);
            MemberViewModel bob = memberWorkspace(app);
            waitFor(20, "the two offers to Bob", () -> bob.transfers().size() == 2
                    && bob.transfers().stream().allMatch(TransferRow::incoming));
            assertThat(fx(() -> bob.transfers().stream().map(TransferRow::counterpart).distinct().toList()))
                    .containsExactly("Hana Sato");
            Screenshots.take(ui.scene(), "63-member-transfer-incoming");

            // the second offer: three wrong passwords, refused twice, then the transfer locks
            TransferRow locking = pickOffer(bob, second.place());
            for (String expected : List.of("Wrong transfer password. 2 attempts left before the transfer locks.",
                    "Wrong transfer password. 1 attempt left before the transfer locks.",
                    "Too many wrong passwords: this transfer is locked for 15 minutes. Ask the sender for the password again.")) {
                robot.clickOn("#memberAcceptPassword").write("a-wrong-guess").type(KeyCode.ENTER);
                waitFor(20, "refused: " + expected, () -> ui.text("#memberStatus").equals(expected));
                assertThat(fx(() -> robot.lookup("#memberAcceptPassword").queryAs(PasswordField.class).getText())).isEmpty();
                if (expected.startsWith("Wrong")) {
                    Screenshots.take(ui.scene(), "64-member-wrong-password");
                }
            }
            Object lockedAnswer = fx(() -> bob.messageProperty().get());
            robot.clickOn("#memberAcceptPassword").write("other-gift").type(KeyCode.ENTER);
            waitFor(20, "even the right password waits out the lock", () -> bob.messageProperty().get() != lockedAnswer
                    && !bob.busyProperty().get() && ui.text("#memberStatus").startsWith("Too many wrong passwords"));
            assertThat(boxOffice.signIn("member", "member-demo").myTransfers()).as("the offer stays Hana's, locked")
                    .anyMatch(t -> t.transferId() == locking.transferId() && t.locked());
            reload();
            waitFor(20, "the offer shown locked", () -> bob.transfers().stream()
                    .anyMatch(t -> t.transferId() == locking.transferId() && t.locked()));
            Screenshots.take(ui.scene(), "64b-member-transfer-locked");

            // the first offer, with the right password
            pickOffer(bob, first.place());
            robot.clickOn("#memberAcceptPassword").write(GIFT_PASSWORD).type(KeyCode.ENTER);
            waitFor(30, "accepted and written", () -> ui.text("#memberStatus").startsWith("Accepted: ")
                    && ui.text("#memberStatus").endsWith("is now on card " + MemberViewModel.shortChip(bobCard.chipId()) + "."));
            assertThat(fx(() -> robot.lookup("#memberAcceptPassword").queryAs(PasswordField.class).getText())).isEmpty();
            waitFor(20, "Bob's ticket on his card", () -> states(bob).equals(List.of(TicketState.ON_CARD)));
            // the card files the ticket under its id on this chip (card protocol 1.2), read in Bob's own session
            CenterSession bobOwn = boxOffice.signIn(bobLogin, BOB_PASSWORD);
            assertThat(onChip(tray, bobCard, bobOwn)).extracting(StoredTicket::cardTicketId, StoredTicket::version)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(onCard(bobCard, given), 2));
            assertThat(fx(() -> bob.transfers().stream().map(TransferRow::transferId).toList()))
                    .as("only the locked offer is left").containsExactly(locking.transferId());
            Screenshots.take(ui.scene(), "65-member-transfer-accepted");
            // claims 64-66: the assignor's copy is refused at every gate from the moment the assignee accepted
            CenterSession gateAfterTransfer = boxOffice.signIn("gate", "gate-demo");
            assertThat(gateAfterTransfer.reportScan(new Scan(eventId, hanasCopy.gateId(), hanasCopy.encoded(),
                    hanaCard.chipId(), null)).verdict().name()).as("Hana's old copy at the gate").isEqualTo("REVOKED");

            // Bob loses his card; the box office gives him a new one
            CenterSession bobAtHome = boxOffice.signIn(bobLogin, BOB_PASSWORD);
            IssuedTicket oldCopy = bobAtHome.chipTickets(bobCard.chipId()).tickets().getFirst();
            VirtualChip newCard = memberCard(clerk, tray, "Bob Baba (new card)", bobId);
            reload();
            waitFor(20, "both of Bob's cards", () -> bob.cards().size() == 2);
            CardRow lost = fx(() -> bob.cards().stream().filter(c -> c.chipId().equals(bobCard.chipId())).findFirst()
                    .orElseThrow());
            robot.clickOn(robot.lookup("#memberCards .list-cell").match(
                    (javafx.scene.control.ListCell<?> cell) -> lost.equals(cell.getItem())).queryAs(javafx.scene.Node.class));
            waitFor(5, "the lost card chosen", () -> lost.equals(bob.cardProperty().get()));
            robot.clickOn("#memberBlockReason").write("lost on the train");
            robot.clickOn("#memberBlock");
            assertThat(ConfirmDialog.answer(robot, KeyCode.ENTER))
                    .startsWith("Block card " + MemberViewModel.shortChip(bobCard.chipId()) + "?");
            waitFor(20, "the card blocked", () -> ui.text("#memberStatus").equals("Card "
                    + MemberViewModel.shortChip(bobCard.chipId()) + " is blocked; 1 ticket was on it. "
                    + "Move your tickets to your new card below."));
            waitFor(20, "the ticket shown on a blocked card", () -> states(bob).equals(List.of(TicketState.CARD_BLOCKED)));
            CenterSession gate = boxOffice.signIn("gate", "gate-demo");
            assertThat(gate.reportScan(new Scan(eventId, oldCopy.gateId(), oldCopy.encoded(), bobCard.chipId(), null))
                    .verdict().name()).as("the lost card's copy at the gate").isEqualTo("REVOKED");
            Screenshots.take(ui.scene(), "66-member-card-blocked");

            // the ticket moves to the new card, written in the same step
            ComboBox<?> newCards = robot.lookup("#memberNewCard").queryAs(ComboBox.class);
            robot.clickOn(newCards);
            waitFor(5, "the new card offered", () -> newCards.isShowing());
            robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
            waitFor(5, "the new card picked", () -> bob.newCardProperty().get() != null
                    && bob.newCardProperty().get().chipId().equals(newCard.chipId()));
            robot.clickOn("#memberMove");
            waitFor(30, "moved and written", () -> ui.text("#memberStatus").equals("1 ticket moved and written to card "
                    + MemberViewModel.shortChip(newCard.chipId()) + "."));
            waitFor(20, "the ticket on the new card", () -> states(bob).equals(List.of(TicketState.ON_CARD))
                    && fx(() -> bob.tickets().getFirst().chipId()).equals(newCard.chipId()));
            List<StoredTicket> onNew = onChip(tray, newCard, bobAtHome);
            assertThat(onNew).extracting(StoredTicket::cardTicketId, StoredTicket::version)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(onCard(newCard, given), 3));
            IssuedTicket newCopy = bobAtHome.chipTickets(newCard.chipId()).tickets().getFirst();
            assertThat(gate.reportScan(new Scan(eventId, newCopy.gateId(), newCopy.encoded(), newCard.chipId(), null))
                    .verdict().name()).as("the new card's copy at the gate").isEqualTo("ADMITTED");
            assertThat(gate.reportScan(new Scan(eventId, oldCopy.gateId(), oldCopy.encoded(), bobCard.chipId(), null))
                    .verdict().name()).isEqualTo("REVOKED");
            Screenshots.take(ui.scene(), "67-member-tickets-moved");

            robot.clickOn("#languageJapanese");
            waitFor(5, "Japanese texts", () -> robot.lookup("#memberWrite").queryButton().getText().equals("カードに書き込む"));
            Screenshots.take(ui.scene(), "68-member-ja");
        }
    }

    /** Clicks the incoming offer of the ticket at this place in Bob's list of transfers. */
    private TransferRow pickOffer(MemberViewModel vm, String place) throws Exception {
        TransferRow offer = fx(() -> vm.transfers().stream().filter(t -> t.place().equals(place)).findFirst()
                .orElseThrow());
        robot.clickOn(robot.lookup("#memberTransfers .list-cell").match(
                (javafx.scene.control.ListCell<?> cell) -> offer.equals(cell.getItem())).queryAs(javafx.scene.Node.class));
        waitFor(5, "the offer picked", () -> offer.equals(vm.incomingProperty().get()));
        return offer;
    }

    private MemberViewModel memberWorkspace(TesseraApp app) throws Exception {
        waitFor(60, "the member workspace", () -> app.shell().main().flatMap(m -> m.workspace(MemberWorkspace.class))
                .isPresent() && robot.lookup("#memberTickets").tryQuery().isPresent());
        return fx(() -> app.shell().main().orElseThrow().workspace(MemberWorkspace.class).orElseThrow().viewModel());
    }

    /** Ctrl+R in the member workspace: the center's news (cards issued, tickets sold at the box office). */
    private void reload() {
        robot.clickOn("#memberTickets");
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
    }

    private static List<TicketState> states(MemberViewModel vm) throws Exception {
        return fx(() -> vm.tickets().stream().map(TicketRow::state).toList());
    }

    private static TicketState state(MemberViewModel vm, String ticketId) throws Exception {
        return fx(() -> vm.tickets().stream().filter(t -> t.ticketId().equals(ticketId)).findFirst()
                .map(TicketRow::state).orElse(null));
    }

    /** A card issued at the box office on a blank chip of the tray, for an existing member. */
    private static VirtualChip memberCard(CenterSession clerk, VirtualChips tray, String label, long memberId)
            throws Exception {
        synchronized (tray) {
            VirtualChip blank = tray.addBlank(label);
            tray.put(blank);
            String chipId = new ChipDesk(clerk).issueMemberCard(tray.tap(), memberId);
            VirtualChip card = tray.issued(blank, label, chipId);
            tray.takeOff();
            return card;
        }
    }

    /** The ticket's id on this card (card protocol 1.2: per chip, so a transfer's two chips share none). */
    private static UUID onCard(VirtualChip card, String ticketId) {
        return dev.tessera.reader.wallet.CardTicketIds.of(java.util.HexFormat.of().parseHex(card.chipId()),
                UUID.fromString(ticketId));
    }

    private static List<StoredTicket> onChip(VirtualChips tray, VirtualChip card, CenterSession holder) throws Exception {
        synchronized (tray) {
            tray.put(card);
            try {
                return ChipDesk.list(tray.tap(), new ChipDesk(holder).authority(ChipDesk.Entitlement.delivery()));
            } finally {
                tray.takeOff();
            }
        }
    }
}
