package dev.tessera.desktop.aftersales;

import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.reports.PaperFormat;
import dev.tessera.reports.ReportJob;
import dev.tessera.reports.ReportOptions;
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
    private final ReportPrinter printer;
    private final Path printouts;

    /** One ticket to put on paper; reprint 0 is the first print, n prints "REPRINT n". */
    public record PaperTicketLine(String ticketId, String seatId, String categoryId, String gateId, long priceMinor,
                                  String attendee, String encoded, int reprint) {}

    public PaperDesk(ReportPrinter printer, Path printouts) {
        this.printer = printer;
        this.printouts = printouts;
    }

    public ReportPrinter.Outcome tickets(EventPaper paper, List<PaperTicketLine> tickets, String seller, Locale locale,
                                         String name) {
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
        return print(PaperTicket.render(data, PaperFormat.THERMAL_80MM, options(locale)), name);
    }

    public ReportPrinter.Outcome receipt(EventPaper paper, long saleId, Instant soldAt, String seller,
                                         List<PaperTicketLine> tickets, long totalMinor, String paymentMethod,
                                         String paymentReference, Long tenderedMinor, Locale locale) {
        EventInfo e = paper.event();
        List<ReceiptData.Line> lines = tickets.stream().map(t -> {
            String[] place = paper.place(t.seatId());
            return new ReceiptData.Line(place[0] + " " + place[1] + "-" + place[2], paper.categoryName(t.categoryId()),
                    t.attendee(), t.priceMinor());
        }).toList();
        ReceiptData data = new ReceiptData(saleId, Formats.dateTime(soldAt, locale), seller, e.name(), e.venueName(),
                Formats.dateTime(e.startsAt(), locale), e.currency(), lines, totalMinor, paymentMethod, paymentReference,
                tenderedMinor);
        return print(Receipt.render(data, options(locale)), "receipt-sale-" + saleId);
    }

    private ReportPrinter.Outcome print(JasperPrint print, String name) {
        print.setName(name);
        return printer.print(print, null, printouts, ReportJob.unattended());
    }

    private static ReportOptions options(Locale locale) {
        return ReportOptions.of(locale, ZoneId.systemDefault());
    }

    public Path printouts() {
        return printouts;
    }
}
