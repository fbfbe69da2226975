package dev.tessera.desktop.member;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.transfer.TransferService;
import dev.tessera.contract.sales.PaymentMethod;
import dev.tessera.core.model.CustomerAuth;
import dev.tessera.client.CenterProblemException;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.sales.ConfirmSale;
import dev.tessera.contract.sales.Customer;
import dev.tessera.contract.sales.Payment;
import dev.tessera.desktop.counter.ChipDesk;
import dev.tessera.desktop.counter.VirtualChips;
import dev.tessera.desktop.counter.VirtualChips.VirtualChip;
import dev.tessera.desktop.gate.GateFixtures;
import dev.tessera.desktop.member.MemberViewModel.TicketState;
import dev.tessera.desktop.support.TestCenter;
import dev.tessera.desktop.ui.CurrentThreadTaskExecutor;
import dev.tessera.desktop.ui.DialogService;
import dev.tessera.desktop.ui.Message;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The member's view model without a stage, on the embedded center and simulated chips: a wrong transfer password
 * three times locks the transfer, each attempt's password leaves the form at once, and the refusals are sentences.
 */
class MemberViewModelTest {
    private static final String PASSWORD = "member-password";

    @Test
    void threeWrongTransferPasswordsLockTheTransferAndNoPasswordStaysInTheForm(@TempDir Path dir) throws Exception {
        try (TestCenter center = TestCenter.start(dir); VirtualChips tray = new VirtualChips(new SecureRandom())) {
            CenterSession clerk = center.clerk();
            String aLogin = "ann-" + UUID.randomUUID().toString().substring(0, 6);
            String bLogin = "ben-" + UUID.randomUUID().toString().substring(0, 6);
            long ann = clerk.registerMember(aLogin, PASSWORD, "Ann Abe").accountId();
            long ben = clerk.registerMember(bLogin, PASSWORD, "Ben Bando").accountId();
            VirtualChip annCard = card(clerk, tray, ann);
            card(clerk, tray, ben);
            long eventId = center.demoEvent(clerk).id();
            var map = clerk.seatMap(center.demoEvent(clerk).venueId(), center.demoEvent(clerk).seatMapVersion());
            tray.put(annCard);
            String ticket = GateFixtures.sale(clerk, eventId, map.sections().getFirst().rows().get(5).seats().get(2).id(),
                    tray.tap()).tickets().getFirst().ticketId();
            tray.takeOff();

            CenterSession annAtHome = center.signIn(aLogin, PASSWORD);
            MemberViewModel annWallet = wallet(annAtHome, tray);
            annWallet.load();
            assertThat(annWallet.tickets()).extracting(MemberViewModel.TicketRow::state)
                    .containsExactly(TicketState.TO_WRITE);
            annWallet.chosenTickets().setAll(annWallet.tickets());
            annWallet.assigneeLoginProperty().set("nobody-" + UUID.randomUUID());
            annWallet.transferPasswordProperty().set("short");
            annWallet.startTransfer();
            assertThat(annWallet.messageProperty().get()).isEqualTo(Message.of("member.transfer.shortPassword"));
            annWallet.transferPasswordProperty().set("right-password");
            annWallet.startTransfer();
            assertThat(annWallet.messageProperty().get()).isEqualTo(Message.of("member.transfer.noSuchMember"));
            assertThat(annWallet.transferPasswordProperty().get()).as("cleared once sent, refused or not").isEmpty();
            annWallet.assigneeLoginProperty().set(bLogin);
            annWallet.transferPasswordProperty().set("right-password");
            annWallet.startTransfer();
            assertThat(annWallet.failedProperty().get()).isFalse();
            assertThat(annWallet.tickets()).extracting(MemberViewModel.TicketRow::state)
                    .containsExactly(TicketState.TRANSFER_PENDING);

            MemberViewModel benWallet = wallet(center.signIn(bLogin, PASSWORD), tray);
            benWallet.load();
            assertThat(benWallet.transfers()).hasSize(1);
            benWallet.incomingProperty().set(benWallet.transfers().getFirst());
            for (int left = TransferService.MAX_FAILED_ATTEMPTS - 1; left >= 1; left--) {
                benWallet.acceptPasswordProperty().set("wrong-" + left);
                benWallet.acceptTransfer();
                assertThat(benWallet.messageProperty().get()).isEqualTo(Message.of("member.accept.wrong", left));
                assertThat(benWallet.acceptPasswordProperty().get()).isEmpty();
            }
            benWallet.acceptPasswordProperty().set("wrong-last");
            benWallet.acceptTransfer();
            assertThat(benWallet.messageProperty().get()).isEqualTo(Message.of("member.accept.locked"));
            benWallet.acceptPasswordProperty().set("right-password");
            benWallet.acceptTransfer();
            assertThat(benWallet.messageProperty().get()).as("locked even for the right password")
                    .isEqualTo(Message.of("member.accept.locked"));
            assertThat(benWallet.acceptPasswordProperty().get()).isEmpty();
            assertThat(annAtHome.myTickets()).extracting(t -> t.ticketId() + " " + t.state())
                    .containsExactly(ticket + " TRANSFER_PENDING");

            // issue 14: Ann takes her offer back while it is pending; Ben can no longer accept it
            benWallet.cancelTransfer();
            assertThat(benWallet.messageProperty().get()).as("an offer to me is not mine to take back")
                    .isEqualTo(Message.of("member.cancelTransfer.pick"));
            annWallet.load();
            annWallet.incomingProperty().set(annWallet.transfers().getFirst());
            annWallet.cancelTransfer();
            assertThat(annWallet.failedProperty().get()).as(String.valueOf(annWallet.messageProperty().get())).isFalse();
            assertThat(annWallet.messageProperty().get().key()).isEqualTo("member.cancelTransfer.done");
            assertThat(annWallet.transfers()).isEmpty();
            assertThat(annWallet.tickets()).extracting(MemberViewModel.TicketRow::state)
                    .containsExactly(TicketState.TO_WRITE);
            benWallet.load();
            assertThat(benWallet.transfers()).as("the offer left Ben's list").isEmpty();
        }
    }

