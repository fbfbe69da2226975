package dev.tessera.reports.ticket;

import dev.tessera.core.ticket.PaperCode;
import dev.tessera.reports.PaperFormat;
import dev.tessera.reports.ReportException;
import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.engine.Filler;
import dev.tessera.reports.engine.RowSource;
import dev.tessera.reports.engine.Templates;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.sf.jasperreports.engine.JRBand;
import net.sf.jasperreports.engine.JRElement;
import net.sf.jasperreports.engine.JRFrame;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
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
            Map.entry("ticketId", PaperTicketData::ticketId));
    /** The template's image element that holds the QR code, on the printer's dot grid. */
    static final String QR_ELEMENT_KEY = "qrCode";
    /** How much of a dot, at least, a QR box is short of whole dots, so its edges can lie well inside its outer dots. */
    static final double MIN_DOT_FRACTION_SHORT = 0.2;

    private PaperTicket() {}

    public static JasperPrint render(List<PaperTicketData> tickets, PaperFormat format, ReportOptions options) {
        if (tickets.isEmpty()) {
            throw new ReportException("There is no ticket to print.");
        }
        String template = template(format);
        QrBox box = qrBox(Templates.get(template), format.printerDpi());
        Map<String, Function<? super PaperTicketData, ?>> fields = new HashMap<>(FIELDS);
        fields.put("qrCode", ticket -> qrCode(ticket, box).png());
        return Filler.fill(template, Map.of(), RowSource.of(tickets, fields), options);
    }

    /** The paper tickets of one sale, straight from the center's database. */
    public static JasperPrint renderSale(DSLContext dsl, long saleId, PaperFormat format, ReportOptions options) {
        return render(new PaperTicketQuery(dsl).ofSale(saleId, options), format, options);
    }

    /** The QR code exactly as the template embeds it for this paper: the box in the printer's dots, one pixel each. */
    public static DotGridQrCode qrCode(PaperTicketData ticket, PaperFormat format) {
        return qrCode(ticket, qrBox(Templates.get(template(format)), format.printerDpi()));
    }

    private static DotGridQrCode qrCode(PaperTicketData ticket, QrBox box) {
        byte[] signed;
        try {
            signed = Base64.getDecoder().decode(ticket.signedTicketBase64());
        } catch (IllegalArgumentException e) {
            throw new ReportException("Ticket " + ticket.ticketId() + " has no readable signed code to print.", e);
        }
        return DotGridQrCode.fit(PaperCode.encode(signed), box.widthDots(), box.heightDots());
    }

    /**
     * The QR image element's size in printer dots. A rasterizer gives an image the dots its area touches (poppler's
     * counts both edge dots, so an image exactly w dots wide on whole dots gets w + 1 and is resampled) or the dots
     * whose centres it covers. An image whose edges lie inside its first and last dot, drawn a fraction of a dot
     * short of its w pixels, gets exactly w dots either way, one pixel each: the templates place the box so, and
     * PrintedQrCodeScanTest checks it on the printed page.
     */
    record QrBox(int widthDots, int heightDots) {}

    static QrBox qrBox(JasperReport report, int dpi) {
        JRElement element = qrElement(report);
        return new QrBox(dotsTouched(element.getWidth(), dpi, report), dotsTouched(element.getHeight(), dpi, report));
    }

    static JRElement qrElement(JasperReport report) {
        for (JRBand band : report.getDetailSection().getBands()) {
            JRElement found = find(band.getElements());
            if (found != null) {
                return found;
            }
        }
        throw new IllegalStateException("template " + report.getName() + " has no element keyed " + QR_ELEMENT_KEY);
    }

    private static JRElement find(JRElement[] elements) {
        for (JRElement element : elements) {
            if (QR_ELEMENT_KEY.equals(element.getKey())) {
                return element;
            }
            if (element instanceof JRFrame frame) {
                JRElement found = find(frame.getElements());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The whole dots a box edge-to-edge {@code points} long covers when its edges sit inside dots (see QrBox). */
    static int dotsTouched(int points, int dpi, JasperReport report) {
        double dots = points * (double) dpi / 72;
        double shortOfWhole = Math.ceil(dots) - dots;
        if (shortOfWhole < MIN_DOT_FRACTION_SHORT || shortOfWhole > 1 - MIN_DOT_FRACTION_SHORT) {
            throw new IllegalStateException(("template %s: its QR box of %d pt is %.3f dots at %d dpi; it has to be a "
                    + "fraction of a dot short of whole dots, its edges inside its outer dots").formatted(report.getName(),
                    points, dots, dpi));
        }
        return (int) Math.ceil(dots);
    }

    static String template(PaperFormat format) {
        return switch (format) {
            case THERMAL_80MM -> "ticket-thermal";
            case A4 -> "ticket-sheet";
            case LETTER -> "ticket-sheet-letter";
        };
    }
}
