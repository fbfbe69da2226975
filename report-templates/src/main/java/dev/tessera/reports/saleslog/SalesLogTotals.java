package dev.tessera.reports.saleslog;

import dev.tessera.core.model.Money;
import dev.tessera.reports.engine.RowSource;
import dev.tessera.core.tax.TaxBreakdown;
import dev.tessera.core.tax.TaxRate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import net.sf.jasperreports.engine.JRDataSource;

/**
 * The summary of a sales log, added up while the lines stream through the fill: the summary band
 * is filled after the last line, so its tables read these totals then. Amounts are only ever added
 * within one currency. Gross counts the sales, refunds the money paid back, net is gross less refunds
 * (what a shift settlement counts as sales less refunds); voids count the tickets taken back, refunded
 * or not.
 */
public final class SalesLogTotals {
    static final Map<String, Function<? super BreakdownRow, ?>> FIELDS = Map.of(
            "label", BreakdownRow::label,
            "currency", BreakdownRow::currency,
            "sales", BreakdownRow::sales,
            "tickets", BreakdownRow::tickets,
            "gross", BreakdownRow::gross,
            "voids", BreakdownRow::voids,
            "refunds", BreakdownRow::refunds,
            "amount", BreakdownRow::net,
            "share", BreakdownRow::share);

    // by label, then currency; issue 13: the key a record (a line adds to six of them, so no key string is built)
    private final Map<Key, Sum> bySeller = new TreeMap<>(BY_LABEL);
    private final Map<Key, Sum> byEvent = new TreeMap<>(BY_LABEL);
    private final Map<Key, Sum> byDay = new TreeMap<>(BY_LABEL);
    private final Map<Key, Sum> byCategory = new TreeMap<>(BY_LABEL);
    private final Map<Key, Sum> byPayment = new TreeMap<>(BY_LABEL);
    private final Map<Key, Sum> byCurrency = new TreeMap<>(BY_LABEL);
    private final Map<String, String> dayLabels = new LinkedHashMap<>();
    // issue 17: each sale's gross per rate (a receipt's tax is taken once per rate), and per currency and rate the
    // refunds and their credit notes' tax; issue 13: a sale's lines come one after another, so only the current
    // sale's gross is kept and its tax added to the rate when the next sale begins (not a map entry per sale)
    private final Map<String, long[]> salesByRate = new TreeMap<>();
    private final Map<String, Long> currentReceipt = new HashMap<>();
    private long currentSaleId = Long.MIN_VALUE;
    private final Map<String, long[]> refundsByRate = new TreeMap<>();
    private final Map<Key, String> rateKeys = new HashMap<>();

    private record Key(String label, String currency) {}

    private static final Comparator<Key> BY_LABEL = Comparator.comparing(Key::label).thenComparing(Key::currency);

    private static final class Sum {
        final String label;
        final String currency;
        // the lines of one sale arrive one after another, so a change of sale id counts a new sale
        long lastSaleId = Long.MIN_VALUE;
        long sales;
        long tickets;
        long grossMinor;
        long voids;
        long refundsMinor;

        Sum(String label, String currency) {
            this.label = label;
            this.currency = currency;
        }

        long netMinor() {
            return grossMinor - refundsMinor;
        }
    }

    /**
     * Adds one line; {@code dayKey} sorts (ISO date), {@code dayLabel} is what the table shows,
     * {@code paymentLabel} the payment method in words.
     */
    void add(SalesLogLine line, String dayKey, String dayLabel, String paymentLabel) {
        dayLabels.putIfAbsent(dayKey, dayLabel);
        add(bySeller, line.sellerName(), line);
        add(byEvent, line.eventName(), line);
        add(byDay, dayKey, line);
        add(byCategory, line.categoryName(), line);
        add(byPayment, paymentLabel, line);
        add(byCurrency, line.currency(), line);
        String rate = rateKeys.computeIfAbsent(new Key(Integer.toString(line.taxRateBasisPoints()), line.currency()),
                k -> rateKey(line.currency(), line.taxRateBasisPoints()));
        if (line.voids()) {
            long[] refund = refundsByRate.computeIfAbsent(rate, k -> new long[2]);
            refund[0] += line.refundMinor();
            refund[1] += TaxBreakdown.taxIn(line.refundMinor(), new TaxRate(line.taxRateBasisPoints()));
        } else {
            if (line.saleId() != currentSaleId) {
                closeReceipt();
                currentSaleId = line.saleId();
            }
            currentReceipt.merge(rate, line.amountMinor(), Long::sum);
        }
    }

    /** The current sale's gross per rate, its tax taken once per rate, into the rates' sums. */
    private void closeReceipt() {
        currentReceipt.forEach((rate, gross) -> {
            long[] sum = salesByRate.computeIfAbsent(rate, k -> new long[2]);
            sum[0] += gross;
            sum[1] += TaxBreakdown.taxIn(gross, new TaxRate(basisPoints(rate)));
        });
        currentReceipt.clear();
    }

    /** Currency, then the highest rate first. */
    private static String rateKey(String currency, int basisPoints) {
        return currency + "\u0000" + String.format(Locale.ROOT, "%05d", 10_000 - basisPoints);
    }

    /** One rate's money: gross (sales less refunds), tax (receipts' less credit notes', each rounded once), net. */
    public record RateTotal(String currency, int rateBasisPoints, long grossMinor, long taxMinor) {
        public long netMinor() {
            return grossMinor - taxMinor;
        }
    }

