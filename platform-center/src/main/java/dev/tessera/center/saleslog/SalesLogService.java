package dev.tessera.center.saleslog;

import static dev.tessera.center.db.schema.Tables.ACCOUNT;
import static dev.tessera.center.db.schema.Tables.EVENT;
import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.TICKET;
import static dev.tessera.center.db.schema.Tables.TICKET_VOID;

import dev.tessera.center.db.Database;
import dev.tessera.center.problem.DomainException;
import dev.tessera.contract.saleslog.SalesLog.Filter;
import dev.tessera.contract.saleslog.SalesLog.Line;
import dev.tessera.contract.saleslog.SalesLog;
import dev.tessera.contract.saleslog.SalesLogGroup;
import dev.tessera.contract.saleslog.TaxTotal;
import dev.tessera.contract.saleslog.Total;
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

/** Claims 75, 88: the log of sales per seller, event, day, category and payment method. */
public final class SalesLogService {
    private final Database db;

    /** Sales a page holds when a client names no limit (an older client reads this first page only). */
    public static final int DEFAULT_PAGE_SALES = 10_000;
    /** The most sales a page may hold. */
    public static final int MAX_PAGE_SALES = 50_000;
    /** A voided ticket's status: only such a ticket has a ticket_void row (VoidService writes both at once). */
    private static final String VOIDED = "VOID";
    /** Ticket ids asked for in one statement: well below PostgreSQL's 32,767 parameters, for a page of 50,000 sales. */
    private static final int REFUNDS_AT_ONCE = 1_000;

