package dev.tessera.reports.settlement;

import static dev.tessera.center.db.schema.Tables.ACCOUNT;
import static dev.tessera.center.db.schema.Tables.GA_ALLOCATION;
import static dev.tessera.center.db.schema.Tables.GA_INVENTORY;
import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.SEAT_STATE;
import static dev.tessera.center.db.schema.Tables.SELLER_QUOTA;
import static dev.tessera.center.db.schema.Tables.TICKET;

import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.data.EventCatalog;
import dev.tessera.reports.data.EventInfo;
import dev.tessera.reports.engine.Filler;
import dev.tessera.reports.engine.RowSource;
import dev.tessera.reports.engine.Stamps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import net.sf.jasperreports.engine.JasperPrint;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What each seller owes and holds: quotas and allocations used against granted, takings in cash,
 * card and invoice of the tickets not voided, and voided tickets apart. Refunds day by day are in the
 * sales log, the cash drawer in each shift's settlement (the subtitle says so).
 */
public final class SellerSettlementReport {
    public static final String TEMPLATE = "seller-settlement";

    private static final Map<String, Function<? super SettlementRow, ?>> FIELDS = Map.ofEntries(
            Map.entry("seller", SettlementRow::sellerName),
            Map.entry("currency", SettlementRow::currency),
            Map.entry("event", SettlementRow::eventName),
            Map.entry("category", SettlementRow::category),
            Map.entry("quota", SettlementRow::quota),
            Map.entry("quotaUsed", SettlementRow::quotaUsed),
            Map.entry("allocated", SettlementRow::allocated),
            Map.entry("allocatedSold", SettlementRow::allocatedSold),
            Map.entry("tickets", SettlementRow::tickets),
            Map.entry("cash", SettlementRow::cash),
            Map.entry("card", SettlementRow::card),
            Map.entry("invoice", SettlementRow::invoice),
            Map.entry("voided", SettlementRow::voided));

    /** One event or all, one seller or all. */
    public record Filter(Long eventId, Long sellerId) {
        public static Filter all() {
            return new Filter(null, null);
        }
    }

    private SellerSettlementReport() {}

    public static JasperPrint fill(DSLContext dsl, Filter filter, ReportOptions options) {
        return fill(rows(dsl, filter), options);
    }

    public static JasperPrint fill(List<SettlementRow> rows, ReportOptions options) {
        return fill(rows, List.of(), options);
    }

