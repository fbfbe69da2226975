package dev.tessera.reports.receipt;

import static dev.tessera.center.db.schema.Tables.ACCOUNT;
import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.EVENT;
import static dev.tessera.center.db.schema.Tables.EVENT_TAX;
import static dev.tessera.center.db.schema.Tables.TICKET;
import static dev.tessera.center.db.schema.Tables.TICKET_VOID;

import dev.tessera.reports.ReportException;
import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.data.EventCatalog;
import dev.tessera.reports.data.EventInfo;
import dev.tessera.reports.engine.Filler;
import dev.tessera.core.model.Money;
import dev.tessera.reports.engine.RowSource;
import dev.tessera.center.db.schema.tables.records.TicketRecord;
import dev.tessera.core.tax.TaxBreakdown;
import dev.tessera.core.tax.TaxCountry;
import dev.tessera.core.tax.TaxRate;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import net.sf.jasperreports.engine.JasperPrint;
import org.jooq.DSLContext;

/**
 * The counter receipt on an 80 mm roll: one page as long as the sale needs. With the event's tax (issue 17) it is a
 * qualified invoice in Japan (適格簡易請求書: issuer and registration number, the rate of each line, the total and the
 * tax of each rate, the tax taken once per rate) or a VAT receipt elsewhere, and a refund's credit note is the same
 * document titled as one, referring to the receipt's number.
 */
