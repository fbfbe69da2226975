package dev.tessera.center.saleslog;

import static dev.tessera.center.db.schema.Tables.ACCOUNT;
import static dev.tessera.center.db.schema.Tables.EVENT;
import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.TICKET;
import static dev.tessera.center.db.schema.Tables.TICKET_VOID;

import dev.tessera.center.db.Database;
import dev.tessera.core.tax.TaxBreakdown;
import dev.tessera.core.tax.TaxRate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import dev.tessera.contract.saleslog.TaxTotal;

/** Claims 75, 88: the log of sales per seller, event, day, category and payment method. */
public final class SalesLogService {
    private final Database db;

    /** Every part optional; {@code paymentMethod} is CASH, CARD or INVOICE. */
    public record Filter(Instant from, Instant to, Long sellerId, Long eventId, String paymentMethod) {
        public Filter(Instant from, Instant to, Long sellerId, Long eventId) {
            this(from, to, sellerId, eventId, null);
        }
    }

    /**
     * One ticket sold: {@code status} is the ticket's now (VALID, USED or VOID); a voided ticket
     * keeps its line, so a manager sees sold, voided and refunded apart ({@code refundMinor}).
     */
    public record Line(long saleId, OffsetDateTime soldAt, long eventId, String eventName, long sellerId,
                       String sellerName, String ticketId, String seatId, String categoryId, long priceMinor,
                       String currency, String paymentMethod, String status, long refundMinor,
                       int taxRateBasisPoints) {}

    public record Total(String key, int tickets, long amountMinor) {}

    public record SalesLog(Filter filter, List<Line> lines, int tickets, long totalMinor, List<Total> bySeller,
                           List<Total> byEvent, List<Total> byDay, List<Total> byCategory, List<Total> byPayment,
                           List<TaxTotal> byRate) {}

    public SalesLogService(Database db) {
        this.db = db;
    }

    public SalesLog log(Filter filter) {
        List<Condition> where = new ArrayList<>();
        if (filter.from() != null) {
            where.add(SALE.SOLD_AT.ge(filter.from().atOffset(ZoneOffset.UTC)));
        }
        if (filter.to() != null) {
            where.add(SALE.SOLD_AT.lt(filter.to().atOffset(ZoneOffset.UTC)));
        }
        if (filter.sellerId() != null) {
            where.add(SALE.SELLER_ID.eq(filter.sellerId()));
        }
        if (filter.eventId() != null) {
            where.add(SALE.EVENT_ID.eq(filter.eventId()));
        }
        if (filter.paymentMethod() != null) {
            where.add(SALE.PAYMENT_METHOD.eq(filter.paymentMethod()));
        }
        List<Line> lines = db.dsl()
                .select(SALE.ID, SALE.SOLD_AT, SALE.EVENT_ID, EVENT.NAME, SALE.SELLER_ID, ACCOUNT.DISPLAY_NAME,
                        TICKET.ID, TICKET.SEAT_ID, TICKET.CATEGORY_ID, TICKET.PRICE_MINOR, SALE.CURRENCY,
                        SALE.PAYMENT_METHOD, TICKET.STATUS, TICKET_VOID.REFUND_MINOR, TICKET.TAX_RATE_BP)
                .from(SALE)
                .join(TICKET).on(TICKET.SALE_ID.eq(SALE.ID))
                .join(EVENT).on(EVENT.ID.eq(SALE.EVENT_ID))
                .join(ACCOUNT).on(ACCOUNT.ID.eq(SALE.SELLER_ID))
                .leftJoin(TICKET_VOID).on(TICKET_VOID.TICKET_ID.eq(TICKET.ID))
                .where(where.isEmpty() ? DSL.trueCondition() : DSL.and(where))
                .orderBy(SALE.SOLD_AT, SALE.ID, TICKET.SEAT_ID)
                .fetch(r -> new Line(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9(), r.value10(), r.value11(), r.value12(), r.value13(),
                        r.value14() == null ? 0 : r.value14(), r.value15()));
        long total = lines.stream().mapToLong(Line::priceMinor).sum();
        return new SalesLog(filter, lines, lines.size(), total,
                totals(lines, l -> l.sellerId() + " " + l.sellerName()),
                totals(lines, l -> l.eventId() + " " + l.eventName()),
                totals(lines, l -> LocalDate.ofInstant(l.soldAt().toInstant(), ZoneOffset.UTC).toString()),
                totals(lines, Line::categoryId),
                totals(lines, Line::paymentMethod),
                byRate(lines));
    }

    /** Issue 17: net, tax and gross per currency and rate, each receipt's and credit note's tax rounded once. */
    public static List<TaxTotal> byRate(List<Line> lines) {
        Map<String, List<Line>> perSale = new java.util.LinkedHashMap<>();
        lines.forEach(l -> perSale.computeIfAbsent(l.currency() + " " + l.saleId(), k -> new ArrayList<>()).add(l));
        Map<String, long[]> sums = new TreeMap<>();
        for (List<Line> sale : perSale.values()) {
            String currency = sale.getFirst().currency();
            var receipt = TaxBreakdown.of(sale.stream().map(l -> new TaxBreakdown.Amount(
                    new TaxRate(l.taxRateBasisPoints()), l.priceMinor())).toList());
            for (TaxBreakdown.PerRate rate : receipt.rates()) {
                long[] sum = sums.computeIfAbsent(key(currency, rate.rate()), k -> new long[4]);
                sum[1] += rate.grossMinor();
                sum[3] += rate.taxMinor();
            }
            for (Line line : sale) {
                TaxRate rate = new TaxRate(line.taxRateBasisPoints());
                long[] sum = sums.get(key(currency, rate));
                sum[0]++;
                if (line.refundMinor() != 0) {
                    // a refund is a credit note of its own: its tax is taken from it once, and subtracted
                    sum[2] += line.refundMinor();
                    sum[3] -= TaxBreakdown.taxIn(line.refundMinor(), rate);
                }
            }
        }
        return sums.entrySet().stream().map(e -> {
            String[] k = e.getKey().split(" ");
            long[] v = e.getValue();
            long gross = v[1] - v[2];
            return new TaxTotal(k[0], 10_000 - Integer.parseInt(k[1]), (int) v[0], v[1], v[2], gross, v[3], gross - v[3]);
        }).toList();
    }

    /** Sorts by currency, then the highest rate first. */
    private static String key(String currency, TaxRate rate) {
        return currency + " " + String.format("%05d", 10_000 - rate.basisPoints());
    }

    private static List<Total> totals(List<Line> lines, Function<Line, String> key) {
        Map<String, long[]> sums = new TreeMap<>();
        for (Line line : lines) {
            long[] sum = sums.computeIfAbsent(key.apply(line), k -> new long[2]);
            sum[0]++;
            sum[1] += line.priceMinor();
        }
        return sums.entrySet().stream().map(e -> new Total(e.getKey(), (int) e.getValue()[0], e.getValue()[1])).toList();
    }
}
