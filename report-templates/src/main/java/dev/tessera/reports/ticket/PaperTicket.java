package dev.tessera.reports.ticket;

import dev.tessera.reports.PaperFormat;
import dev.tessera.reports.ReportException;
import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.engine.Filler;
import dev.tessera.reports.engine.RowSource;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.sf.jasperreports.engine.JasperPrint;
import org.jooq.DSLContext;

/** Claim 20: paper tickets, one per page, on an 80 mm thermal roll or an A4 or Letter sheet. */
public final class PaperTicket {
    private static final Map<String, Function<? super PaperTicketData, ?>> FIELDS = Map.ofEntries(
            Map.entry("eventName", PaperTicketData::eventName),
            Map.entry("servicer", PaperTicketData::servicer),
            Map.entry("venueName", PaperTicketData::venueName),
            Map.entry("venueAddress", PaperTicketData::venueAddress),
            Map.entry("doorsOpen", PaperTicketData::doorsOpen),
            Map.entry("startsAt", PaperTicketData::startsAt),
            Map.entry("section", PaperTicketData::section),
            Map.entry("row", PaperTicketData::row),
            Map.entry("seat", PaperTicketData::seat),
            Map.entry("category", PaperTicketData::category),
            Map.entry("gate", PaperTicketData::gate),
            Map.entry("attendee", PaperTicketData::attendee),
            Map.entry("seller", PaperTicketData::seller),
            Map.entry("contact", PaperTicketData::contact),
            Map.entry("price", PaperTicketData::price),
            Map.entry("ticketId", PaperTicketData::ticketId),
            Map.entry("code", PaperTicketData::signedTicketBase64));

    private PaperTicket() {}

    public static JasperPrint render(List<PaperTicketData> tickets, PaperFormat format, ReportOptions options) {
        if (tickets.isEmpty()) {
            throw new ReportException("There is no ticket to print.");
        }
        return Filler.fill(template(format), Map.of(), RowSource.of(tickets, FIELDS), options);
    }

    /** The paper tickets of one sale, straight from the center's database. */
    public static JasperPrint renderSale(DSLContext dsl, long saleId, PaperFormat format, ReportOptions options) {
        return render(new PaperTicketQuery(dsl).ofSale(saleId, options), format, options);
    }

    static String template(PaperFormat format) {
        return switch (format) {
            case THERMAL_80MM -> "ticket-thermal";
            case A4 -> "ticket-sheet";
            case LETTER -> "ticket-sheet-letter";
        };
    }
}
