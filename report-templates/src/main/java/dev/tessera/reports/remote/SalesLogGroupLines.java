package dev.tessera.reports.remote;

import dev.tessera.contract.aftersales.Adjustment;
import dev.tessera.contract.saleslog.SalesLog;
import dev.tessera.reports.ReportException;
import dev.tessera.reports.data.EventInfo;
import dev.tessera.reports.saleslog.SalesLogLine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

/**
 * Issue 13: the sales-log lines of one event and seller made as their tickets stream in, page after page, so a
 * desktop never holds the whole log: the same lines as {@link RemoteRows#salesLog} in the same order, for a log read
 * one event and seller at a time in the report's order. {@code sold} are the group's tickets in the order the
 * center's pages give them (sale time, sale number, seat); {@code adjustments} the group's voids, refunds and
 * exchanges in its period. A line taken back is placed among the sales by when it happened; its ticket is the one
 * that streamed past (a sale is never later than its void), or, for a sale before the period or of another payment
 * method, one {@code outside} finds (asked once, with the tickets still unknown, only when such a void comes due).
 * Only the taken-back tickets are kept, not the stream.
 */
public final class SalesLogGroupLines implements Iterator<SalesLogLine> {
    private static final Comparator<SalesLogLine> IN_GROUP = Comparator.comparing(SalesLogLine::at)
            .thenComparingLong(SalesLogLine::saleId).thenComparing(SalesLogLine::kind)
            .thenComparing(SalesLogLine::categoryName);

    private final Iterator<SalesLog.Line> sold;
    private final ArrayDeque<Adjustment> pending;
    private final Set<String> adjusted = new HashSet<>();
    private final Map<String, SalesLog.Line> taken = new HashMap<>();
    private final Function<Set<String>, Map<String, SalesLog.Line>> outside;
    private final Map<Long, EventInfo> events;
    private final ArrayDeque<SalesLogLine> ready = new ArrayDeque<>();
    private boolean askedOutside;
    private SalesLog.Line next;

    public SalesLogGroupLines(Iterator<SalesLog.Line> sold, Collection<Adjustment> adjustments,
                              Function<Set<String>, Map<String, SalesLog.Line>> outside, Map<Long, EventInfo> events) {
        this.sold = sold;
        List<Adjustment> voids = new ArrayList<>(adjustments.stream().filter(RemoteRows::voidsTicket).toList());
        voids.sort(Comparator.comparing((Adjustment a) -> a.at().toInstant()).thenComparingLong(Adjustment::saleId));
        this.pending = new ArrayDeque<>(voids);
        voids.forEach(a -> adjusted.add(a.ticketId()));
        this.outside = outside;
        this.events = events;
        this.next = sold.hasNext() ? sold.next() : null;
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && (next != null || !pending.isEmpty())) {
            if (next == null) {
                due(null);
            } else {
                sale();
            }
        }
        return !ready.isEmpty();
    }

    @Override
    public SalesLogLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    /** The next sale's tickets as its lines (one per category, as {@link RemoteRows#salesLog}), after the voids due before it. */
    private void sale() {
        SalesLog.Line first = next;
        Map<String, List<SalesLog.Line>> byCategory = new LinkedHashMap<>();
        while (next != null && next.saleId() == first.saleId()) {
            if (adjusted.contains(next.ticketId())) {
                taken.put(next.ticketId(), next);
            }
            byCategory.computeIfAbsent(next.categoryId(), k -> new ArrayList<>()).add(next);
            next = sold.hasNext() ? sold.next() : null;
        }
        due(first);
        List<SalesLogLine> lines = new ArrayList<>(byCategory.size());
        byCategory.values().forEach(group -> {
            SalesLog.Line t = group.getFirst();
            long amount = 0;
            for (SalesLog.Line g : group) {
                amount += g.priceMinor();
            }
            lines.add(SalesLogLine.sale(t.saleId(), t.soldAt().toInstant(), t.eventId(), t.eventName(), t.currency(),
                    t.sellerId(), t.sellerName(), event(t.eventId()).categoryName(t.categoryId()), t.paymentMethod(),
                    group.size(), amount, t.taxRateBasisPoints()));
        });
        lines.sort(IN_GROUP);
        ready.addAll(lines);
    }

    /** The voids that come before {@code sale} (all that are left when null), as lines in the report's order. */
    private void due(SalesLog.Line sale) {
        List<SalesLogLine> lines = new ArrayList<>();
        while (!pending.isEmpty() && (sale == null || before(pending.peek(), sale))) {
            Adjustment a = pending.poll();
            SalesLog.Line t = ticket(a.ticketId());
            SalesLogLine.Kind kind = switch (a.kind()) {
                case EXCHANGE -> SalesLogLine.Kind.EXCHANGE;
                default -> t.refundMinor() > 0 ? SalesLogLine.Kind.REFUND : SalesLogLine.Kind.VOID;
            };
            // the money leaves the drawer the way it was paid back, as the shift counts it
            String method = t.refundMinor() > 0 && a.method() != null ? a.method() : t.paymentMethod();
            lines.add(new SalesLogLine(kind, t.saleId(), a.at().toInstant(), t.eventId(), t.eventName(), t.currency(),
                    t.sellerId(), t.sellerName(), event(t.eventId()).categoryName(t.categoryId()), method, -1,
                    -t.refundMinor(), t.taxRateBasisPoints()));
        }
        lines.sort(IN_GROUP);
        ready.addAll(lines);
    }

    /** Whether the void comes before the sale's lines: earlier, or at the same moment of an earlier sale. */
    private static boolean before(Adjustment a, SalesLog.Line sale) {
        int at = a.at().toInstant().compareTo(sale.soldAt().toInstant());
        return at < 0 || at == 0 && a.saleId() < sale.saleId();
    }

    private SalesLog.Line ticket(String ticketId) {
        SalesLog.Line t = taken.get(ticketId);
        if (t == null && !askedOutside) {
            askedOutside = true;
            Set<String> unknown = new HashSet<>(adjusted);
            unknown.removeAll(taken.keySet());
            taken.putAll(outside.apply(unknown));
            t = taken.get(ticketId);
        }
        if (t == null) {
            throw new ReportException("The center listed a void of ticket " + ticketId
                    + " but not the ticket in its sales log.");
        }
        return t;
    }

    private EventInfo event(long eventId) {
        EventInfo event = events.get(eventId);
        if (event == null) {
            throw new ReportException("The center sent sales of event " + eventId + " but not the event itself.");
        }
        return event;
    }
}
