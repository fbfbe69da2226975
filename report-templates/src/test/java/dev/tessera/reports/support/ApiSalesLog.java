package dev.tessera.reports.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.http.Json;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.core.model.SellerAuthorization;
import dev.tessera.reports.data.EventCatalog;
import dev.tessera.reports.data.EventInfo;
import dev.tessera.reports.remote.AdjustmentLine;
import dev.tessera.reports.remote.RemoteRows;
import dev.tessera.reports.remote.SalesLogGroupLines;
import dev.tessera.reports.remote.TicketLine;
import dev.tessera.reports.saleslog.SalesLogFilter;
import dev.tessera.reports.saleslog.SalesLogLine;
import java.time.Instant;
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
        List<TicketLine> sold = tickets(client.get("/api/sales-log" + query));
        List<AdjustmentLine> adjustments = adjustments(client.get("/api/sales-log/adjustments" + query));
        Map<String, TicketLine> byId = RemoteRows.byTicketId(sold);
        if (adjustments.stream().anyMatch(a -> a.voidsTicket() && !byId.containsKey(a.ticketId()))) {
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
        record Group(long eventId, String eventName, long sellerId, String sellerName) {}
        List<Group> order = new ArrayList<>();
        groups.json().forEach(g -> order.add(new Group(g.get("eventId").asLong(), g.get("eventName").asText(),
                g.get("sellerId").asLong(), g.get("sellerName").asText())));
        order.sort(Comparator.comparing(Group::eventName).thenComparingLong(Group::eventId)
                .thenComparing(Group::sellerName).thenComparingLong(Group::sellerId));
        EventCatalog catalog = new EventCatalog(world.dsl());
        Map<Long, EventInfo> events = new HashMap<>();
        List<SalesLogLine> lines = new ArrayList<>();
        for (Group g : order) {
            events.computeIfAbsent(g.eventId(), catalog::event);
            String of = (query.isEmpty() ? "?" : query + "&") + "eventId=" + g.eventId() + "&sellerId=" + g.sellerId();
            List<AdjustmentLine> adjustments = adjustments(client.get("/api/sales-log/adjustments" + of));
            Iterator<TicketLine> sold = pages(client, of, pageSales);
            String allDates = "?eventId=" + g.eventId() + "&sellerId=" + g.sellerId();
            new SalesLogGroupLines(sold, adjustments, wanted -> {
                Map<String, TicketLine> found = new HashMap<>();
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
    public static Iterator<TicketLine> pages(ApiClient client, String query, int pageSales) {
        List<TicketLine> all = new ArrayList<>();
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

    public static List<TicketLine> tickets(Response log) {
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        List<TicketLine> lines = new ArrayList<>();
        for (JsonNode l : log.get("lines")) {
            lines.add(new TicketLine(l.get("saleId").asLong(), Instant.parse(l.get("soldAt").asText()),
                    l.get("eventId").asLong(), l.get("eventName").asText(), l.get("sellerId").asLong(),
                    l.get("sellerName").asText(), l.get("ticketId").asText(), l.get("seatId").asText(),
                    l.get("categoryId").asText(), l.get("priceMinor").asLong(), l.get("currency").asText(),
                    l.get("paymentMethod").asText(), l.get("status").asText(), l.get("refundMinor").asLong(),
                    l.get("taxRateBasisPoints").asInt()));
        }
        return lines;
    }

    public static List<AdjustmentLine> adjustments(Response log) {
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        List<AdjustmentLine> lines = new ArrayList<>();
        for (JsonNode a : log.json()) {
            lines.add(new AdjustmentLine(a.get("kind").asText(), Instant.parse(a.get("at").asText()),
                    a.get("saleId").asLong(), a.get("ticketId").asText(),
                    a.path("method").isTextual() ? a.path("method").asText() : null));
        }
        return lines;
    }

    /** The center's answer to {@code GET /api/events/{id}/authorizations}, read into the record the center wrote it from. */
    public static List<SellerAuthorization> grants(Response authorizations) {
        assertThat(authorizations.status()).as(authorizations.body()).isEqualTo(200);
        return Json.MAPPER.convertValue(authorizations.json(), new TypeReference<List<SellerAuthorization>>() {});
    }
}
