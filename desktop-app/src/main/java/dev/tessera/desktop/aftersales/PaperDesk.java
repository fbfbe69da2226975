package dev.tessera.desktop.aftersales;

import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.reports.PaperFormat;
import dev.tessera.reports.ReportJob;
import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.export.PageRenderer;
import dev.tessera.reports.print.ReportPrinter;
import dev.tessera.reports.receipt.Receipt;
import dev.tessera.reports.receipt.ReceiptData;
import dev.tessera.reports.ticket.PaperTicket;
import dev.tessera.reports.ticket.PaperTicketData;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import net.sf.jasperreports.engine.JasperPrint;

/**
 * Claim 20: paper tickets (80 mm thermal) and receipts at the counter, on the system's printer or,
 * on a PC without one, as PDF files in the data directory's printouts folder. Blocking.
 */
public final class PaperDesk {
    private static final ReportPrinter PDF_ONLY = new ReportPrinter(List::of, java.util.Optional::empty);
    /** Zoom for the screen preview: 72 dpi × 1.5, an 80 mm ticket about 340 px wide. */
    private static final float PREVIEW_ZOOM = 1.5f;
    private final ReportPrinter printer;
    private final Path printouts;
    private final java.util.function.Supplier<Destination> destination;

    /** Where paper goes: a printer by name (empty: the system's default, PDF when none), or PDF files only. */
    public record Destination(java.util.Optional<String> printer, boolean pdfOnly) {
        public static final Destination SYSTEM_DEFAULT = new Destination(java.util.Optional.empty(), false);
    }

    /** One ticket to put on paper; reprint 0 is the first print, n prints "REPRINT n". */
    public record PaperTicketLine(String ticketId, String seatId, String categoryId, String gateId, long priceMinor,
                                  String attendee, String encoded, int reprint) {}

    public PaperDesk(ReportPrinter printer, Path printouts) {
        this(printer, printouts, () -> Destination.SYSTEM_DEFAULT);
    }

    public PaperDesk(ReportPrinter printer, Path printouts, java.util.function.Supplier<Destination> destination) {
        this.printer = printer;
        this.printouts = printouts;
        this.destination = destination;
    }

    public ReportPrinter.Outcome tickets(EventPaper paper, List<PaperTicketLine> tickets, String seller, Locale locale,
                                         String name) {
        return print(ticketsPrint(paper, tickets, seller, locale), name);
    }

    /** The tickets laid out for the thermal printer, not printed. */
    public JasperPrint ticketsPrint(EventPaper paper, List<PaperTicketLine> tickets, String seller, Locale locale) {
        EventInfo e = paper.event();
        List<PaperTicketData> data = tickets.stream().map(t -> {
            String[] place = paper.place(t.seatId());
            // the reprint mark goes under the event name, the largest text on the ticket, where a steward sees it
            String title = t.reprint() > 0 ? e.name() + "\nREPRINT " + t.reprint() : e.name();
            return new PaperTicketData(title, e.servicer(), e.venueName(), paper.venueAddress(),
                    Formats.dateTime(e.doorsOpen(), locale), Formats.dateTime(e.startsAt(), locale), place[0], place[1],
                    place[2], paper.categoryName(t.categoryId()), paper.gateName(t.gateId()),
                    t.attendee() == null ? "" : t.attendee(), seller, e.contact(),
                    Formats.money(t.priceMinor(), e.currency(), locale), t.ticketId(), t.encoded());
        }).toList();
        return PaperTicket.render(data, PaperFormat.THERMAL_80MM, options(locale));
    }

    public ReportPrinter.Outcome receipt(EventPaper paper, long saleId, Instant soldAt, String seller,
                                         List<PaperTicketLine> tickets, long totalMinor, String paymentMethod,
                                         String paymentReference, Long tenderedMinor, Locale locale) {
        return print(receiptPrint(paper, saleId, soldAt, seller, tickets, totalMinor, paymentMethod, paymentReference,
                tenderedMinor, locale), "receipt-sale-" + saleId);
    }

    /** The receipt laid out, not printed. */
    public JasperPrint receiptPrint(EventPaper paper, long saleId, Instant soldAt, String seller,
                                    List<PaperTicketLine> tickets, long totalMinor, String paymentMethod,
                                    String paymentReference, Long tenderedMinor, Locale locale) {
        EventInfo e = paper.event();
        // issue 18: a standing place's line names its area, not a seat
        List<ReceiptData.Line> lines = tickets.stream().map(t -> new ReceiptData.Line(paper.where(t.seatId()),
                paper.categoryName(t.categoryId()), t.attendee(), t.priceMinor(), paper.taxRate(t.categoryId()))).toList();
        // issue 17: a qualified invoice (Japan) or VAT receipt, the tax of each rate taken once (docs/tax.md)
        var tax = paper.tax();
        ReceiptData data = new ReceiptData(saleId, Formats.dateTime(soldAt, locale), seller, e.name(), e.venueName(),
                Formats.dateTime(e.startsAt(), locale), e.currency(), lines, totalMinor, paymentMethod, paymentReference,
                tenderedMinor, tax == null ? null : new ReceiptData.Tax(tax.issuerName(), tax.registrationNumber(),
                        tax.qualifiedInvoice(), null));
        return Receipt.render(data, options(locale));
    }

    /**
     * Issue 17: the credit note (返還インボイス) of one refund, CN-{refund id}: the amount paid back at the rate kept with
     * the ticket at sale time, referring to the original receipt (the sale number). Laid out, not printed.
     */
    public JasperPrint creditNotePrint(EventPaper paper, CreditNote note, String seller, Locale locale) {
        EventInfo e = paper.event();
        var line = new ReceiptData.Line(paper.where(note.seatId()), paper.categoryName(note.categoryId()), note.attendee(), note.amountMinor(),
                note.taxRateBasisPoints());
        var tax = paper.tax();
        ReceiptData data = new ReceiptData(note.saleId(), Formats.dateTime(note.refundedAt(), locale), seller, e.name(),
                e.venueName(), Formats.dateTime(e.startsAt(), locale), e.currency(), List.of(line), note.amountMinor(),
                note.method(), note.reference(), null, new ReceiptData.Tax(
                        tax == null ? e.servicer() : tax.issuerName(), tax == null ? null : tax.registrationNumber(),
                        tax != null && tax.qualifiedInvoice(), note.number()));
        return Receipt.render(data, options(locale));
    }

    /** Prints (or saves as PDF) one credit note laid out by {@link #creditNotePrint}. */
    public ReportPrinter.Outcome creditNote(EventPaper paper, CreditNote note, String seller, Locale locale) {
        return print(creditNotePrint(paper, note, seller, locale), "credit-note-" + note.number());
    }

    /** Every page of the prints, drawn for the screen in order. */
    public static List<java.awt.image.BufferedImage> pages(List<JasperPrint> prints) {
        List<java.awt.image.BufferedImage> pages = new java.util.ArrayList<>();
        for (JasperPrint print : prints) {
            for (int i = 0; i < PageRenderer.pageCount(print); i++) {
                pages.add(PageRenderer.render(print, i, PREVIEW_ZOOM));
            }
        }
        return pages;
    }

    private ReportPrinter.Outcome print(JasperPrint print, String name) {
        print.setName(name);
        Destination to = destination.get();
        return (to.pdfOnly() ? PDF_ONLY : printer).print(print, to.printer().orElse(null), printouts, ReportJob.unattended());
    }

    private static ReportOptions options(Locale locale) {
        return ReportOptions.of(locale, ZoneId.systemDefault());
    }

    public Path printouts() {
        return printouts;
    }
}
