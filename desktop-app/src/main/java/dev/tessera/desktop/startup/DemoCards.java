package dev.tessera.desktop.startup;

import dev.tessera.contract.sales.PaymentMethod;
import dev.tessera.core.model.CustomerAuth;
import dev.tessera.center.demo.DemoData;
import dev.tessera.center.demo.DemoData.DemoAccount;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.sales.ConfirmSale;
import dev.tessera.contract.sales.Customer;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.contract.sales.Payment;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.desktop.counter.ChipDesk;
import dev.tessera.desktop.counter.VirtualChips;
import dev.tessera.desktop.counter.VirtualChips.VirtualChip;
import dev.tessera.reader.wallet.WalletException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 14: the demo members' cards on the simulated tray, given at the box office as a clerk gives them: the demo
 * clerk signs in, each demo member without any card gets a blank chip of the tray issued as their card (claim 31,
 * their own password naming the existing account), and the first member's card, while it holds no ticket, gets two seats of
 * today's performance and one of the demo event, sold to the card (which proves itself) and written in the session
 * the center opens for that sale. A tray holding every demo member's card is left as it is, without signing in. Everything goes through the center's HTTP API and the chip's APDUs, as at a counter.
 */
final class DemoCards {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCards.class);
    /** Cash handed over for the demo sale: more than its three tickets cost. */
    private static final long TENDERED = 100_000;

    private final VirtualChips tray;
    private final CenterSession clerk;
    private final ChipDesk desk;

    private DemoCards(VirtualChips tray, CenterSession clerk) {
        this.tray = tray;
        this.clerk = clerk;
        this.desk = new ChipDesk(clerk);
    }

    /**
     * Gives what is missing; a tray whose file could not be read is left alone (its reason is shown at the counter's
     * chip tray). A failure is logged and leaves the app starting: the demo is then tried by hand as README says.
     */
    static void giveMissing(URI center, VirtualChips tray, long todayId, long demoEventId) {
        if (tray.loadProblem().isPresent()) {
            LOG.warn("the demo cards were not given: {}", tray.loadProblem().get());
            return;
        }
        List<DemoAccount> members = DemoData.ACCOUNTS.stream().filter(a -> a.role() == Role.MEMBER).toList();
        if (members.stream().allMatch(m -> onTray(tray, m).isPresent())) {
            return;
        }
        DemoAccount clerkAccount = demoAccount(Role.SELLER);
        try (CenterClient client = new CenterClient(center)) {
            CenterSession clerk = client.signIn(clerkAccount.loginId(), clerkAccount.password());
            DemoCards cards = new DemoCards(tray, clerk);
            // the first member's tickets before the second member's card: both cards there means all was done
            Optional<VirtualChip> first = cards.cardOf(members.getFirst());
            if (first.isPresent()) {
                cards.ticketsOn(first.get(), todayId, demoEventId);
            }
            for (DemoAccount member : members.subList(1, members.size())) {
                cards.cardOf(member);
            }
            clerk.signOut();
        } catch (RuntimeException | WalletException e) {
            LOG.warn("the demo cards could not all be given; the tray keeps what was done", e);
        } finally {
            tray.takeOff();
        }
    }

    private static Optional<VirtualChip> onTray(VirtualChips tray, DemoAccount member) {
        return tray.chips().stream().filter(c -> member.displayName().equals(c.owner()) && c.chipId() != null)
                .findFirst();
    }

    private static DemoAccount demoAccount(Role role) {
        return DemoData.ACCOUNTS.stream().filter(a -> a.role() == role).findFirst().orElseThrow();
    }

    /**
     * The member's card on the tray, issued on a new blank chip when the member has no card at all; a member whose
     * cards are elsewhere (a tray file set aside) gets none here: they block the lost one and get a new one at the
     * counter, as README's lost-card steps say.
     */
    private Optional<VirtualChip> cardOf(DemoAccount member) throws WalletException {
        Optional<VirtualChip> held = onTray(tray, member);
        if (held.isPresent()) {
            return held;
        }
        boolean elsewhere = clerk.findMembers(member.loginId()).stream()
                .anyMatch(found -> found.loginId().equals(member.loginId()) && !found.cards().isEmpty());
        if (elsewhere) {
            LOG.info("demo: {} has a card that is not on the simulated tray; none given", member.loginId());
            return Optional.empty();
        }
        VirtualChip blank = tray.addBlank(member.loginId() + "'s card");
        tray.put(blank);
        long memberId = clerk.registerMember(member.loginId(), member.password(), member.displayName()).accountId();
        String chipId = desk.issueMemberCard(tray.tap(), memberId);
        VirtualChip card = tray.issued(blank, member.displayName(), chipId);
        tray.takeOff();
        LOG.info("demo: {}'s card {} is on the simulated tray", member.loginId(), chipId);
        return Optional.of(card);
    }

    /** Two seats of today's performance and one of the demo event on the card, unless it holds tickets already. */
    private void ticketsOn(VirtualChip card, long todayId, long demoEventId) throws WalletException {
        if (!clerk.chipTickets(card.chipId()).tickets().isEmpty()) {
            return;
        }
        sellTo(card, todayId, 2);
        sellTo(card, demoEventId, 1);
    }

    private void sellTo(VirtualChip card, long eventId, int seats) throws WalletException {
        EventInfo event = clerk.event(eventId);
        SeatMap map = clerk.seatMap(event.venueId(), event.seatMapVersion());
        List<String> picked = map.sections().getFirst().rows().get(4).seats().subList(6, 6 + seats).stream()
                .map(s -> s.id()).toList();
        tray.put(card);
        ChipDesk.MemberCardProof proof = ChipDesk.proveMemberCard(tray.tap(), clerk);
        long hold = clerk.hold(eventId, picked).id();
        SaleResult sale = clerk.confirmSale(new ConfirmSale(hold, new Customer(CustomerAuth.MEMBER_CARD, null, null,
                proof.chipId(), proof.challengeId(), proof.signature()), new Payment(PaymentMethod.CASH, null, TENDERED), List.of()));
        desk.write(tray.tap(), card.chipId(), sale.tickets(), ChipDesk.Entitlement.sale(sale.saleId()));
        tray.takeOff();
        LOG.info("demo: {} ticket(s) of event {} written to card {}", sale.tickets().size(), eventId, card.chipId());
    }
}
