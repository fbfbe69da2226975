package dev.tessera.desktop.counter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tessera.core.model.LedgerKind;
import dev.tessera.core.model.Hold;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.ledger.CrashPoints;
import dev.tessera.contract.sales.ConfirmSale;
import dev.tessera.contract.sales.Customer;
import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.contract.sales.Payment;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.contract.sales.Voided;
import dev.tessera.reader.wallet.WalletCard;
import dev.tessera.reader.wallet.WalletException;
import java.util.List;

/**
 * Flow 2, one online sale, step by step: hold at the center, confirm, journal, write the chip. The
 * order is the crash-safety argument: a sale is in the ledger before the chip is written; the intent
 * to sell is in the ledger before the center is asked, so a restart can find out what happened.
 * Blocking; the view model runs each step in the background.
 */
public final class SalePipeline {
    private final CenterSession center;
    private final Journal journal;
    private final ChipDesk chips;

    public SalePipeline(CenterSession center, Journal journal, ChipDesk chips) {
        this.center = center;
        this.journal = journal;
        this.chips = chips;
    }

    /** Claim 32: the seats are held at the center until the sale or the hold's end. */
    public Hold holdSeats(long eventId, List<String> seatIds) {
        CrashPoints.reach("hold.before-center");
        return journalHold(center.hold(eventId, seatIds));
    }

    /** Claim 62: the best {@code count} seats together in the category. */
    /** Issue 18: seats and standing places (per area id) held together, for one mixed sale. */
    public Hold holdMixed(long eventId, List<String> seatIds, java.util.Map<String, Integer> areas) {
        CrashPoints.reach("hold.before-center");
        return journalHold(center.hold(eventId, seatIds, areas));
    }

    public Hold holdBest(long eventId, int count, String categoryId) {
        CrashPoints.reach("hold.before-center");
        return journalHold(center.holdBestAvailable(eventId, count, categoryId));
    }

    private Hold journalHold(Hold hold) {
        CrashPoints.reach("hold.after-center");
        ObjectNode p = Journal.payload("HOLD").put("holdId", hold.id()).put("eventId", hold.eventId())
                .put("expiresAt", hold.expiresAt().toString());
        hold.seatIds().forEach(p.putArray("seatIds")::add);
        if (!hold.areas().isEmpty()) {
            hold.areas().forEach(p.putObject("areas")::put);
        }
        journal.append(LedgerKind.HOLD, p);
        CrashPoints.reach("hold.after-journal");
        return hold;
    }

    public void release(Hold hold) {
        CrashPoints.reach("release.before-center");
        center.releaseHold(hold.id());
        journal.append(LedgerKind.HOLD, Journal.payload("HOLD_RELEASED").put("holdId", hold.id()));
        CrashPoints.reach("release.after-journal");
    }

    /** Claim 29 g-j: the center registers the issuing info and forms the tickets; they go to the ledger at once. */
    public SaleResult confirm(Hold hold, Customer customer, Payment payment) {
        return confirm(hold, customer, payment, List.of());
    }

    /** The same, with the attendee names the customer gave (claim 70), in the hold's seat order, then its places. */
    public SaleResult confirm(Hold hold, Customer customer, Payment payment, List<String> attendees) {
        return confirm(hold, customer, payment, attendees, null);
    }

    /** The same, with how the customer can be reached (issue 17), null when they gave nothing. */
    public SaleResult confirm(Hold hold, Customer customer, Payment payment, List<String> attendees,
                              dev.tessera.contract.sales.Contact contact) {
        ObjectNode intent = Journal.payload("SALE_STARTED").put("holdId", hold.id()).put("eventId", hold.eventId())
                .put("chipId", customer.chipId()).put("auth", customer.auth().name())
                .put("paymentMethod", payment.method().name());
        CrashPoints.reach("sale.before-intent");
        journal.append(LedgerKind.SALE, intent);
        CrashPoints.reach("sale.before-center");
        SaleResult sale = center.confirmSale(new ConfirmSale(hold.id(), customer, payment, attendees, contact));
        CrashPoints.reach("sale.after-center");
        journalSale(sale, customer.chipId(), false);
        CrashPoints.reach("sale.after-journal");
        return sale;
    }

    void journalSale(SaleResult sale, String chipId, boolean recovered) {
        ObjectNode p = Journal.payload("SALE").put("saleId", sale.saleId()).put("holdId", sale.holdId())
                .put("eventId", sale.eventId()).put("chipId", chipId).put("totalMinor", sale.totalMinor())
                .put("currency", sale.currency()).put("paymentMethod", sale.paymentMethod()).put("recovered", recovered);
        p.set("tickets", Journal.JSON.valueToTree(sale.tickets()));
        journal.append(LedgerKind.SALE, p);
    }

    /** Claims 35, 72: the sold tickets onto the customer's chip; a retried tap writes only what is missing. */
    public ChipDesk.Written issue(SaleResult sale, String chipId, WalletCard card) throws WalletException {
        return issue(sale.saleId(), chipId, sale.tickets(), card);
    }

    public ChipDesk.Written issue(long saleId, String chipId, List<IssuedTicket> tickets, WalletCard card)
            throws WalletException {
        CrashPoints.reach("issue.before-write");
        ChipDesk.Written written = chips.write(card, chipId, tickets, ChipDesk.Entitlement.sale(saleId));
        CrashPoints.reach("issue.after-write");
        ObjectNode p = Journal.payload("ISSUE").put("saleId", saleId).put("chipId", chipId)
                .put("written", written.written()).put("alreadyThere", written.alreadyThere());
        tickets.forEach(t -> p.withArray("ticketIds").add(t.ticketId()));
        journal.append(LedgerKind.ISSUE, p);
        CrashPoints.reach("issue.after-journal");
        return written;
    }

    /** Voids a ticket at the center with the clerk's reason; the seat is for sale again. */
    public Voided voidTicket(String ticketId, String reason, boolean refund) {
        Voided voided = center.voidTicket(ticketId, reason, refund);
        journal.append(LedgerKind.VOID, Journal.payload("VOID").put("ticketId", ticketId).put("reason", reason)
                .put("refund", refund).put("saleId", voided.saleId()));
        return voided;
    }

    public Journal journal() {
        return journal;
    }
}
