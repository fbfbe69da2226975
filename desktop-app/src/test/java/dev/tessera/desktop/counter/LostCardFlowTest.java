package dev.tessera.desktop.counter;

import static dev.tessera.desktop.support.Fx.fx;
import static dev.tessera.desktop.support.Fx.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.PlatformCenter;
import dev.tessera.contract.sales.PaymentMethod;
import dev.tessera.core.model.ChipStatus;
import dev.tessera.core.model.CustomerAuth;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.sales.ConfirmSale;
import dev.tessera.contract.sales.Customer;
import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.contract.sales.Payment;
import dev.tessera.contract.gate.Scan;
import dev.tessera.contract.member.MemberCard;
import dev.tessera.contract.member.MemberFound;
import dev.tessera.desktop.counter.VirtualChips.VirtualChip;
import dev.tessera.desktop.gate.GateFixtures;
import dev.tessera.desktop.support.AppUnderTest;
import dev.tessera.desktop.support.ChipLook;
import dev.tessera.desktop.support.ConfirmDialog;
import dev.tessera.desktop.support.Screenshots;
import dev.tessera.reader.wallet.StoredTicket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Issue 14 at the counter, through the real screens on the embedded center and the simulated tray: a member comes to
 * the box office without her card (stolen). The clerk finds her by name in the Lost card tab, first presses Esc at the
 * confirmation (nothing happens), then blocks the card with Enter: the center has it blocked and the gate refuses its
 * seat and its standing ticket. A blank chip on the reader becomes her new card once she typed her own password (a
 * wrong one moves nothing and leaves the field); both tickets are re-issued (version 2), written there and admitted
 * at the gate, while the old card's copies stay refused (issue 18: a standing ticket re-issued after a lost card).
 */
class LostCardFlowTest {
    private static final String PASSWORD = "lena-member-password";

    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest();
    private final FxRobot robot = ui.robot();

    @Test
    void clerkBlocksAStolenCardAndMovesItsSeatAndStandingTicketToANewCardInTheSameVisit(@TempDir Path data)
            throws Exception {
        walk(data);
    }

