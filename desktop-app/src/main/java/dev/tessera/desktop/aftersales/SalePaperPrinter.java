package dev.tessera.desktop.aftersales;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tessera.core.model.LedgerKind;
import dev.tessera.desktop.aftersales.PaperDesk.PaperTicketLine;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.desktop.counter.CounterContext;
import dev.tessera.desktop.counter.SalePaper;
import dev.tessera.desktop.counter.Journal;
import dev.tessera.desktop.ui.Message;
import dev.tessera.reports.print.ReportPrinter;
import dev.tessera.reports.ReportException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A paper sale's tickets and receipt (claim 20), printed right after the center issued them, through the counter's
 * printer or as PDF; journaled before the printer is asked. The counter's Print and Preview use it for the paper sale
 * on screen; an exchange onto paper prints its new tickets here.
 */
public final class SalePaperPrinter implements SalePaper {
    private static final Logger LOG = LoggerFactory.getLogger(SalePaperPrinter.class);

    private final CounterContext ctx;
    private final PaperDesk paper;
    private final EventPapers papers;

    SalePaperPrinter(CounterContext ctx, PaperDesk paper, EventPapers papers) {
        this.ctx = ctx;
        this.paper = paper;
        this.papers = papers;
    }

    /** The counter's Print: a printer's refusal is thrown, not swallowed. */
    @Override
    public Message print(SaleResult sale, Long tenderedMinor) {
        return printPaper(sale, tenderedMinor);
    }

    /** The counter's Preview: the tickets and the receipt as they will print. */
    @Override
    public List<java.awt.image.BufferedImage> pages(SaleResult sale, Long tenderedMinor) {
        List<PaperTicketLine> lines = paperLines(sale);
        EventPaper ev = papers.of(sale.eventId());
        String seller = ctx.session().account().displayName();
        var locale = ctx.l10n().getLocale();
        return PaperDesk.pages(List.of(paper.ticketsPrint(ev, lines, seller, locale),
                paper.receiptPrint(ev, sale.saleId(), ctx.clock().instant(), seller, lines, sale.totalMinor(),
                        sale.paymentMethod(), null, tenderedMinor, locale)));
    }

    /**
     * Blocking: a paper sale's tickets and receipt, printed right after the center issued them (claim
     * 20). Journaled before the printer is asked; the message says where the paper (or PDF) went.
     */
    public Message printSale(SaleResult sale, Long tenderedMinor) {
        try {
            return printPaper(sale, tenderedMinor);
        } catch (ReportException e) {
            // the sale stands; the clerk reprints from After-sales once the printer works
            LOG.warn("paper tickets of sale {} not printed", sale.saleId(), e);
            return Message.of("aftersales.printFailed", e.getMessage());
        }
    }

    private Message printPaper(SaleResult sale, Long tenderedMinor) {
        List<PaperTicketLine> lines = paperLines(sale);
        ObjectNode intent = Journal.payload("PAPER_ISSUE").put("saleId", sale.saleId());
        lines.forEach(l -> intent.withArray("ticketIds").add(l.ticketId()));
        ctx.journal().append(LedgerKind.ISSUE, intent);
        EventPaper ev = papers.of(sale.eventId());
        String seller = ctx.session().account().displayName();
        var locale = ctx.l10n().getLocale();
        ReportPrinter.Outcome tickets = paper.tickets(ev, lines, seller, locale, "tickets-sale-" + sale.saleId());
        paper.receipt(ev, sale.saleId(), ctx.clock().instant(), seller, lines, sale.totalMinor(), sale.paymentMethod(),
                null, tenderedMinor, locale);
        ctx.journal().append(LedgerKind.ISSUE, Journal.payload("PAPER_PRINTED").put("saleId", sale.saleId())
                .put("output", where(tickets)));
        return printed(tickets, "aftersales.paper.done", lines.size(), 0);
    }

    private static List<PaperTicketLine> paperLines(SaleResult sale) {
        return sale.tickets().stream().map(t -> new PaperTicketLine(t.ticketId(), t.seatId(),
                t.categoryId(), t.gateId(), t.priceMinor(), t.attendee(), t.encoded(), 0)).toList();
    }


    static Message printed(ReportPrinter.Outcome outcome, String key, int count, int reprintNo) {
        return switch (outcome) {
            case ReportPrinter.SavedAsPdf pdf -> Message.of(key + ".pdf", count, reprintNo, pdf.file().toString());
            case ReportPrinter.Printed p -> Message.of(key + ".printer", count, reprintNo, p.printer());
        };
    }

    static String where(ReportPrinter.Outcome outcome) {
        return switch (outcome) {
            case ReportPrinter.SavedAsPdf pdf -> pdf.file().toString();
            case ReportPrinter.Printed p -> "printer " + p.printer();
        };
    }
}
