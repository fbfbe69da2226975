package dev.tessera.reports.remote;

import dev.tessera.contract.aftersales.Adjustment;
import dev.tessera.contract.aftersales.AdjustmentKind;
import dev.tessera.contract.saleslog.SalesLog;
import dev.tessera.core.model.SellerAuthorization;
import dev.tessera.core.seatmap.Section;
import dev.tessera.core.tax.TaxBreakdown;
import dev.tessera.core.tax.TaxRate;
import dev.tessera.reports.ReportException;
import dev.tessera.reports.data.EventInfo;
import dev.tessera.reports.occupancy.OccupancyRow;
import dev.tessera.reports.saleslog.SalesLogLine;
import dev.tessera.reports.settlement.SettlementRow;
import dev.tessera.reports.settlement.TaxTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The rows of the sales log, settlement and occupancy reports made from what the center's HTTP API
 * returns, so a desktop talking to a remote center fills the same templates as the database path.
 * Amounts are the same minor units the center stores; nothing is re-priced here.
 */
public final class RemoteRows {
    private RemoteRows() {}

    /**
     * The lines of the sales log: one per sale and category from {@code sold} (the tickets of
     * {@code /api/sales-log}, voided ones included, so a sale shows what it took), then one per ticket taken back
     * in {@code adjustments} ({@code /api/sales-log/adjustments}), dated when it was taken back, with the money
     * refunded as a negative amount. {@code ticket} finds an adjusted ticket's sales-log line (its sale may lie
     * outside the period); in the report's order: event, seller, time.
     */
    public static List<SalesLogLine> salesLog(Collection<SalesLog.Line> sold, Collection<Adjustment> adjustments,
                                              Function<String, SalesLog.Line> ticket, Map<Long, EventInfo> events) {
        // a sale's tickets of one category share its rate (one moment, one event)
        record Key(long saleId, String categoryId) {}
        Map<Key, List<SalesLog.Line>> bySale = new LinkedHashMap<>();
        for (SalesLog.Line t : sold) {
            bySale.computeIfAbsent(new Key(t.saleId(), t.categoryId()), k -> new ArrayList<>()).add(t);
        }
        List<SalesLogLine> lines = new ArrayList<>(bySale.size() + adjustments.size());
        bySale.forEach((key, group) -> {
            SalesLog.Line first = group.getFirst();
            long amount = group.stream().mapToLong(SalesLog.Line::priceMinor).sum();
            lines.add(SalesLogLine.sale(first.saleId(), first.soldAt().toInstant(), first.eventId(), first.eventName(),
                    first.currency(), first.sellerId(), first.sellerName(),
                    event(events, first.eventId()).categoryName(first.categoryId()), first.paymentMethod(), group.size(),
                    amount, first.taxRateBasisPoints()));
        });
        for (Adjustment a : adjustments) {
            if (!voidsTicket(a)) {
                continue;
            }
            SalesLog.Line t = ticket.apply(a.ticketId());
            if (t == null) {
                throw new ReportException("The center listed a void of ticket " + a.ticketId()
                        + " but not the ticket in its sales log.");
            }
            SalesLogLine.Kind kind = switch (a.kind()) {
                case EXCHANGE -> SalesLogLine.Kind.EXCHANGE;
                default -> t.refundMinor() > 0 ? SalesLogLine.Kind.REFUND : SalesLogLine.Kind.VOID;
            };
            // the money leaves the drawer the way it was paid back, as the shift counts it
            String method = t.refundMinor() > 0 && a.method() != null ? a.method() : t.paymentMethod();
            lines.add(new SalesLogLine(kind, t.saleId(), a.at().toInstant(), t.eventId(), t.eventName(), t.currency(),
                    t.sellerId(), t.sellerName(), event(events, t.eventId()).categoryName(t.categoryId()), method, -1,
                    -t.refundMinor(), t.taxRateBasisPoints()));
        }
        lines.sort(Comparator.comparing(SalesLogLine::eventName).thenComparingLong(SalesLogLine::eventId)
                .thenComparing(SalesLogLine::sellerName).thenComparingLong(SalesLogLine::sellerId)
                .thenComparing(SalesLogLine::at).thenComparingLong(SalesLogLine::saleId)
                .thenComparing(SalesLogLine::kind).thenComparing(SalesLogLine::categoryName));
        return lines;
    }