    public List<RateTotal> byRate() {
        closeReceipt();
        currentSaleId = Long.MIN_VALUE;
        Map<String, long[]> sums = new TreeMap<>();
        salesByRate.forEach((rate, sale) -> {
            long[] sum = sums.computeIfAbsent(rate, k -> new long[2]);
            sum[0] += sale[0];
            sum[1] += sale[1];
        });
        refundsByRate.forEach((rate, refund) -> {
            long[] sum = sums.computeIfAbsent(rate, k -> new long[2]);
            sum[0] -= refund[0];
            sum[1] -= refund[1];
        });
        return sums.entrySet().stream().map(e -> new RateTotal(e.getKey().substring(0, e.getKey().indexOf('\u0000')),
                basisPoints(e.getKey()), e.getValue()[0], e.getValue()[1])).toList();
    }

    private static int basisPoints(String rateKey) {
        return 10_000 - Integer.parseInt(rateKey.substring(rateKey.indexOf('\u0000') + 1));
    }

    /**
     * The summary's tax table as one column of lines, a line per currency and rate: {@code column} is rate, gross,
     * tax or net; templates call this from the summary band.
     */
    public String taxColumn(String column, Locale locale) {
        List<RateTotal> rates = byRate();
        if (rates.isEmpty()) {
            return "–";
        }
        return String.join("\n", rates.stream().map(r -> switch (column) {
            case "rate" -> r.currency() + " " + BigDecimal.valueOf(r.rateBasisPoints(), 2).stripTrailingZeros()
                    .toPlainString() + "%";
            case "gross" -> Money.format(r.grossMinor(), r.currency(), locale);
            case "tax" -> Money.format(r.taxMinor(), r.currency(), locale);
            case "net" -> Money.format(r.netMinor(), r.currency(), locale);
            default -> throw new IllegalArgumentException("no tax column " + column);
        }).toList());
    }

    private static void add(Map<Key, Sum> sums, String label, SalesLogLine line) {
        Sum sum = sums.computeIfAbsent(new Key(label, line.currency()), k -> new Sum(label, line.currency()));
        sum.tickets += line.tickets();
        if (line.voids()) {
            sum.voids += -line.tickets();
            sum.refundsMinor += line.refundMinor();
            return;
        }
        if (sum.lastSaleId != line.saleId()) {
            sum.lastSaleId = line.saleId();
            sum.sales++;
        }
        sum.grossMinor += line.amountMinor();
    }

    public long sales() {
        return byCurrency.values().stream().mapToLong(s -> s.sales).sum();
    }

    /** Tickets sold less tickets voided. */
    public long tickets() {
        return byCurrency.values().stream().mapToLong(s -> s.tickets).sum();
    }

    public long voids() {
        return byCurrency.values().stream().mapToLong(s -> s.voids).sum();
    }

    /** Net (gross less refunds) per currency, in minor units. */
    public Map<String, Long> netMinor() {
        Map<String, Long> net = new TreeMap<>();
        byCurrency.values().forEach(s -> net.put(s.currency, s.netMinor()));
        return net;
    }

    /** "JPY 1,234,000", one line per currency the log contains: the net. */
    public String grandTotals(Locale locale) {
        return amounts(s -> s.netMinor(), locale);
    }

    public String gross(Locale locale) {
        return amounts(s -> s.grossMinor, locale);
    }

    public String refunds(Locale locale) {
        return amounts(s -> -s.refundsMinor, locale);
    }

    private String amounts(java.util.function.ToLongFunction<Sum> amount, Locale locale) {
        if (byCurrency.isEmpty()) {
            return "–";
        }
        return String.join("\n", byCurrency.values().stream()
                .map(s -> Money.format(amount.applyAsLong(s), s.currency, locale)).toList());
    }

    /** The currency with the most sales: the charts show that one, since amounts never mix. */
    public String chartCurrency() {
        return byCurrency.values().stream().max(Comparator.comparingLong(s -> s.sales))
                .map(s -> s.currency).orElse("");
    }

    public List<BreakdownRow> rows(String dimension) {
        Map<Key, Sum> sums = switch (dimension) {
            case "seller" -> bySeller;
            case "event" -> byEvent;
            case "day" -> byDay;
            case "category" -> byCategory;
            case "payment" -> byPayment;
            case "currency" -> byCurrency;
            default -> throw new IllegalArgumentException("no breakdown by " + dimension);
        };
        Map<String, Long> currencyTotals = netMinor();
        List<BreakdownRow> rows = new ArrayList<>();
        for (Sum s : sums.values()) {
            long all = currencyTotals.getOrDefault(s.currency, 0L);
            String label = dimension.equals("day") ? dayLabels.getOrDefault(s.label, s.label) : s.label;
            rows.add(new BreakdownRow(label, s.currency, s.sales, s.tickets, s.grossMinor, s.voids, s.refundsMinor,
                    all == 0 ? 0 : (double) s.netMinor() / all));
        }
        return rows;
    }

    /** A table's rows as a data source; templates call this from the summary band. */
    public JRDataSource table(String dimension) {
        return RowSource.of(rows(dimension), FIELDS);
    }

    /** Rows of one dimension in the chart currency only; days get a short label for the axis. */
    public JRDataSource chart(String dimension) {
        String currency = chartCurrency();
        List<BreakdownRow> rows = new ArrayList<>();
        List<String> dayKeys = byDay.keySet().stream().map(Key::label).toList();
        List<BreakdownRow> all = rows(dimension);
        for (int i = 0; i < all.size(); i++) {
            BreakdownRow row = all.get(i);
            if (!row.currency().equals(currency)) {
                continue;
            }
            String label = dimension.equals("day") ? shortDay(dayKeys.get(i)) : row.label();
            rows.add(new BreakdownRow(label, row.currency(), row.sales(), row.tickets(), row.grossMinor(), row.voids(),
                    row.refundsMinor(), row.share()));
        }
        return RowSource.of(rows, FIELDS);
    }

    private static String shortDay(String iso) {
        return iso.substring(5).replace('-', '/');
    }
}