public final class Receipt {
    public static final String TEMPLATE = "receipt";
    /** The tax rates one receipt has room for (three lines each); an event has one or two in practice. */
    static final int MAX_RATES = 4;

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
        ResourceBundle words = ResourceBundle.getBundle("dev.tessera.reports.i18n.reports", locale);
        // the method in the customer's words (Cash, カード), as the sales log prints it; an unknown one as sent
        String method = receipt.paymentMethod();
        parameters.put("PAYMENT", method != null && words.containsKey("payment." + method)
                ? words.getString("payment." + method) : method);
        parameters.put("REFERENCE", receipt.paymentReference());
        parameters.put("TENDERED", receipt.tenderedMinor() == null ? null : Money.format(receipt.tenderedMinor(), currency, locale));
        parameters.put("CHANGE", receipt.changeMinor() == null ? null : Money.format(receipt.changeMinor(), currency, locale));
        ReceiptData.Tax tax = receipt.tax();
        boolean credit = tax != null && tax.creditNote();
        parameters.put("TOTAL_LABEL", words.getString(credit ? "receipt.creditNote.total" : "receipt.total"));
        parameters.put("TITLE", words.getString(tax == null ? "receipt.title" : credit
                ? (tax.qualifiedInvoice() ? "receipt.creditNote.qualified" : "receipt.creditNote")
                : tax.qualifiedInvoice() ? "receipt.title.qualified" : "receipt.title.vat"));
        if (tax != null) {
            parameters.put("ISSUER", tax.issuerName());
            parameters.put("REGISTRATION", tax.registrationNumber() == null ? null
                    : words.getString(tax.qualifiedInvoice() ? "receipt.registration" : "receipt.vatNumber") + " "
                    + tax.registrationNumber());
            parameters.put("CREDIT_NOTE", credit ? words.getString("receipt.creditNote.number") + " "
                    + tax.creditNoteNumber() + "\n" + words.getString("receipt.creditNote.refersTo") + " #"
                    + receipt.saleId() : null);
            // issue 17: the tax of each rate is taken once from the rate's total, never per line (docs/tax.md); one
            // line of the roll per figure, so labels and amounts stay level whatever font a language falls back to
            TaxBreakdown breakdown = breakdown(receipt);
            if (breakdown.rates().size() > MAX_RATES) {
                throw new ReportException("A receipt prints at most " + MAX_RATES + " tax rates; this sale has "
                        + breakdown.rates().size() + ".");
            }
            int row = 1;
            for (TaxBreakdown.PerRate rate : breakdown.rates()) {
                String percent = rate.rate().percentText() + "%";
                for (String[] figure : List.of(
                        new String[] {"receipt.tax.gross", Money.format(rate.grossMinor(), currency, locale)},
                        new String[] {"receipt.tax.tax", Money.format(rate.taxMinor(), currency, locale)},
                        new String[] {"receipt.tax.net", Money.format(rate.netMinor(), currency, locale)})) {
                    parameters.put("TAX_L" + row, MessageFormat.format(words.getString(figure[0]), percent));
                    parameters.put("TAX_A" + row, figure[1]);
                    row++;
                }
            }
        }
        Map<String, Function<? super ReceiptData.Line, ?>> fields = Map.of(
                "seat", ReceiptData.Line::seat,
                "category", l -> tax == null ? l.category()
                        : l.category() + " · " + BigDecimal.valueOf(l.taxRateBasisPoints(), 2).stripTrailingZeros()
                                .toPlainString() + "%",
                "attendee", l -> l.attendee() == null ? "" : l.attendee(),
                "price", l -> Money.format(l.priceMinor(), currency, locale));
        return Filler.fill(TEMPLATE, parameters, RowSource.of(receipt.lines(), fields), options);
    }

    /** The tax per rate of a receipt or credit note: its lines' gross per rate, each rate's tax rounded once. */
    public static TaxBreakdown breakdown(ReceiptData receipt) {
        return TaxBreakdown.of(receipt.lines().stream()
                .map(l -> new TaxBreakdown.Amount(new TaxRate(l.taxRateBasisPoints()), l.priceMinor())).toList());
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
                .fetch(t -> line(event, t, t.getPriceMinor()));
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(options.locale());
        return new ReceiptData(saleId, when.format(sale.get(SALE.SOLD_AT).toInstant().atZone(options.zone())),
                sale.get(ACCOUNT.DISPLAY_NAME), event.name(), event.venueName(),
                when.format(event.startsAt().atZone(options.zone())), sale.get(SALE.CURRENCY), lines,
                sale.get(SALE.TOTAL_MINOR), sale.get(SALE.PAYMENT_METHOD), sale.get(SALE.PAYMENT_REF), tenderedMinor,
                issuer(dsl, sale.get(SALE.EVENT_ID), null));
    }

    /**
     * Issue 17: the credit note (返還インボイス) of a refund: the ticket paid back, at the rate it was sold at, referring
     * to the original receipt (its sale number). Numbered CN-{the refund's id}.
     */
    public static ReceiptData creditNote(DSLContext dsl, long refundId, ReportOptions options) {
        var refund = dsl.select(TICKET_VOID.fields()).select(ACCOUNT.DISPLAY_NAME).from(TICKET_VOID)
                .join(ACCOUNT).on(ACCOUNT.ID.eq(TICKET_VOID.VOIDED_BY)).where(TICKET_VOID.ID.eq(refundId)).fetchOne();
        if (refund == null || refund.get(TICKET_VOID.REFUND_MINOR) == 0) {
            throw new ReportException("There is no refund " + refundId + ".");
        }
        var ticket = dsl.selectFrom(TICKET).where(TICKET.ID.eq(refund.get(TICKET_VOID.TICKET_ID))).fetchOne();
        var sale = dsl.selectFrom(SALE).where(SALE.ID.eq(ticket.getSaleId())).fetchOne();
        EventInfo event = new EventCatalog(dsl).event(sale.getEventId());
        long amount = refund.get(TICKET_VOID.REFUND_MINOR);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(options.locale());
        String method = refund.get(TICKET_VOID.REFUND_METHOD);
        return new ReceiptData(sale.getId(), when.format(refund.get(TICKET_VOID.VOIDED_AT).toInstant()
                .atZone(options.zone())), refund.get(ACCOUNT.DISPLAY_NAME), event.name(), event.venueName(),
                when.format(event.startsAt().atZone(options.zone())), sale.getCurrency(),
                List.of(line(event, ticket, amount)), amount, method == null ? sale.getPaymentMethod() : method,
                refund.get(TICKET_VOID.REFUND_REF), null, issuer(dsl, sale.getEventId(), "CN-" + refundId));
    }

    private static ReceiptData.Line line(EventInfo event, TicketRecord t, long amountMinor) {
        // a standing ticket's seat id names its area, which has no row or seat
        String place = t.getGeneralAdmission() ? event.areaName(t.getSeatId())
                : event.sectionName(t.getSeatId()) + " " + event.rowLabel(t.getSeatId()) + "-"
                + event.seatLabel(t.getSeatId());
        return new ReceiptData.Line(place, event.categoryName(t.getCategoryId()), t.getAttendee(), amountMinor,
                t.getTaxRateBp());
    }

    /** The event's invoice issuer as the organizer set it (the servicer and the currency's country until then). */
    private static ReceiptData.Tax issuer(DSLContext dsl, long eventId, String creditNoteNumber) {
        var row = dsl.selectFrom(EVENT_TAX).where(EVENT_TAX.EVENT_ID.eq(eventId)).fetchOne();
        var event = dsl.selectFrom(EVENT).where(EVENT.ID.eq(eventId)).fetchOne();
        TaxCountry country = row == null ? TaxCountry.defaultFor(event.getCurrency())
                : TaxCountry.of(row.getCountry()).orElse(TaxCountry.NONE);
        return new ReceiptData.Tax(row == null ? event.getServicer() : row.getIssuerName(),
                row == null ? null : row.getRegistrationNumber(), country.qualifiedInvoice(), creditNoteNumber);
    }
}
