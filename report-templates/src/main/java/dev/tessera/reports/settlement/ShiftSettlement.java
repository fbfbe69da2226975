package dev.tessera.reports.settlement;

import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.engine.Filler;
import dev.tessera.core.model.Money;
import dev.tessera.reports.engine.RowSource;
import dev.tessera.reports.engine.Stamps;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import net.sf.jasperreports.engine.JasperPrint;

/**
 * The settlement of one closed counter shift (issue 5): float, cash sales and refunds, the cash
 * expected in the drawer against the cash counted, over or short, card and invoice takings, the
 * clerk's note and the closing count by denomination. Filled from the center's shift record.
 */
public final class ShiftSettlement {
    public static final String TEMPLATE = "shift-settlement";

    /**
     * A closed shift as the center reports it; amounts in minor units of {@code currency}. {@code byRate} (issue 17):
     * gross, tax and net per tax rate, as the center's shift totals give them.
     */
    public record Data(long shiftId, String seller, String terminalId, String currency, Instant openedAt,
                       Instant closedAt, long floatMinor, long cashSalesMinor, long cashRefundsMinor,
                       long expectedCashMinor, long countedCashMinor, long cardSalesMinor, long cardRefundsMinor,
                       long invoiceSalesMinor, int sales, int tickets, int voids, int refunds, String note,
                       List<Count> closingCount, List<TaxTable.Line> byRate) {
        public Data {
            closingCount = List.copyOf(closingCount);
            byRate = List.copyOf(byRate);
        }

        public long differenceMinor() {
            return countedCashMinor - expectedCashMinor;
        }
    }

    /** So many notes or coins of one denomination. */
    public record Count(long denominationMinor, int quantity) {}

    private ShiftSettlement() {}

    public static JasperPrint render(Data d, ReportOptions options) {
        ResourceBundle labels = Filler.labels(options);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(options.locale()).withZone(options.zone());
        Function<Long, String> money = minor -> Money.format(minor, d.currency(), options.locale());
        Map<String, Object> p = new HashMap<>();
        p.put("GENERATED_AT", Stamps.generatedAt(options));
        p.put("SHIFT", "#" + d.shiftId());
        p.put("SELLER", d.seller());
        p.put("TERMINAL", d.terminalId());
        p.put("OPENED_AT", when.format(d.openedAt()));
        p.put("CLOSED_AT", d.closedAt() == null ? "—" : when.format(d.closedAt()));
        p.put("FLOAT", money.apply(d.floatMinor()));
        p.put("CASH_SALES", money.apply(d.cashSalesMinor()));
        p.put("CASH_REFUNDS", money.apply(d.cashRefundsMinor()));
        p.put("EXPECTED", money.apply(d.expectedCashMinor()));
        p.put("COUNTED", money.apply(d.countedCashMinor()));
        long difference = d.differenceMinor();
        p.put("DIFFERENCE", money.apply(difference));
        p.put("DIFFERENCE_KIND", labels.getString(difference > 0 ? "shift.over" : difference < 0 ? "shift.short" : "shift.even"));
        p.put("CARD_SALES", money.apply(d.cardSalesMinor()));
        p.put("CARD_REFUNDS", money.apply(d.cardRefundsMinor()));
        p.put("INVOICE_SALES", money.apply(d.invoiceSalesMinor()));
        p.put("ACTIVITY", new MessageFormat(labels.getString("shift.activity"), options.locale())
                .format(new Object[] {d.sales(), d.tickets(), d.voids(), d.refunds()}));
        p.put("TAX", new TaxTable(d.byRate()));
        p.put("NOTE", d.note() == null || d.note().isBlank() ? null : d.note());
        Map<String, Function<? super Count, ?>> fields = Map.of(
                "denomination", c -> money.apply(c.denominationMinor()),
                "quantity", Count::quantity,
                "amount", c -> money.apply(c.denominationMinor() * c.quantity()));
        return Filler.fill(TEMPLATE, p, RowSource.of(d.closingCount(), fields), options);
    }
}