    /** The tickets of {@code lines} by id, for {@link #salesLog}'s look-up. */
    public static Map<String, SalesLog.Line> byTicketId(Collection<SalesLog.Line> lines) {
        Map<String, SalesLog.Line> byId = new HashMap<>();
        lines.forEach(t -> byId.put(t.ticketId(), t));
        return byId;
    }

    /** Whether the entry takes a ticket back: a void, a refund, or the returned ticket of an exchange. */
    public static boolean voidsTicket(Adjustment a) {
        return a.kind() == AdjustmentKind.VOID || a.kind() == AdjustmentKind.REFUND || a.kind() == AdjustmentKind.EXCHANGE;
    }

    /** Whether the ticket of the line is void now (VALID, USED or VOID). */
    public static boolean voided(SalesLog.Line t) {
        return "VOID".equals(t.status());
    }

    private record Key(long eventId, long sellerId, String categoryId) {}

    private static final class Acc {
        String sellerName;
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

    /**
     * Each seller's position per event and category: quota and allocation (seats and standing places) from the
     * grants, the allocated seats sold from the seat states ({@code seatStatus}: seat id to FREE, HELD, SOLD or
     * BLOCKED, per event), takings by payment and voids from the tickets.
     */
    public static List<SettlementRow> settlement(Collection<SalesLog.Line> tickets, Collection<SellerAuthorization> grants,
                                                 Map<Long, Map<String, String>> seatStatus,
                                                 Map<Long, EventInfo> events) {
        Map<Key, Acc> acc = new TreeMap<>(Comparator.comparingLong(Key::eventId).thenComparingLong(Key::sellerId)
                .thenComparing(Key::categoryId));
        for (SellerAuthorization grant : grants) {
            EventInfo event = event(events, grant.eventId());
            grant.quotas().forEach((category, quota) ->
                    at(acc, new Key(grant.eventId(), grant.sellerId(), category), grant.sellerName()).quota = quota);
            Map<String, String> status = seatStatus.getOrDefault(grant.eventId(), Map.of());
            for (String seatId : grant.allocatedSeats()) {
                String category = event.seatMap().seat(seatId).map(s -> s.categoryId()).orElse("");
                Acc a = at(acc, new Key(grant.eventId(), grant.sellerId(), category), grant.sellerName());
                a.allocated++;
                if ("SOLD".equals(status.get(seatId))) {
                    a.allocatedSold++;
                }
            }
            // issue 18: standing places allocated to the seller's offline counter, in the area's category
            grant.allocatedAreas().forEach((areaId, places) -> {
                String category = event.seatMap().areas().stream().filter(area -> area.id().equals(areaId))
                        .map(area -> area.categoryId()).findFirst().orElse("");
                Acc a = at(acc, new Key(grant.eventId(), grant.sellerId(), category), grant.sellerName());
                a.allocated += places;
                a.allocatedSold += grant.allocatedAreasSold().getOrDefault(areaId, 0);
            });
        }
        for (SalesLog.Line t : tickets) {
            Acc a = at(acc, new Key(t.eventId(), t.sellerId(), t.categoryId()), t.sellerName());
            if (voided(t)) {
                a.voided++;
                a.voidedMinor += t.priceMinor();
                continue;
            }
            a.used++;
            a.tickets++;
            switch (t.paymentMethod()) {
                case "CASH" -> a.cash += t.priceMinor();
                case "CARD" -> a.card += t.priceMinor();
                default -> a.invoice += t.priceMinor();
            }
        }
        List<SettlementRow> rows = new ArrayList<>();
        acc.forEach((k, a) -> {
            EventInfo event = event(events, k.eventId());
            rows.add(new SettlementRow(a.sellerName == null ? "#" + k.sellerId() : a.sellerName, event.currency(),
                    event.name(), event.categoryName(k.categoryId()), a.quota, a.used, a.allocated, a.allocatedSold,
                    a.tickets, a.cash, a.card, a.invoice, a.voided, a.voidedMinor));
        });
        rows.sort(Comparator.comparing(SettlementRow::sellerName).thenComparing(SettlementRow::currency));
        return rows;
    }