    /**
     * With the money per tax rate of each seller ({@code bySeller}, labelled with the seller's name; issue 17), and
     * when there are several sellers, each currency and rate over all of them: the lines the sales log's tax table
     * shows for the same scope.
     */
    public static JasperPrint fill(List<SettlementRow> rows, List<TaxTable.Line> bySeller, ReportOptions options) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("GENERATED_AT", Stamps.generatedAt(options));
        List<TaxTable.Line> lines = new ArrayList<>(bySeller);
        if (bySeller.stream().map(TaxTable.Line::label).distinct().count() > 1) {
            String all = Filler.labels(options).getString("settlement.allSellers");
            Map<String, long[]> sums = new TreeMap<>();
            bySeller.forEach(l -> {
                long[] sum = sums.computeIfAbsent(l.currency() + "\u0000" + (10_000 + 10_000 - l.rateBasisPoints()),
                        k -> new long[] {l.rateBasisPoints(), 0, 0});
                sum[1] += l.grossMinor();
                sum[2] += l.taxMinor();
            });
            sums.forEach((key, sum) -> lines.add(new TaxTable.Line(all, key.substring(0, key.indexOf('\u0000')),
                    (int) sum[0], sum[1], sum[2])));
        }
        parameters.put("TAX", new TaxTable(lines));
        return Filler.fill(TEMPLATE, parameters, RowSource.of(rows, FIELDS), options);
    }

    private record Key(long eventId, long sellerId, String categoryId) {}

    private static final class Acc {
        int quota;
        int used;
        int allocated;
        int allocatedSold;
        int tickets;
        long cash;
        long card;
        long invoice;
        int voided;
        long voidedMinor;
    }

    public static List<SettlementRow> rows(DSLContext dsl, Filter filter) {
        Map<Key, Acc> acc = new TreeMap<>(Comparator.comparingLong(Key::eventId).thenComparingLong(Key::sellerId)
                .thenComparing(Key::categoryId));
        Condition quotaWhere = DSL.and(filter.eventId() == null ? DSL.trueCondition() : SELLER_QUOTA.EVENT_ID.eq(filter.eventId()),
                filter.sellerId() == null ? DSL.trueCondition() : SELLER_QUOTA.SELLER_ID.eq(filter.sellerId()));
        dsl.selectFrom(SELLER_QUOTA).where(quotaWhere).forEach(q -> {
            Acc a = acc.computeIfAbsent(new Key(q.getEventId(), q.getSellerId(), q.getCategoryId()), k -> new Acc());
            a.quota = q.getQuota();
            a.used = q.getUsed();
        });
        Condition seatWhere = DSL.and(SEAT_STATE.ALLOCATED_TO.isNotNull(),
                filter.eventId() == null ? DSL.trueCondition() : SEAT_STATE.EVENT_ID.eq(filter.eventId()),
                filter.sellerId() == null ? DSL.trueCondition() : SEAT_STATE.ALLOCATED_TO.eq(filter.sellerId()));
        dsl.select(SEAT_STATE.EVENT_ID, SEAT_STATE.ALLOCATED_TO, SEAT_STATE.CATEGORY_ID, DSL.count(),
                        DSL.count().filterWhere(SEAT_STATE.STATUS.eq("SOLD")))
                .from(SEAT_STATE).where(seatWhere)
                .groupBy(SEAT_STATE.EVENT_ID, SEAT_STATE.ALLOCATED_TO, SEAT_STATE.CATEGORY_ID)
                .forEach(r -> {
                    Acc a = acc.computeIfAbsent(new Key(r.value1(), r.value2(), r.value3()), k -> new Acc());
                    a.allocated += r.value4();
                    a.allocatedSold += r.value5();
                });
        // issue 18: places of standing areas set aside for a seller's offline counter, in the area's category
        Condition areaWhere = DSL.and(filter.eventId() == null ? DSL.trueCondition() : GA_ALLOCATION.EVENT_ID.eq(filter.eventId()),
                filter.sellerId() == null ? DSL.trueCondition() : GA_ALLOCATION.SELLER_ID.eq(filter.sellerId()));
        dsl.select(GA_ALLOCATION.EVENT_ID, GA_ALLOCATION.SELLER_ID, GA_INVENTORY.CATEGORY_ID,
                        DSL.sum(GA_ALLOCATION.QUANTITY), DSL.sum(GA_ALLOCATION.SOLD))
                .from(GA_ALLOCATION).join(GA_INVENTORY).on(GA_INVENTORY.EVENT_ID.eq(GA_ALLOCATION.EVENT_ID),
                        GA_INVENTORY.AREA_ID.eq(GA_ALLOCATION.AREA_ID))
                .where(areaWhere)
                .groupBy(GA_ALLOCATION.EVENT_ID, GA_ALLOCATION.SELLER_ID, GA_INVENTORY.CATEGORY_ID)
                .forEach(r -> {
                    Acc a = acc.computeIfAbsent(new Key(r.value1(), r.value2(), r.value3()), k -> new Acc());
                    a.allocated += r.value4().intValueExact();
                    a.allocatedSold += r.value5().intValueExact();
                });
        Condition saleWhere = DSL.and(filter.eventId() == null ? DSL.trueCondition() : SALE.EVENT_ID.eq(filter.eventId()),
                filter.sellerId() == null ? DSL.trueCondition() : SALE.SELLER_ID.eq(filter.sellerId()));
        dsl.select(SALE.EVENT_ID, SALE.SELLER_ID, TICKET.CATEGORY_ID, SALE.PAYMENT_METHOD, TICKET.STATUS, DSL.count(),
                        DSL.sum(TICKET.PRICE_MINOR))
                .from(TICKET).join(SALE).on(SALE.ID.eq(TICKET.SALE_ID)).where(saleWhere)
                .groupBy(SALE.EVENT_ID, SALE.SELLER_ID, TICKET.CATEGORY_ID, SALE.PAYMENT_METHOD, TICKET.STATUS)
                .forEach(r -> {
                    Acc a = acc.computeIfAbsent(new Key(r.value1(), r.value2(), r.value3()), k -> new Acc());
                    long amount = r.value7().longValueExact();
                    if ("VOID".equals(r.value5())) {
                        a.voided += r.value6();
                        a.voidedMinor += amount;
                        return;
                    }
                    a.tickets += r.value6();
                    switch (r.value4()) {
                        case "CASH" -> a.cash += amount;
                        case "CARD" -> a.card += amount;
                        default -> a.invoice += amount;
                    }
                });
        Map<Long, String> sellers = new HashMap<>();
        dsl.select(ACCOUNT.ID, ACCOUNT.DISPLAY_NAME).from(ACCOUNT).forEach(r -> sellers.put(r.value1(), r.value2()));
        EventCatalog catalog = new EventCatalog(dsl);
        List<SettlementRow> rows = new ArrayList<>();
        acc.forEach((k, a) -> {
            EventInfo event = catalog.event(k.eventId());
            rows.add(new SettlementRow(sellers.getOrDefault(k.sellerId(), "#" + k.sellerId()), event.currency(),
                    event.name(), event.categoryName(k.categoryId()), a.quota, a.used, a.allocated, a.allocatedSold,
                    a.tickets, a.cash, a.card, a.invoice, a.voided, a.voidedMinor));
        });
        rows.sort(Comparator.comparing(SettlementRow::sellerName).thenComparing(SettlementRow::currency));
        return rows;
    }
}
