package dev.tessera.desktop.aftersales;

import dev.tessera.desktop.ui.Feedback;
import dev.tessera.core.model.LedgerKind;
import dev.tessera.desktop.aftersales.PaperDesk.PaperTicketLine;
import dev.tessera.contract.aftersales.Reprint;
import dev.tessera.contract.aftersales.Reprinted;
import dev.tessera.contract.aftersales.TicketView;
import dev.tessera.desktop.counter.CounterContext;
import dev.tessera.desktop.counter.Journal;
import dev.tessera.desktop.ui.Message;
import dev.tessera.reports.print.ReportPrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A paper ticket printed again, marked "REPRINT n", with a reason; with reissue the old paper stops working at the gate. */
public final class ReprintViewModel {
    private final CounterContext ctx;
    private final TicketSearchViewModel search;
    private final SettlementForm form;
    private final PaperDesk paper;
    private final EventPapers papers;
    private final Feedback feedback;
    private final BooleanProperty reissue = new SimpleBooleanProperty();

    ReprintViewModel(CounterContext ctx, TicketSearchViewModel search, SettlementForm form, PaperDesk paper,
                     EventPapers papers, Feedback feedback) {
        this.ctx = ctx;
        this.search = search;
        this.form = form;
        this.paper = paper;
        this.papers = papers;
        this.feedback = feedback;
    }


    /** A paper ticket printed again, marked "REPRINT n"; with reissue the old paper stops working at the gate. */
    public void reprint() {
        List<TicketRow> rows = search.validSelection();
        String why = form.reasonText();
        if (rows == null || why == null) {
            return;
        }
        boolean again = reissue.get();
        if (again && rows.stream().anyMatch(TicketRow::onChip)) {
            feedback.fail(Message.of("aftersales.reprint.onChip"));
            return;
        }
        String seller = ctx.session().account().displayName();
        var locale = ctx.l10n().getLocale();
        run(() -> {
            List<Reprinted> done = new ArrayList<>();
            ReportPrinter.Outcome outcome = null;
            for (TicketRow r : rows) {
                ctx.journal().append(LedgerKind.ISSUE, Journal.payload("REPRINT_STARTED").put("ticketId", r.ticketId())
                        .put("reason", why).put("reissue", again));
                Reprinted p = ctx.session().reprintTicket(r.ticketId(), new Reprint(why, again));
                TicketView t = r.ticket();
                outcome = paper.tickets(papers.of(r.eventId()), List.of(new PaperTicketLine(t.ticketId(), t.seatId(),
                        t.categoryId(), t.gateId(), t.priceMinor(), t.attendee(), p.encoded(), p.reprintNo())), seller,
                        locale, "reprint-" + p.reprintNo() + "-" + t.ticketId().substring(0, 8));
                ctx.journal().append(LedgerKind.ISSUE, Journal.payload("REPRINT").put("ticketId", p.ticketId())
                        .put("reprintNo", p.reprintNo()).put("version", p.version()).put("reissued", p.reissued())
                        .put("reason", why).put("output", SalePaperPrinter.where(outcome)));
                done.add(p);
            }
            return SalePaperPrinter.printed(outcome, again ? "aftersales.reprint.reissued" : "aftersales.reprint.done", done.size(),
                    done.getLast().reprintNo());
        }, printed -> {
            form.clear();
            reissue.set(false);
            search.refresh(printed);
        });
    }


    private <T> void run(Callable<T> work, Consumer<T> done) {
        feedback.run(ctx.tasks(), work, done, AfterSalesViewModel::describe);
    }

    public BooleanProperty reissueProperty() {
        return reissue;
    }
}
