package dev.tessera.reports.saleslog;

import dev.tessera.reports.ReportJob;
import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.engine.Filler;
import dev.tessera.core.model.Money;
import dev.tessera.reports.engine.RowSource;
import dev.tessera.reports.engine.Stamps;
import dev.tessera.reports.engine.Templates;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;

/**
 * The sales log of claims 75 and 88: sales, voids and refunds per event, seller and day with net subtotals,
 * then gross, voids, refunds and net per seller, event, day, category and payment method and two charts.
 */
public final class SalesLogReport {
    public static final String TEMPLATE = "sales-log";

    private SalesLogReport() {}

    /**
     * Fills the report from the lines the center's API gave ({@code /api/sales-log} and
     * {@code /api/sales-log/adjustments}, made into lines by {@code RemoteRows.salesLog}), ordered by event,
     * seller and time. This is the only way in: the desktop fills it this way against a local or remote center.
     */
    public static JasperPrint fill(String scope, Iterator<SalesLogLine> lines, long count, ReportOptions options,
                                   ReportJob job) {
        return fill(scope, lines, count, options, job, VIRTUALIZE_ABOVE_LINES, PAGES_IN_MEMORY);
    }

    /** {@link #fill} with the swap-file virtualizer's threshold and page cache given (tests). */
    static JasperPrint fill(String scope, Iterator<SalesLogLine> lines, long count, ReportOptions options,
                            ReportJob job, long virtualizeAboveLines, int pagesInMemory) {
        SalesLogTotals totals = new SalesLogTotals();
        ZoneId zone = options.zone();
        DateTimeFormatter dayFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(options.locale());
        DateTimeFormatter timeFormat = DateTimeFormatter.ofPattern("HH:mm");
        Map<LocalDate, String> dayLabels = new HashMap<>();
        ResourceBundle labels = Filler.labels(options);
        Map<String, String> words = new HashMap<>();
        Function<String, String> inWords = key -> words.computeIfAbsent(key,
                k -> labels.containsKey(k) ? labels.getString(k) : k.substring(k.indexOf('.') + 1));
        Map<String, DecimalFormat> amountFormats = new HashMap<>();
        DecimalFormat ticketFormat = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(options.locale()));
        Iterator<Row> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public Row next() {
                SalesLogLine line = lines.next();
                LocalDate day = LocalDate.ofInstant(line.at(), zone);
                String dayLabel = dayLabels.computeIfAbsent(day, dayFormat::format);
                String payment = inWords.apply("payment." + line.paymentMethod());
                totals.add(line, day.toString(), dayLabel, payment);
                BigDecimal amount = Money.major(line.amountMinor(), line.currency());
                String amountText = amountFormats.computeIfAbsent(line.currency(), c -> new DecimalFormat(
                        Money.pattern(c), DecimalFormatSymbols.getInstance(options.locale()))).format(amount);
                SalesLogRow row = new SalesLogRow(timeFormat.format(line.at().atZone(zone)), "#" + line.saleId(),
                        inWords.apply("kind." + line.kind().name()), line.categoryName(), payment,
                        ticketFormat.format(line.tickets()), amountText, line.eventName(), line.currency(),
                        line.sellerName(), day.toString(), line.at().toString(), line.saleId(), line.kind().name(),
                        line.tickets(), amount);
                return new Row(line, day, dayLabel, row, amount);
            }
        };
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("SCOPE", scope);
        parameters.put("GENERATED_AT", Stamps.generatedAt(options));
        parameters.put("TOTALS", totals);
        parameters.put("BREAKDOWN_REPORT", Templates.get("breakdown"));
        if (count <= virtualizeAboveLines) {
            return Filler.fill(TEMPLATE, parameters, new RowSource<>(rows, FIELDS, job, count), options);
        }
        // a very long log: pages beyond the first few go to a swap file, so the heap stays bounded (it
        // costs time: every page is read back once at the end for its "of N pages"); the file goes when the print
        // is collected or the JVM exits
        JRSwapFileVirtualizer virtualizer = new JRSwapFileVirtualizer(pagesInMemory,
                new JRSwapFile(System.getProperty("java.io.tmpdir"), SWAP_BLOCK_BYTES, SWAP_GROWTH_BLOCKS), true);
        parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
        JasperPrint print = Filler.fill(TEMPLATE, parameters, new RowSource<>(rows, FIELDS, job, count), options);
        virtualizer.setReadOnly(true);
        return print;
    }

    /** About 3,000 pages: below it the pages stay in memory (a 100,000-sale log is some 2,000 pages). */
    static final long VIRTUALIZE_ABOVE_LINES = 150_000;
    private static final int PAGES_IN_MEMORY = 64;
    private static final int SWAP_BLOCK_BYTES = 8 * 1024;
    private static final int SWAP_GROWTH_BLOCKS = 256;

    record Row(SalesLogLine line, LocalDate day, String dayLabel, SalesLogRow row, BigDecimal amount) {}

    private static final Map<String, Function<? super Row, ?>> FIELDS = Map.ofEntries(
            Map.entry("row", Row::row),
            Map.entry("day", Row::dayLabel),
            Map.entry("dayKey", r -> r.row().dayKey()),
            Map.entry("eventId", r -> r.line().eventId()),
            Map.entry("eventName", r -> r.line().eventName()),
            Map.entry("currency", r -> r.line().currency()),
            Map.entry("sellerId", r -> r.line().sellerId()),
            Map.entry("sellerName", r -> r.line().sellerName()),
            Map.entry("tickets", r -> r.line().tickets()),
            Map.entry("amount", Row::amount));

    /** The line under the title: period, seller and event as the reader knows them, and the time zone. */
    public static String scope(SalesLogFilter filter, String sellerName, String eventName, ReportOptions options) {
        ResourceBundle labels = Filler.labels(options);
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(options.locale());
        String period;
        if (filter.from() == null && filter.to() == null) {
            period = labels.getString("scope.allDates");
        } else {
            period = (filter.from() == null ? "…" : day.format(filter.from())) + " – "
                    + (filter.to() == null ? "…" : day.format(filter.to()));
        }
        String seller = sellerName == null ? labels.getString("scope.allSellers")
                : labels.getString("scope.seller") + " " + sellerName;
        String event = eventName == null ? labels.getString("scope.allEvents")
                : labels.getString("scope.event") + " " + eventName;
        return period + " · " + seller + " · " + event + " · " + options.zone().getId();
    }

}