    /** Where a page starts: after the sale sold at {@code soldAt} with the number {@code saleId}. */
    public record Cursor(OffsetDateTime soldAt, long saleId) {
        /** The cursor as the API hands it out: opaque to clients. */
        public String token() {
            Instant at = soldAt.toInstant();
            String plain = at.getEpochSecond() + "." + at.getNano() + "." + saleId;
            return java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(plain.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }

        public static Cursor parse(String token) {
            try {
                String[] parts = new String(java.util.Base64.getUrlDecoder().decode(token),
                        java.nio.charset.StandardCharsets.US_ASCII).split("\\.");
                if (parts.length == 3) {
                    return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]))
                            .atOffset(ZoneOffset.UTC), Long.parseLong(parts[2]));
                }
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                // reported below in words
            }
            throw DomainException.invalid("after must be the next cursor of an earlier page of the sales log");
        }
    }

    public SalesLogService(Database db) {
        this.db = db;
    }

    /** The whole log in one answer (the center's own callers; clients read it a page at a time). */
    public SalesLog log(Filter filter) {
        return page(filter, null, Integer.MAX_VALUE);
    }

    /**
     * Issue 13: one page of at most {@code limit} whole sales after {@code after} (null: the first), keyset by sale
     * time and number, so a page costs the same wherever it lies in a long log.
     */
    public SalesLog page(Filter filter, Cursor after, int limit) {
        List<Condition> where = conditions(filter);
        if (after != null) {
            // (sold_at, id) > after, written so the sale time's index bounds the scan
            where.add(SALE.SOLD_AT.ge(after.soldAt()));
            where.add(SALE.SOLD_AT.gt(after.soldAt()).or(SALE.ID.gt(after.saleId())));
        }
        Cursor next = null;
        if (limit != Integer.MAX_VALUE) {
            var keys = db.dsl().select(SALE.SOLD_AT, SALE.ID).from(SALE).where(DSL.and(where))
                    .orderBy(SALE.SOLD_AT, SALE.ID).limit(limit + 1).fetch();
            if (keys.size() > limit) {
                var last = keys.get(limit - 1);
                next = new Cursor(last.value1(), last.value2());
                where.add(SALE.SOLD_AT.le(next.soldAt()));
                where.add(SALE.SOLD_AT.lt(next.soldAt()).or(SALE.ID.le(next.saleId())));
            }
        }
        List<Line> lines = lines(where);
        long total = lines.stream().mapToLong(Line::priceMinor).sum();
        return new SalesLog(filter, lines, lines.size(), total,
                totals(lines, l -> l.sellerId() + " " + l.sellerName()),
                totals(lines, l -> l.eventId() + " " + l.eventName()),
                totals(lines, l -> LocalDate.ofInstant(l.soldAt().toInstant(), ZoneOffset.UTC).toString()),
                totals(lines, Line::categoryId),
                totals(lines, Line::paymentMethod),
                byRate(lines), next == null ? null : next.token());
    }

    /**
     * Issue 13: the events and sellers of the log, by event then seller: those with sales in the filter, and those
     * whose sales (of the filter's seller and event, any payment) had a ticket taken back in its period.
     */
    public List<SalesLogGroup> groups(Filter filter) {
        record Id(long eventId, long sellerId) {}
        Map<Id, SalesLogGroup> groups = new TreeMap<>(java.util.Comparator.comparingLong(Id::eventId)
                .thenComparingLong(Id::sellerId));
        // issue 13: counted per event and seller from the sales alone (sale_log_ix), the names looked up after
        var sold = db.dsl().select(SALE.EVENT_ID, SALE.SELLER_ID, DSL.count()).from(SALE)
                .where(DSL.and(conditions(filter))).groupBy(SALE.EVENT_ID, SALE.SELLER_ID).fetch();
        Map<Long, String> events = names(EVENT.ID, EVENT.NAME, sold.intoSet(SALE.EVENT_ID));
        Map<Long, String> sellers = names(ACCOUNT.ID, ACCOUNT.DISPLAY_NAME, sold.intoSet(SALE.SELLER_ID));
        sold.forEach(r -> groups.put(new Id(r.value1(), r.value2()), new SalesLogGroup(r.value1(),
                events.get(r.value1()), r.value2(), sellers.get(r.value2()), r.value3(), 0)));
        List<Condition> voided = conditions(new Filter(null, null, filter.sellerId(), filter.eventId()));
        if (filter.from() != null) {
            voided.add(TICKET_VOID.VOIDED_AT.ge(filter.from().atOffset(ZoneOffset.UTC)));
        }
        if (filter.to() != null) {
            voided.add(TICKET_VOID.VOIDED_AT.lt(filter.to().atOffset(ZoneOffset.UTC)));
        }
        db.dsl().select(SALE.EVENT_ID, EVENT.NAME, SALE.SELLER_ID, ACCOUNT.DISPLAY_NAME, DSL.count())
                .from(TICKET_VOID).join(SALE).on(SALE.ID.eq(TICKET_VOID.SALE_ID))
                .join(EVENT).on(EVENT.ID.eq(SALE.EVENT_ID)).join(ACCOUNT).on(ACCOUNT.ID.eq(SALE.SELLER_ID))
                .where(DSL.and(voided))
                .groupBy(SALE.EVENT_ID, EVENT.NAME, SALE.SELLER_ID, ACCOUNT.DISPLAY_NAME)
                .forEach(r -> groups.merge(new Id(r.value1(), r.value3()),
                        new SalesLogGroup(r.value1(), r.value2(), r.value3(), r.value4(), 0, r.value5()),
                        (had, voids) -> new SalesLogGroup(had.eventId(), had.eventName(), had.sellerId(), had.sellerName(),
                                had.sales(), voids.voids())));
        return List.copyOf(groups.values());
    }

    private static List<Condition> conditions(Filter filter) {
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
        return where;
    }

    /**
     * The tickets of the sales in {@code where}, in the log's order. The event's and seller's names are looked up once
     * for the page, not joined to every ticket (issue 13: a tenth of the query on H2); so are the refunds, only for
     * the page's voided tickets: a ticket_void row is written with its ticket's status VOID in one transaction
     * (VoidService) and no ticket leaves VOID, so the other tickets have none (a left join looked each one up).
     */
    private List<Line> lines(List<Condition> where) {
        var rows = db.dsl()
                .select(SALE.ID, SALE.SOLD_AT, SALE.EVENT_ID, SALE.SELLER_ID, TICKET.ID, TICKET.SEAT_ID,
                        TICKET.CATEGORY_ID, TICKET.PRICE_MINOR, SALE.CURRENCY, SALE.PAYMENT_METHOD, TICKET.STATUS,
                        TICKET.TAX_RATE_BP)
                .from(SALE)
                .join(TICKET).on(TICKET.SALE_ID.eq(SALE.ID))
                .where(DSL.and(where))
                .orderBy(SALE.SOLD_AT, SALE.ID, TICKET.SEAT_ID)
                .fetch();
        Map<Long, String> events = names(EVENT.ID, EVENT.NAME, rows.intoSet(SALE.EVENT_ID));
        Map<Long, String> sellers = names(ACCOUNT.ID, ACCOUNT.DISPLAY_NAME, rows.intoSet(SALE.SELLER_ID));
        Map<String, Long> refunds = refunds(rows.stream().filter(r -> VOIDED.equals(r.value11()))
                .map(r -> r.value5()).toList());
        List<Line> lines = new ArrayList<>(rows.size());
        for (var r : rows) {
            lines.add(new Line(r.value1(), r.value2(), r.value3(), events.get(r.value3()), r.value4(),
                    sellers.get(r.value4()), r.value5(), r.value6(), r.value7(), r.value8(), r.value9(), r.value10(),
                    r.value11(), refunds.getOrDefault(r.value5(), 0L), r.value12()));
        }
        return lines;
    }

    /** The amount paid back for each of the voided tickets {@code ticketIds} (their ticket_void rows, by its key). */
    private Map<String, Long> refunds(List<String> ticketIds) {
        Map<String, Long> refunds = new java.util.HashMap<>();
        for (int from = 0; from < ticketIds.size(); from += REFUNDS_AT_ONCE) {
            var chunk = ticketIds.subList(from, Math.min(ticketIds.size(), from + REFUNDS_AT_ONCE));
            refunds.putAll(db.dsl().select(TICKET_VOID.TICKET_ID, TICKET_VOID.REFUND_MINOR).from(TICKET_VOID)
                    .where(TICKET_VOID.TICKET_ID.in(chunk)).fetchMap(TICKET_VOID.TICKET_ID, TICKET_VOID.REFUND_MINOR));
        }
        return refunds;
    }

    /** The names of the rows of {@code id}'s table whose ids are {@code ids}. */
    private Map<Long, String> names(org.jooq.TableField<?, Long> id, org.jooq.TableField<?, String> name,
                                    java.util.Set<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db.dsl().select(id, name).from(id.getTable()).where(id.in(ids)).fetchMap(id, name);
    }

    /** Issue 17: net, tax and gross per currency and rate, each receipt's and credit note's tax rounded once. */
    public static List<TaxTotal> byRate(List<Line> lines) {
        Map<String, List<Line>> perSale = new java.util.LinkedHashMap<>();
        lines.forEach(l -> perSale.computeIfAbsent(l.currency() + " " + l.saleId(), k -> new ArrayList<>()).add(l));
        Map<RateKey, long[]> sums = new TreeMap<>(RateKey.ORDER);
        for (List<Line> sale : perSale.values()) {
            String currency = sale.getFirst().currency();
            var receipt = TaxBreakdown.of(sale.stream().map(l -> new TaxBreakdown.Amount(
                    new TaxRate(l.taxRateBasisPoints()), l.priceMinor())).toList());
            for (TaxBreakdown.PerRate rate : receipt.rates()) {
                long[] sum = sums.computeIfAbsent(new RateKey(currency, rate.rate().basisPoints()), k -> new long[4]);
                sum[1] += rate.grossMinor();
                sum[3] += rate.taxMinor();
            }
            for (Line line : sale) {
                TaxRate rate = new TaxRate(line.taxRateBasisPoints());
                long[] sum = sums.get(new RateKey(currency, rate.basisPoints()));
                sum[0]++;
                if (line.refundMinor() != 0) {
                    // a refund is a credit note of its own: its tax is taken from it once, and subtracted
                    sum[2] += line.refundMinor();
                    sum[3] -= TaxBreakdown.taxIn(line.refundMinor(), rate);
                }
            }
        }
        return sums.entrySet().stream().map(e -> {
            long[] v = e.getValue();
            long gross = v[1] - v[2];
            return new TaxTotal(e.getKey().currency(), e.getKey().basisPoints(), (int) v[0], v[1], v[2], gross, v[3],
                    gross - v[3]);
        }).toList();
    }

    /** A currency and tax rate of {@link #byRate}: by currency, then the highest rate first. */
    private record RateKey(String currency, int basisPoints) {
        static final java.util.Comparator<RateKey> ORDER = java.util.Comparator.comparing(RateKey::currency)
                .thenComparing(RateKey::basisPoints, java.util.Comparator.reverseOrder());
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