    /** Issue 18: My tickets names a standing ticket's area, and a seat by section, row and seat, from one sale. */
    @Test
    void myTicketsNameAStandingPlacesAreaAndASeatBySectionRowAndSeat(@TempDir Path dir) throws Exception {
        try (TestCenter center = TestCenter.start(dir); VirtualChips tray = new VirtualChips(new SecureRandom())) {
            long eventId = GateFixtures.tonightsStanding(center.connection().embeddedCenter().orElseThrow().services(), 50);
            CenterSession clerk = center.clerk();
            String login = "sara-" + UUID.randomUUID().toString().substring(0, 6);
            long sara = clerk.registerMember(login, PASSWORD, "Sara Sato").accountId();
            VirtualChip card = card(clerk, tray, sara);
            var event = clerk.event(eventId);
            var map = clerk.seatMap(event.venueId(), event.seatMapVersion());
            var section = map.sections().getFirst();
            var row = section.rows().get(2);
            var seat = row.seats().get(7);
            tray.put(card);
            var proof = ChipDesk.proveMemberCard(tray.tap(), clerk);
            long hold = clerk.hold(eventId, List.of(seat.id()), Map.of(GateFixtures.PIT, 2)).id();
            clerk.confirmSale(new ConfirmSale(hold, new Customer(CustomerAuth.MEMBER_CARD, null, null, proof.chipId(),
                    proof.challengeId(), proof.signature()), new Payment(PaymentMethod.CASH, null, 100_000L), List.of()));
            tray.takeOff();

            MemberViewModel wallet = wallet(center.signIn(login, PASSWORD), tray);
            wallet.load();
            assertThat(wallet.tickets()).extracting(MemberViewModel.TicketRow::place).containsExactlyInAnyOrder(
                    section.name() + " \u00b7 " + row.label() + " \u00b7 " + seat.label(), "Standing pit", "Standing pit");
        }
    }

    @Test
    void anExpiredOrTakenTransferIsSaidInWords() {
        MemberViewModel vm = new MemberViewModel(null, null, new CurrentThreadTaskExecutor(), null);
        assertThat(vm.describe(problem(409, "transfer-expired", "transfer 7 expired")))
                .isEqualTo(Message.of("member.accept.expired"));
        assertThat(vm.describe(problem(409, "transfer-not-pending", "transfer 7 is CANCELLED")))
                .isEqualTo(Message.of("member.accept.gone"));
        assertThat(vm.describe(problem(409, "chip-blocked", "chip 0a is blocked")))
                .isEqualTo(Message.of("member.card.blocked"));
        assertThat(vm.describe(problem(403, "wrong-transfer-password", "the transfer password is wrong; 1 attempts left")))
                .isEqualTo(Message.of("member.accept.wrong", 1));
    }

    private static CenterProblemException problem(int status, String kind, String detail) {
        return new CenterProblemException(status, "https://tessera.dev/problems/" + kind, "Refused", detail);
    }

    private static MemberViewModel wallet(CenterSession session, VirtualChips tray) {
        return new MemberViewModel(session, new MemberCards(session, MemberCards.tray(tray)),
                new CurrentThreadTaskExecutor(), (DialogService) null);
    }

    private static VirtualChip card(CenterSession clerk, VirtualChips tray, long memberId) throws Exception {
        VirtualChip blank = tray.addBlank("chip " + memberId);
        tray.put(blank);
        String chipId = new ChipDesk(clerk).issueMemberCard(tray.tap(), memberId);
        tray.takeOff();
        return tray.issued(blank, "member " + memberId, chipId);
    }
}
