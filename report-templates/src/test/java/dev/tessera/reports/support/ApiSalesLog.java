package dev.tessera.reports.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tessera.center.http.Json;
import dev.tessera.contract.aftersales.Adjustment;
import dev.tessera.contract.saleslog.SalesLog;
import dev.tessera.contract.saleslog.SalesLogGroup;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.core.model.SellerAuthorization;
import dev.tessera.reports.data.EventCatalog;
import dev.tessera.reports.data.EventInfo;
import dev.tessera.reports.remote.RemoteRows;
import dev.tessera.reports.remote.SalesLogGroupLines;
import dev.tessera.reports.saleslog.SalesLogFilter;
import dev.tessera.reports.saleslog.SalesLogLine;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The sales log's lines made the way the desktop makes them: the center's {@code /api/sales-log} and
 * {@code /api/sales-log/adjustments} for a filter, through {@link RemoteRows#salesLog}.
 */
public final class ApiSalesLog {
    private ApiSalesLog() {}

    public static List<SalesLogLine> lines(SalesWorld world, ApiClient client, SalesLogFilter filter, ZoneId zone) {
        return lines(world, client, query(filter, zone),
                query(new SalesLogFilter(null, null, filter.sellerId(), filter.eventId()), zone));
    }

    /**
     * The lines of the log the query string ({@code ?from=…}, or empty) names, the log read in one answer;
     * {@code allDates} names the same seller and event over all dates.
     */
    public static List<SalesLogLine> lines(SalesWorld world, ApiClient client, String query, String allDates) {
        return lines(world.dsl(), client, query, allDates);
    }

    /** The same against any center whose database {@code dsl} reads (the events' names and categories). */
    public static List<SalesLogLine> lines(DSLContext dsl, ApiClient client, String query, String allDates) {
        List<SalesLog.Line> sold = tickets(client.get("/api/sales-log" + query));
        List<Adjustment> adjustments = adjustments(client.get("/api/sales-log/adjustments" + query));
        Map<String, SalesLog.Line> byId = RemoteRows.byTicketId(sold);
        if (adjustments.stream().anyMatch(a -> RemoteRows.voidsTicket(a) && !byId.containsKey(a.ticketId()))) {
            tickets(client.get("/api/sales-log" + allDates)).forEach(t -> byId.putIfAbsent(t.ticketId(), t));
        }
        EventCatalog catalog = new EventCatalog(dsl);
        Map<Long, EventInfo> events = new HashMap<>();
        byId.values().forEach(t -> events.computeIfAbsent(t.eventId(), catalog::event));
        return RemoteRows.salesLog(sold, adjustments, byId::get, events);
    }

    /**
     * Issue 13: the same lines read as the desktop reads a long log: its events and sellers
     * ({@code /api/sales-log/groups}) in the report's order, each a page of {@code pageSales} sales at a time through
     * the {@code next} cursors with its own voids, made into lines by {@link SalesLogGroupLines}.
     */
    public static List<SalesLogLine> streamed(SalesWorld world, ApiClient client, String query, int pageSales) {
        Response groups = client.get("/api/sales-log/groups" + query);
        assertThat(groups.status()).as(groups.body()).isEqualTo(200);
        List<SalesLogGroup> order = new ArrayList<>(
                Json.MAPPER.convertValue(groups.json(), new TypeReference<List<SalesLogGroup>>() {}));
        order.sort(Comparator.comparing(SalesLogGroup::eventName).thenComparingLong(SalesLogGroup::eventId)
                .thenComparing(SalesLogGroup::sellerName).thenComparingLong(SalesLogGroup::sellerId));
        EventCatalog catalog = new EventCatalog(world.dsl());
        Map<Long, EventInfo> events = new HashMap<>();
        List<SalesLogLine> lines = new ArrayList<>();
        for (SalesLogGroup g : order) {
            events.computeIfAbsent(g.eventId(), catalog::event);
            String of = (query.isEmpty() ? "?" : query + "&") + "eventId=" + g.eventId() + "&sellerId=" + g.sellerId();
            List<Adjustment> adjustments = adjustments(client.get("/api/sales-log/adjustments" + of));
            Iterator<SalesLog.Line> sold = pages(client, of, pageSales);
            String allDates = "?eventId=" + g.eventId() + "&sellerId=" + g.sellerId();
            new SalesLogGroupLines(sold, adjustments, wanted -> {
                Map<String, SalesLog.Line> found = new HashMap<>();
                pages(client, allDates, pageSales).forEachRemaining(t -> {
                    if (wanted.contains(t.ticketId())) {
                        found.put(t.ticketId(), t);
                    }
                });
                return found;
            }, events).forEachRemaining(lines::add);
        }
        return lines;
    }

    /** Every ticket of the log, read a page at a time through the {@code next} cursors. */
    public static Iterator<SalesLog.Line> pages(ApiClient client, String query, int pageSales) {
        List<SalesLog.Line> all = new ArrayList<>();
        String after = null;
        do {
            Response page = client.get("/api/sales-log" + (query.isEmpty() ? "?" : query + "&") + "limit=" + pageSales
                    + (after == null ? "" : "&after=" + after));
            all.addAll(tickets(page));
            after = page.get("next").isNull() ? null : page.get("next").asText();
        } while (after != null);
        return all.iterator();
    }

    /** The query string of a filter: whole days in {@code zone}, as the desktop sends it. */
    public static String query(SalesLogFilter filter, ZoneId zone) {
        StringBuilder q = new StringBuilder();
        if (filter.from() != null) {
            q.append("&from=").append(filter.from().atStartOfDay(zone).toInstant());
        }
        if (filter.to() != null) {
            q.append("&to=").append(filter.to().plusDays(1).atStartOfDay(zone).toInstant());
        }
        if (filter.sellerId() != null) {
            q.append("&sellerId=").append(filter.sellerId());
        }
        if (filter.eventId() != null) {
            q.append("&eventId=").append(filter.eventId());
        }
        return q.isEmpty() ? "" : "?" + q.substring(1);
    }

    public static List<SalesLog.Line> tickets(Response log) {
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        return Json.MAPPER.convertValue(log.get("lines"), new TypeReference<List<SalesLog.Line>>() {});
    }

    public static List<Adjustment> adjustments(Response log) {
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        return Json.MAPPER.convertValue(log.json(), new TypeReference<List<Adjustment>>() {});
    }

    /** The center's answer to {@code GET /api/events/{id}/authorizations}, read into the record the center wrote it from. */
    public static List<SellerAuthorization> grants(Response authorizations) {
        assertThat(authorizations.status()).as(authorizations.body()).isEqualTo(200);
        return Json.MAPPER.convertValue(authorizations.json(), new TypeReference<List<SellerAuthorization>>() {});
    }
}
