package dev.tessera.desktop.manager;

import dev.tessera.contract.aftersales.Adjustment;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.desktop.center.CenterApiTypes;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.core.model.SellerAuthorization;
import dev.tessera.contract.saleslog.SalesLogGroup;
import dev.tessera.desktop.center.ManagerApiTypes.SalesLogQuery;
import dev.tessera.contract.saleslog.SalesLog;
import dev.tessera.core.model.Venue;
import dev.tessera.desktop.ui.Message;
import dev.tessera.reports.Progress;
import dev.tessera.reports.ReportJob;
import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.data.EventInfo;
import dev.tessera.reports.engine.Filler;
import dev.tessera.reports.occupancy.EventOccupancyReport;
import dev.tessera.reports.remote.RemoteRows;
import dev.tessera.reports.remote.SalesLogGroupLines;
import dev.tessera.reports.saleslog.SalesLogFilter;
import dev.tessera.reports.saleslog.SalesLogLine;
import dev.tessera.reports.saleslog.SalesLogReport;
import dev.tessera.reports.settlement.SellerSettlementReport;
import dev.tessera.reports.settlement.SettlementRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import net.sf.jasperreports.engine.JasperPrint;

/**
 * Makes a manager's report from the center's HTTP API only: the one way reports are filled, whether the
 * center runs in-process or on another machine (the report benchmark measures this class too).
 * Blocking; runs on a background thread and checks the cancel flag between calls.
 */
public final class ReportSource {
    private final CenterSession session;

    public ReportSource(CenterSession session) {
        this.session = session;
    }

    public GeneratedReport generate(ReportFilters filters, ReportOptions options, ReportJob job) {
        job.progress().update(Progress.Stage.QUERY, 0, -1);
        Map<Long, EventInfo> events = new HashMap<>();
        return switch (filters.kind()) {
            case SALES_LOG -> salesLog(filters, options, job, events);
            case SETTLEMENT -> settlement(filters, options, job, events);
            case OCCUPANCY -> occupancy(filters, options, job, events);
        };
    }

    /**
     * Issue 13: the sales log streamed into the fill: its events and sellers in the report's order, each read a page
     * at a time with its voids, made into lines as the pages come ({@link SalesLogGroupLines}); the desktop holds a
     * page or two and the voids of one event and seller, never the whole log.
     */
    private GeneratedReport salesLog(ReportFilters f, ReportOptions options, ReportJob job, Map<Long, EventInfo> events) {
        SalesLogQuery query = query(f, options);
        List<SalesLogGroup> groups = new ArrayList<>(session.salesLogGroups(query));
        if (groups.isEmpty()) {
            throw new NothingToReportException(Message.of("manager.error.noSales"));
        }
        groups.sort(Comparator.comparing(SalesLogGroup::eventName).thenComparingLong(SalesLogGroup::eventId)
                .thenComparing(SalesLogGroup::sellerName).thenComparingLong(SalesLogGroup::sellerId));
        long count = groups.stream().mapToLong(g -> (long) g.sales() + g.voids()).sum();
        SalesTotals.Tally totals = new SalesTotals.Tally();
        Iterator<SalesLogLine> lines = new Iterator<>() {
            private final Iterator<SalesLogGroup> remaining = groups.iterator();
            // the next event and seller's first page and voids are asked for while this one fills
            private Ahead coming = ahead(remaining.next(), query, job);
            private Iterator<SalesLogLine> group = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!group.hasNext() && coming != null) {
                    Ahead current = coming;
                    coming = remaining.hasNext() ? ahead(remaining.next(), query, job) : null;
                    group = lines(current, job, events, totals);
                }
                return group.hasNext();
            }