    /**
     * Issue 17: each seller's money per currency and tax rate from the sales log's tickets, by the rule of
     * docs/tax.md: a sale's receipt takes its tax once per rate, each refund is a credit note taking its tax once,
     * at the rate its ticket was sold at. Sorted by seller, currency, then the highest rate first.
     */
    public static List<TaxTable.Line> taxBySeller(Collection<SalesLog.Line> tickets) {
        record Receipt(String seller, long sellerId, String currency, long saleId, int rate) {}
        record Rate(String seller, long sellerId, String currency, int rate) {}
        Map<Receipt, Long> receipts = new LinkedHashMap<>();
        Map<Rate, long[]> sums = new TreeMap<>(Comparator.comparing(Rate::seller).thenComparingLong(Rate::sellerId)
                .thenComparing(Rate::currency).thenComparing(Comparator.comparingInt(Rate::rate).reversed()));
        for (SalesLog.Line t : tickets) {
            receipts.merge(new Receipt(t.sellerName(), t.sellerId(), t.currency(), t.saleId(), t.taxRateBasisPoints()),
                    t.priceMinor(), Long::sum);
            long[] sum = sums.computeIfAbsent(new Rate(t.sellerName(), t.sellerId(), t.currency(),
                    t.taxRateBasisPoints()), k -> new long[2]);
            if (t.refundMinor() > 0) {
                sum[0] -= t.refundMinor();
                sum[1] -= TaxBreakdown.taxIn(t.refundMinor(), new TaxRate(t.taxRateBasisPoints()));
            }
        }
        receipts.forEach((r, gross) -> {
            long[] sum = sums.get(new Rate(r.seller(), r.sellerId(), r.currency(), r.rate()));
            sum[0] += gross;
            sum[1] += TaxBreakdown.taxIn(gross, new TaxRate(r.rate()));
        });
        List<TaxTable.Line> lines = new ArrayList<>();
        sums.forEach((k, sum) -> lines.add(new TaxTable.Line(k.seller(), k.currency(), k.rate(), sum[0], sum[1])));
        return lines;
    }

    private static Acc at(Map<Key, Acc> acc, Key key, String sellerName) {
        Acc a = acc.computeIfAbsent(key, k -> new Acc());
        if (a.sellerName == null) {
            a.sellerName = sellerName;
        }
        return a;
    }

    /**
     * The event's seats per section and category, in seat-map order: {@code seatsByStatus} is the
     * availability snapshot (status to seat ids), {@code usedSeatIds} the seats whose ticket was used at a gate.
     */
    public static List<OccupancyRow> occupancy(EventInfo event, Map<String, ? extends Collection<String>> seatsByStatus,
                                               Set<String> usedSeatIds) {
        return occupancy(event, seatsByStatus, usedSeatIds, List.of());
    }

    /** The same, with a line per standing area after the seated sections (issue 18), from the center's area counts. */
    public static List<OccupancyRow> occupancy(EventInfo event, Map<String, ? extends Collection<String>> seatsByStatus,
                                               Set<String> usedSeatIds,
                                               Collection<dev.tessera.reports.occupancy.AreaPlaces> areas) {
        Map<String, String> status = new HashMap<>();
        seatsByStatus.forEach((s, ids) -> ids.forEach(id -> status.put(id, s)));
        List<OccupancyRow> rows = new ArrayList<>();
        for (Section section : event.seatMap().sections()) {
            Map<String, int[]> counts = new LinkedHashMap<>();
            section.rows().stream().flatMap(r -> r.seats().stream()).forEach(seat -> {
                int[] c = counts.computeIfAbsent(seat.categoryId(), k -> new int[6]);
                c[0]++;
                switch (status.getOrDefault(seat.id(), "FREE")) {
                    case "SOLD" -> c[1]++;
                    case "HELD" -> c[2]++;
                    case "BLOCKED" -> c[3]++;
                    default -> c[4]++;
                }
                if (usedSeatIds.contains(seat.id())) {
                    c[5]++;
                }
            });
            counts.forEach((category, c) -> rows.add(new OccupancyRow(section.name(), event.categoryName(category),
                    c[0], c[1], c[2], c[3], c[4], c[5])));
        }
        rows.addAll(dev.tessera.reports.occupancy.AreaPlaces.rows(event, areas));
        return rows;
    }

    private static EventInfo event(Map<Long, EventInfo> events, long eventId) {
        EventInfo event = events.get(eventId);
        if (event == null) {
            throw new ReportException("The center sent sales of event " + eventId + " but not the event itself.");
        }
        return event;
    }
}
