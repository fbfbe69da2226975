package dev.tessera.reports.receipt;

import static dev.tessera.center.db.schema.Tables.ACCOUNT;
import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.TICKET;

import dev.tessera.reports.ReportException;
import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.data.EventCatalog;
import dev.tessera.reports.data.EventInfo;
import dev.tessera.reports.engine.Filler;
import dev.tessera.reports.engine.Money;
import dev.tessera.reports.engine.RowSource;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import net.sf.jasperreports.engine.JasperPrint;
import org.jooq.DSLContext;

/** The counter receipt on an 80 mm roll: one page as long as the sale needs. */
public final class Receipt {
    public static final String TEMPLATE = "receipt";

    private Receipt() {}

    public static JasperPrint render(ReceiptData receipt, ReportOptions options) {
        Locale locale = options.locale();
        String currency = receipt.currency();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("SALE", "#" + receipt.saleId());
        parameters.put("SOLD_AT", receipt.soldAt());
        parameters.put("SELLER", receipt.seller());
        parameters.put("EVENT", receipt.eventName());
        parameters.put("VENUE", receipt.venueName());
        parameters.put("STARTS_AT", receipt.eventStartsAt());
        parameters.put("TOTAL", Money.format(receipt.totalMinor(), currency, locale));
        parameters.put("PAYMENT", receipt.paymentMethod());
        parameters.put("REFERENCE", receipt.paymentReference());
        parameters.put("TENDERED", receipt.tenderedMinor() == null ? null : Money.format(receipt.tenderedMinor(), currency, locale));
        parameters.put("CHANGE", receipt.changeMinor() == null ? null : Money.format(receipt.changeMinor(), currency, locale));
        Map<String, Function<? super ReceiptData.Line, ?>> fields = Map.of(
                "seat", ReceiptData.Line::seat,
                "category", ReceiptData.Line::category,
                "attendee", l -> l.attendee() == null ? "" : l.attendee(),
                "price", l -> Money.format(l.priceMinor(), currency, locale));
        return Filler.fill(TEMPLATE, parameters, RowSource.of(receipt.lines(), fields), options);
    }

    /** The receipt of a sale as the center recorded it; pass what the customer tendered in cash, if known. */
    public static ReceiptData ofSale(DSLContext dsl, long saleId, Long tenderedMinor, ReportOptions options) {
        var sale = dsl.select(SALE.fields()).select(ACCOUNT.DISPLAY_NAME).from(SALE)
                .join(ACCOUNT).on(ACCOUNT.ID.eq(SALE.SELLER_ID)).where(SALE.ID.eq(saleId)).fetchOne();
        if (sale == null) {
            throw new ReportException("There is no sale " + saleId + ".");
        }
        EventInfo event = new EventCatalog(dsl).event(sale.get(SALE.EVENT_ID));
        var lines = dsl.selectFrom(TICKET).where(TICKET.SALE_ID.eq(saleId)).orderBy(TICKET.SEAT_ID)
                .fetch(t -> new ReceiptData.Line(event.sectionName(t.getSeatId()) + " " + event.rowLabel(t.getSeatId())
                        + "-" + event.seatLabel(t.getSeatId()), event.categoryName(t.getCategoryId()), t.getAttendee(),
                        t.getPriceMinor()));
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(options.locale());
        return new ReceiptData(saleId, when.format(sale.get(SALE.SOLD_AT).toInstant().atZone(options.zone())),
                sale.get(ACCOUNT.DISPLAY_NAME), event.name(), event.venueName(),
                when.format(event.startsAt().atZone(options.zone())), sale.get(SALE.CURRENCY), lines,
                sale.get(SALE.TOTAL_MINOR), sale.get(SALE.PAYMENT_METHOD), sale.get(SALE.PAYMENT_REF), tenderedMinor);
    }
}