            @Override
            public SalesLogLine next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return group.next();
            }
        };
        if (f.payment() != null) {
            // a refund counts under the method the money went back by, as in the breakdown
            Iterator<SalesLogLine> all = lines;
            lines = new Iterator<>() {
                private SalesLogLine ahead;

                @Override
                public boolean hasNext() {
                    while (ahead == null && all.hasNext()) {
                        SalesLogLine line = all.next();
                        ahead = line.paymentMethod().equals(f.payment()) ? line : null;
                    }
                    return ahead != null;
                }

                @Override
                public SalesLogLine next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    SalesLogLine line = ahead;
                    ahead = null;
                    return line;
                }
            };
        }
        SalesLogFilter filter = new SalesLogFilter(f.from(), f.to(), f.seller() == null ? null : f.seller().accountId(),
                f.event() == null ? null : f.event().id());
        String scope = SalesLogReport.scope(filter, f.seller() == null ? null : f.seller().displayName(),
                f.event() == null ? null : f.event().name(), options)
                + (f.payment() == null ? "" : " · " + Filler.labels(options).getString("payment." + f.payment()));
        JasperPrint print = SalesLogReport.fill(scope, lines, count, options, job);
        return new GeneratedReport(ReportKind.SALES_LOG, print, totals.totals());
    }

    /** One event and seller of the log: its pages of tickets and its voids, as lines. */
    /** An event and seller of the log whose first page and voids are on their way. */
    private record Ahead(SalesLogGroup group, SalesLogQuery query, SalesLogPages pages,
                         java.util.concurrent.CompletableFuture<List<Adjustment>> adjustments) {}

    private Ahead ahead(SalesLogGroup group, SalesLogQuery log, ReportJob job) {
        SalesLogQuery query = log.of(group.eventId(), group.sellerId());
        return new Ahead(group, query, new SalesLogPages(session, query, job),
                SalesLogPages.ahead(() -> session.adjustments(query)));
    }

    private Iterator<SalesLogLine> lines(Ahead ahead, ReportJob job, Map<Long, EventInfo> events,
                                         SalesTotals.Tally totals) {
        job.cancellation().throwIfCancelled();
        event(ahead.group().eventId(), events);
        SalesLogQuery query = ahead.query();
        List<Adjustment> adjustments = SalesLogPages.join(ahead.adjustments()).stream()
                .filter(RemoteRows::voidsTicket).toList();
        // the method each refund went back by, so the totals beside the preview count it where the PDF does
        Map<String, String> refundMethods = new HashMap<>();
        adjustments.stream().filter(a -> a.method() != null && a.ticketId() != null)
                .forEach(a -> refundMethods.put(a.ticketId(), a.method()));
        Iterator<SalesLog.Line> pages = ahead.pages();
        Iterator<SalesLog.Line> sold = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pages.hasNext();
            }

            @Override
            public SalesLog.Line next() {
                SalesLog.Line t = pages.next();
                totals.add(t, refundMethods.get(t.ticketId()));
                return t;
            }
        };
        // a ticket sold before the period (or paid another way) and taken back in it: its sale's line
        Function<Set<String>, Map<String, SalesLog.Line>> outside = wanted -> {
            Map<String, SalesLog.Line> found = new HashMap<>();
            Iterator<SalesLog.Line> all = new SalesLogPages(session, query.allDates(), job);
            while (all.hasNext() && found.size() < wanted.size()) {
                SalesLog.Line t = all.next();
                if (wanted.contains(t.ticketId())) {
                    found.put(t.ticketId(), t);
                }
            }
            return found;
        };
        return new SalesLogGroupLines(sold, adjustments, outside, events);
    }

    private GeneratedReport settlement(ReportFilters f, ReportOptions options, ReportJob job, Map<Long, EventInfo> events) {
        List<SalesLog.Line> tickets = tickets(f, options);
        List<CenterApiTypes.EventInfo> scope = f.event() != null ? List.of(f.event()) : session.events();
        List<SellerAuthorization> grants = new ArrayList<>();
        Map<Long, Map<String, String>> seatStatus = new HashMap<>();
        for (CenterApiTypes.EventInfo event : scope) {
            job.cancellation().throwIfCancelled();
            for (SellerAuthorization a : session.authorizations(event.id())) {
                if (f.seller() == null || a.sellerId() == f.seller().accountId()) {
                    grants.add(a);
                    event(event.id(), events);
                    if (!a.allocatedSeats().isEmpty() && !seatStatus.containsKey(event.id())) {
                        seatStatus.put(event.id(), byId(session.seats(event.id()).seats()));
                    }
                }
            }
        }
        eventsOf(tickets, events, job);
        List<SettlementRow> rows = RemoteRows.settlement(tickets, grants, seatStatus, events);
        if (rows.isEmpty()) {
            throw new NothingToReportException(Message.of("manager.error.noSettlement"));
        }
        job.cancellation().throwIfCancelled();
        return new GeneratedReport(ReportKind.SETTLEMENT,
                SellerSettlementReport.fill(rows, RemoteRows.taxBySeller(tickets), options), SalesTotals.of(tickets));
    }

    private GeneratedReport occupancy(ReportFilters f, ReportOptions options, ReportJob job, Map<Long, EventInfo> events) {
        if (f.event() == null) {
            throw new NothingToReportException(Message.of("manager.error.chooseEvent"));
        }
        long eventId = f.event().id();
        // the whole event, whoever sold when: occupancy is the hall as it stands
        List<SalesLog.Line> tickets = session.salesLog(new SalesLogQuery(null, null, options.zone(), null, eventId, null))
                .lines();
        job.cancellation().throwIfCancelled();
        EventInfo event = event(eventId, events);
        var availability = session.seats(eventId);
        Map<String, List<String>> seats = availability.seats();
        Set<String> used = new HashSet<>();
        tickets.stream().filter(t -> "USED".equals(t.status())).forEach(t -> used.add(t.seatId()));
        // issue 18: each standing area as a line beside the seated sections
        List<dev.tessera.reports.occupancy.AreaPlaces> areas = availability.areas().stream()
                .map(a -> new dev.tessera.reports.occupancy.AreaPlaces(a.areaId(), a.capacity(), a.held(), a.sold(),
                        a.allocated(), a.admitted())).toList();
        job.cancellation().throwIfCancelled();
        JasperPrint print = EventOccupancyReport.fill(event, RemoteRows.occupancy(event, seats, used, areas), options);
        return new GeneratedReport(ReportKind.OCCUPANCY, print, SalesTotals.of(tickets));
    }

    private List<SalesLog.Line> tickets(ReportFilters f, ReportOptions options) {
        return session.salesLog(query(f, options)).lines();
    }

    private static SalesLogQuery query(ReportFilters f, ReportOptions options) {
        return new SalesLogQuery(f.from(), f.to(), options.zone(), f.seller() == null ? null : f.seller().accountId(),
                f.event() == null ? null : f.event().id(), f.payment());
    }

    private void eventsOf(List<SalesLog.Line> tickets, Map<Long, EventInfo> events, ReportJob job) {
        for (SalesLog.Line t : tickets) {
            if (!events.containsKey(t.eventId())) {
                job.cancellation().throwIfCancelled();
                event(t.eventId(), events);
            }
        }
    }

    /** The event's service information, venue and pinned seat map, each fetched once per report. */
    private EventInfo event(long eventId, Map<Long, EventInfo> events) {
        EventInfo known = events.get(eventId);
        if (known != null) {
            return known;
        }
        CenterApiTypes.EventInfo e = session.event(eventId);
        Venue venue = session.venue(e.venueId());
        SeatMap map = session.seatMap(e.venueId(), e.seatMapVersion());
        EventInfo info = new EventInfo(e.id(), e.name(), e.servicer(), venue.name(), venue.address(), e.doorsOpen(),
                e.startsAt(), e.endsAt(), e.currency(), e.contact(), map);
        events.put(eventId, info);
        return info;
    }

    private static Map<String, String> byId(Map<String, List<String>> seatsByStatus) {
        Map<String, String> status = new LinkedHashMap<>();
        seatsByStatus.forEach((s, ids) -> ids.forEach(id -> status.put(id, s)));
        return status;
    }
}