    private void walk(Path data) throws Exception {
        ui.start(data);
        ui.signIn("clerk", "clerk-demo");
        PlatformCenter center = ui.app().shell().connection().orElseThrow().embeddedCenter().orElseThrow();
        long eventId = GateFixtures.tonightsStanding(center.services(), 50);
        ui.openCounter();
        VirtualChips tray = ui.app().shell().chipTray().orElseThrow();
        String login = "lena-" + UUID.randomUUID().toString().substring(0, 6);
        String name = "Lena Lindqvist " + login.substring(5);

        try (CenterClient boxOffice = new CenterClient(ui.app().shell().connection().orElseThrow().baseUri())) {
            // earlier visit: Lena's card, a seat and a standing place sold to it
            CenterSession clerk = boxOffice.signIn("clerk", "clerk-demo");
            long lenaId = clerk.registerMember(login, PASSWORD, name).accountId();
            VirtualChip lost;
            List<IssuedTicket> sold;
            synchronized (tray) {
                VirtualChip blank = tray.addBlank("Lena's card");
                tray.put(blank);
                String chipId = new ChipDesk(clerk).issueMemberCard(tray.tap(), lenaId);
                lost = tray.issued(blank, name, chipId);
                EventInfo event = clerk.event(eventId);
                SeatMap map = clerk.seatMap(event.venueId(), event.seatMapVersion());
                String seat = map.sections().getFirst().rows().get(2).seats().get(7).id();
                var proof = ChipDesk.proveMemberCard(tray.tap(), clerk);
                long hold = clerk.hold(eventId, List.of(seat), Map.of(GateFixtures.PIT, 1)).id();
                var sale = clerk.confirmSale(new ConfirmSale(hold, new Customer(CustomerAuth.MEMBER_CARD, null, null,
                        proof.chipId(), proof.challengeId(), proof.signature()), new Payment(PaymentMethod.CASH, null, 100_000L),
                        List.of()));
                sold = sale.tickets();
                new ChipDesk(clerk).write(tray.tap(), chipId, sold, ChipDesk.Entitlement.sale(sale.saleId()));
                tray.takeOff();
            }
            assertThat(sold).extracting(IssuedTicket::generalAdmission).containsExactlyInAnyOrder(false, true);
            CenterSession gate = boxOffice.signIn("gate", "gate-demo");

            // today: the card was stolen; the clerk finds Lena by part of her name
            robot.clickOn(tabNamed("Lost card"));
            robot.clickOn("#lostCardQuery").write("lindqvist " + login.substring(5)).type(KeyCode.ENTER);
            LostCardViewModel vm = ui.app().shell().main().orElseThrow().counterProperty().get().lostCard();
            waitFor(20, "Lena found", () -> fx(() -> vm.memberProperty().get()) != null);
            assertThat(ui.text("#lostCardStatus")).isEqualTo("1 member found. Choose the member, then the card.");
            assertThat(fx(() -> vm.cardProperty().get().chipId())).isEqualTo(lost.chipId());
            assertThat(cellTexts("#lostCardCards")).containsExactly("Card " + CounterFailures.shortChip(lost.chipId())
                    + " · active · 2 valid tickets");

            robot.clickOn("#lostCardReason").write("stolen on the train");
            robot.clickOn("#lostCardBlock");
            String asked = ConfirmDialog.answer(robot, KeyCode.ESCAPE);
            assertThat(asked).isEqualTo("Block card " + CounterFailures.shortChip(lost.chipId()) + " of " + name
                    + "? Its 2 valid tickets are refused at every gate at once. Transfers it started are cancelled, and"
                    + " the card can never be used again. Its tickets can then be moved to a new card.");
            assertThat(card(clerk, name, lost.chipId()).status()).as("Esc blocks nothing").isEqualTo(ChipStatus.ACTIVE);

            robot.clickOn("#lostCardReason").type(KeyCode.ENTER);
            ConfirmDialog.answer(robot, KeyCode.ENTER);
            waitFor(20, "the card blocked", () -> ui.text("#lostCardStatus").startsWith("Card "
                    + CounterFailures.shortChip(lost.chipId()) + " is blocked; 2 tickets were on it."));
            assertThat(card(clerk, name, lost.chipId()).status()).isEqualTo(ChipStatus.BLOCKED);
            assertThat(fx(() -> vm.reasonProperty().get())).isEmpty();
            for (IssuedTicket t : sold) {
                assertThat(gate.reportScan(new Scan(eventId, t.gateId(), t.encoded(), lost.chipId(), null))
                        .verdict().name()).as("the stolen card's copy at the gate").isEqualTo("REVOKED");
            }
            waitFor(10, "the card shown blocked", () -> cellTexts("#lostCardCards").equals(List.of("Card "
                    + CounterFailures.shortChip(lost.chipId()) + " · blocked · 2 tickets to move")));
            Screenshots.take(ui.scene(), "75-lostcard-blocked");

            // a blank chip on the reader; Lena types a wrong password first
            VirtualChip blank = tray.addBlank("Lena's new card");
            tray.put(blank);
            robot.clickOn("#lostCardPassword").write("not-her-password").type(KeyCode.ENTER);
            waitFor(20, "the wrong password refused", () -> ui.text("#lostCardStatus")
                    .equals("That is not the member's password. Nothing was moved; the member may type it again."));
            assertThat(fx(() -> robot.lookup("#lostCardPassword").queryAs(PasswordField.class).getText())).isEmpty();
            assertThat(card(clerk, name, lost.chipId()).validTickets()).as("nothing moved").isEqualTo(2);

            robot.clickOn("#lostCardPassword").write(PASSWORD).type(KeyCode.ENTER);
            waitFor(30, "moved and written", () -> ui.text("#lostCardStatus").startsWith("2 tickets moved to card "));
            assertThat(fx(() -> robot.lookup("#lostCardPassword").queryAs(PasswordField.class).getText()))
                    .as("the password leaves the screen").isEmpty();
            VirtualChip newCard = tray.chips().stream().filter(c -> c.number() == blank.number()).findFirst()
                    .orElseThrow();
            assertThat(newCard.chipId()).as("the blank chip is Lena's card now").isNotNull();
            assertThat(newCard.owner()).isEqualTo(name);
            assertThat(ui.text("#lostCardStatus")).isEqualTo("2 tickets moved to card "
                    + CounterFailures.shortChip(newCard.chipId()) + "; 2 tickets written there. The old card's copies"
                    + " are refused at the gates.");
            MemberCard now = card(clerk, name, newCard.chipId());
            assertThat(now.status()).isEqualTo(ChipStatus.ACTIVE);
            assertThat(now.validTickets()).isEqualTo(2);
            assertThat(card(clerk, name, lost.chipId()).validTickets()).isZero();
            waitFor(10, "both cards listed", () -> cellTexts("#lostCardCards").size() == 2);
            Screenshots.take(ui.scene(), "76-lostcard-moved");

            List<IssuedTicket> reissued = clerk.chipTickets(newCard.chipId()).tickets();
            assertThat(reissued).extracting(IssuedTicket::version).containsOnly(2);
            assertThat(reissued).extracting(IssuedTicket::ticketId)
                    .containsExactlyInAnyOrderElementsOf(sold.stream().map(IssuedTicket::ticketId).toList());
            List<StoredTicket> onNew;
            synchronized (tray) {
                tray.put(newCard);
                onNew = ChipLook.list(tray.tap(), center);
                tray.takeOff();
            }
            assertThat(ChipLook.ids(onNew)).containsExactlyInAnyOrderElementsOf(ChipLook.onCard(newCard.chipId(),
                    reissued.stream().map(IssuedTicket::ticketId).toList()));
            assertThat(onNew).extracting(StoredTicket::version).containsOnly(2);
            for (IssuedTicket t : reissued) {
                var answer = gate.reportScan(new Scan(eventId, t.gateId(), t.encoded(), newCard.chipId(), null));
                assertThat(answer.verdict().name()).as((t.generalAdmission() ? "standing " : "seat ") + answer.reason())
                        .isEqualTo("ADMITTED");
            }
            for (IssuedTicket t : sold) {
                assertThat(gate.reportScan(new Scan(eventId, t.gateId(), t.encoded(), lost.chipId(), null))
                        .verdict().name()).as("the old copy after the move").isEqualTo("REVOKED");
            }

            robot.clickOn("#languageJapanese");
            waitFor(5, "Japanese texts", () -> robot.lookup("#lostCardBlock").queryButton().getText().equals("カードを停止"));
            Screenshots.take(ui.scene(), "77-lostcard-ja");
        }
    }

    /** The member's card as the counter's search shows it. */
    private static MemberCard card(CenterSession clerk, String name, String chipId) {
        MemberFound member = clerk.findMembers(name).getFirst();
        return member.cards().stream().filter(c -> c.chipId().equals(chipId)).findFirst().orElseThrow();
    }

    private List<String> cellTexts(String list) throws Exception {
        return fx(() -> robot.lookup(list + " .list-cell").queryAll().stream()
                .map(n -> ((javafx.scene.control.ListCell<?>) n).getText()).filter(t -> t != null).toList());
    }

    private javafx.scene.Node tabNamed(String tab) {
        return robot.lookup(".tab-label").match(n -> n instanceof Label l && tab.equals(l.getText())).query();
    }
}
