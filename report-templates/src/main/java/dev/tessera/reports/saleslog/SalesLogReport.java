package dev.tessera.reports.saleslog;

import dev.tessera.reports.Progress;
import dev.tessera.reports.ReportJob;
import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.engine.Filler;
import dev.tessera.reports.engine.Money;
import dev.tessera.reports.engine.RowSource;
import dev.tessera.reports.engine.Stamps;
import dev.tessera.reports.engine.Templates;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JasperPrint;
import org.jooq.DSLContext;

/**
 * The sales log of claims 75 and 88: sales per event, seller and day with subtotals, then totals per
 * seller, event, day, category and payment method and two charts.
 */
public final class SalesLogReport {
    public static final String TEMPLATE = "sales-log";

    private SalesLogReport() {}

    /** Reads the log from the center's database and fills the report. */
    public static JasperPrint fill(DSLContext dsl, SalesLogFilter filter, ReportOptions options, ReportJob job) {
        SalesLogQuery query = new SalesLogQuery(dsl);
        job.progress().update(Progress.Stage.QUERY, 0, -1);
        long count = query.countLines(filter, options.zone());
        String scope = scope(filter, query, options);
        try (Stream<SalesLogLine> lines = query.lines(filter, options.zone())) {
            return fill(scope, lines.iterator(), count, options, job);
        }
    }

    /**
     * Fills the report from lines the caller already has (for example from the center's
     * {@code /api/sales-log}), ordered by event, seller and time.
     */
    public static JasperPrint fill(String scope, Iterator<SalesLogLine> lines, long count, ReportOptions options,
                                   ReportJob job) {
        SalesLogTotals totals = new SalesLogTotals();
        ZoneId zone = options.zone();
        DateTimeFormatter dayFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(options.locale());
        DateTimeFormatter timeFormat = DateTimeFormatter.ofPattern("HH:mm");
        Map<LocalDate, String> dayLabels = new HashMap<>();
        Iterator<Row> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public Row next() {
                SalesLogLine line = lines.next();
                LocalDate day = LocalDate.ofInstant(line.soldAt(), zone);
                String dayLabel = dayLabels.computeIfAbsent(day, dayFormat::format);
                totals.add(line, day.toString(), dayLabel);
                return new Row(line, day, dayLabel, timeFormat.format(line.soldAt().atZone(zone)));
            }
        };
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("SCOPE", scope);
        parameters.put("GENERATED_AT", Stamps.generatedAt(options));
        parameters.put("TOTALS", totals);
        parameters.put("BREAKDOWN_REPORT", Templates.get("breakdown"));
        return Filler.fill(TEMPLATE, parameters, new RowSource<>(rows, FIELDS, job, count), options);
    }

    record Row(SalesLogLine line, LocalDate day, String dayLabel, String time) {}

    private static final Map<String, Function<? super Row, ?>> FIELDS = Map.ofEntries(
            Map.entry("saleId", r -> r.line().saleId()),
            Map.entry("soldAt", r -> r.line().soldAt().toString()),
            Map.entry("time", Row::time),
            Map.entry("day", Row::dayLabel),
            Map.entry("dayKey", r -> r.day().toString()),
            Map.entry("eventId", r -> r.line().eventId()),
            Map.entry("eventName", r -> r.line().eventName()),
            Map.entry("currency", r -> r.line().currency()),
            Map.entry("sellerId", r -> r.line().sellerId()),
            Map.entry("sellerName", r -> r.line().sellerName()),
            Map.entry("category", r -> r.line().categoryName()),
            Map.entry("payment", r -> r.line().paymentMethod()),
            Map.entry("tickets", r -> r.line().tickets()),
            Map.entry("amount", r -> Money.major(r.line().amountMinor(), r.line().currency())));

    static String scope(SalesLogFilter filter, SalesLogQuery query, ReportOptions options) {
        return scope(filter, filter.sellerId() == null ? null : query.sellerName(filter.sellerId()),
                filter.eventId() == null ? null : query.eventName(filter.eventId()), options);
    }

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
