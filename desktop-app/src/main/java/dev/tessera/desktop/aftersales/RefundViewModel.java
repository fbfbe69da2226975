package dev.tessera.desktop.aftersales;

import dev.tessera.contract.sales.RefundMethod;
import dev.tessera.desktop.ui.Feedback;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tessera.core.model.LedgerKind;
import dev.tessera.contract.sales.VoidTicket;
import dev.tessera.contract.aftersales.TicketView;
import dev.tessera.contract.sales.Voided;
import dev.tessera.desktop.counter.CounterContext;
import dev.tessera.desktop.counter.Journal;
import dev.tessera.core.model.Money;
import dev.tessera.desktop.ui.Message;
import dev.tessera.reports.print.ReportPrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Refund (money back by cash or card, seats for sale again) or void (no money back) of the selected tickets, with a
 * reason, asked first; each refund's credit note (issue 17) printed or previewed. Journaled before the center is asked
 * and once more with the outcome.
 */
public final class RefundViewModel {
    private final CounterContext ctx;
    private final TicketSearchViewModel search;
    private final SettlementForm form;
    private final PaperDesk paper;
    private final EventPapers papers;
    private final Feedback feedback;
    /** Issue 17: the refunds made at this counter, by ticket, for their credit notes. */
    private final Map<String, CreditNote> creditNotes = new java.util.LinkedHashMap<>();
    /** The last refund's credit notes: they print when no refunded ticket of this counter is selected. */
    private List<CreditNote> lastCreditNotes = List.of();

    RefundViewModel(CounterContext ctx, TicketSearchViewModel search, SettlementForm form, PaperDesk paper,
                    EventPapers papers, Feedback feedback) {
        this.ctx = ctx;
        this.search = search;
        this.form = form;
        this.paper = paper;
        this.papers = papers;
        this.feedback = feedback;
    }


    /** Money back (cash, or card with the card refund's reference) and the seats for sale again. */
    public void refund() {
        voidSelected(true);
    }

    /** Void without money back, e.g. a ticket sold by mistake and not paid. */
    public void voidOnly() {
        voidSelected(false);
    }

    private void voidSelected(boolean withRefund) {
        List<TicketRow> rows = search.validSelection();
        String why = form.reasonText();
        if (rows == null || why == null) {
            return;
        }
        String method = form.settleMethodProperty().get();
        if (!confirmVoid(rows, withRefund, method)) {
            return;
        }
        String ref = form.cardReference();
        String type = withRefund ? "REFUND" : "VOID";
        LedgerKind kind = withRefund ? LedgerKind.REFUND : LedgerKind.VOID;
        run(() -> {
            ObjectNode intent = Journal.payload(type + "_STARTED").put("reason", why);
            rows.forEach(r -> intent.withArray("ticketIds").add(r.ticketId()));
            if (withRefund) {
                intent.put("method", method).put("reference", ref);
            }
            ctx.journal().append(kind, intent);
            long total = 0;
            List<Voided> voided = new ArrayList<>();
            for (TicketRow r : rows) {
                Voided v = ctx.session().refundTicket(r.ticketId(), new VoidTicket(why, withRefund,
                        withRefund ? RefundMethod.valueOf(method) : null, withRefund ? ref : null));
                ctx.journal().append(kind, Journal.payload(type).put("ticketId", v.ticketId()).put("saleId", v.saleId())
                        .put("version", v.version()).put("reason", why).put("refundMinor", v.refundMinor())
                        .put("method", withRefund ? method : null).put("reference", ref).put("refundId", v.refundId()));
                total += v.refundMinor();
                voided.add(v);
            }
            return new Refunded(total, withRefund ? creditNotes(rows, voided, method, ref) : List.of());
        }, refunded -> {
            long total = refunded.totalMinor();
            form.clear();
            if (withRefund) {
                refunded.creditNotes().forEach(n -> creditNotes.put(n.ticketId(), n));
                lastCreditNotes = refunded.creditNotes();
            }
            String currency = rows.getFirst().currency();
            search.refresh(withRefund ? Message.of("aftersales.refund.done", rows.size(), form.money(total, currency), SettlementForm.methodKey(method))
                    : Message.of("aftersales.void.done", rows.size()));
        });
    }

    private record Refunded(long totalMinor, List<CreditNote> creditNotes) {}

    /**
     * Blocking: the credit notes of the refunds just made, each at the rate the center kept with its ticket at sale
     * time (from the sales log, which gives each ticket's stored rate).
     */
    private List<CreditNote> creditNotes(List<TicketRow> rows, List<Voided> voided, String method, String ref) {
        java.time.Instant at = ctx.clock().instant();
        Map<String, Integer> rates = new java.util.HashMap<>();
        rows.stream().map(TicketRow::eventId).distinct().forEach(eventId -> ctx.session()
                .salesLog(new dev.tessera.desktop.center.ManagerApiTypes.SalesLogQuery(null, null,
                        java.time.ZoneId.systemDefault(), null, eventId, null))
                .lines().forEach(l -> rates.put(l.ticketId(), l.taxRateBasisPoints())));
        List<CreditNote> notes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            TicketRow r = rows.get(i);
            Voided v = voided.get(i);
            if (v.refundId() == null || v.refundMinor() == 0) {
                continue;
            }
            TicketView t = r.ticket();
            notes.add(new CreditNote(v.refundId(), r.saleId(), r.eventId(), t.ticketId(), t.seatId(), t.categoryId(),
                    t.attendee(), v.refundMinor(), method, ref, at, rates.getOrDefault(t.ticketId(), 0)));
        }
        return notes;
    }

    /** Asks the clerk, with the amount, the method and the seats that go back on sale; false when cancelled. */
    private boolean confirmVoid(List<TicketRow> rows, boolean withRefund, String method) {
        List<String> places = rows.stream().map(r -> ctx.l10n().text("aftersales.place", r.section(), r.row(), r.seat()))
                .toList();
        String seats = String.join(", ", places);
        if (!withRefund) {
            return ctx.dialogs().confirm(Message.of("aftersales.confirm.void.question", rows.size()),
                    Message.of("aftersales.confirm.void.consequence", seats), Message.of("aftersales.confirm.void.action"));
        }
        Money amount = new Money(rows.stream().mapToLong(r -> r.ticket().priceMinor()).sum(), rows.getFirst().currency());
        return ctx.dialogs().confirm(Message.of("aftersales.confirm.refund.question", amount, SettlementForm.methodKey(method), rows.size()),
                Message.of("aftersales.confirm.refund.consequence", seats),
                Message.of("aftersales.confirm.refund.action", amount));
    }


    /**
     * The credit notes to print: those of the selected tickets refunded at this counter, or, with none selected, those
     * of the last refund made here; null (and the reason on screen) when there is none.
     */
    private List<CreditNote> chosenCreditNotes() {
        List<CreditNote> chosen = search.selected().stream().map(r -> creditNotes.get(r.ticketId()))
                .filter(java.util.Objects::nonNull).toList();
        if (chosen.isEmpty()) {
            chosen = lastCreditNotes;
        }
        if (chosen.isEmpty()) {
            feedback.fail(Message.of("aftersales.creditNote.none"));
            return null;
        }
        return chosen;
    }

    /** Ctrl+P: prints the credit notes (CN-…) of the refunds, through the counter's printer or as PDF. */
    public void printCreditNotes() {
        List<CreditNote> notes = chosenCreditNotes();
        if (notes == null || feedback.busyProperty().get()) {
            return;
        }
        String seller = ctx.session().account().displayName();
        var locale = ctx.l10n().getLocale();
        run(() -> {
            ReportPrinter.Outcome outcome = null;
            for (CreditNote n : notes) {
                outcome = paper.creditNote(papers.of(n.eventId()), n, seller, locale);
                ctx.journal().append(LedgerKind.ISSUE, Journal.payload("CREDIT_NOTE_PRINTED")
                        .put("ticketId", n.ticketId()).put("creditNote", n.number()).put("output", SalePaperPrinter.where(outcome)));
            }
            String numbers = String.join(", ", notes.stream().map(CreditNote::number).toList());
            return switch (outcome) {
                case ReportPrinter.SavedAsPdf pdf -> Message.of("aftersales.creditNote.done.pdf", numbers,
                        pdf.file().toString());
                case ReportPrinter.Printed p -> Message.of("aftersales.creditNote.done.printer", numbers, p.printer());
            };
        }, feedback::say);
    }

    /** Ctrl+Shift+P: the credit notes as they will print, in a window with Print. */
    public void previewCreditNotes() {
        List<CreditNote> notes = chosenCreditNotes();
        if (notes == null || feedback.busyProperty().get()) {
            return;
        }
        String seller = ctx.session().account().displayName();
        var locale = ctx.l10n().getLocale();
        run(() -> PaperDesk.pages(notes.stream().map(n -> paper.creditNotePrint(papers.of(n.eventId()), n, seller,
                locale)).toList()), pages -> {
            String numbers = String.join(", ", notes.stream().map(CreditNote::number).toList());
            if (ctx.dialogs().preview(Message.of("aftersales.creditNote.previewTitle", numbers), pages,
                    Message.of("aftersales.creditNote.print"))) {
                printCreditNotes();
            }
        });
    }


    private <T> void run(Callable<T> work, Consumer<T> done) {
        feedback.run(ctx.tasks(), work, done, AfterSalesViewModel::describe);
    }
}
