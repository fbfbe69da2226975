package dev.tessera.reports.remote;

import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.TICKET;
import static dev.tessera.center.db.schema.Tables.TICKET_VOID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.support.ApiClient;
import dev.tessera.contract.aftersales.Adjustment;
import dev.tessera.contract.saleslog.SalesLog;
import dev.tessera.reports.ReportJob;
import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.data.EventCatalog;
import dev.tessera.reports.data.EventInfo;
import dev.tessera.core.model.Money;
import dev.tessera.core.model.SellerAuthorization;
import dev.tessera.reports.occupancy.EventOccupancyReport;
import dev.tessera.reports.saleslog.SalesLogFilter;
import dev.tessera.reports.saleslog.SalesLogLine;
import dev.tessera.reports.saleslog.SalesLogReport;
import dev.tessera.reports.settlement.SellerSettlementReport;
import dev.tessera.reports.support.ApiSalesLog;
import dev.tessera.reports.support.PdfTools;
import dev.tessera.reports.support.SalesWorld;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jasperreports.engine.JasperPrint;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows a desktop makes from the center's HTTP answers agree with the center's database, so a manager
 * beside a remote center prints what the database holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteRowsTest {
    static final ReportOptions ENGLISH = ReportOptions.of(Locale.ENGLISH, ZoneId.of("Asia/Tokyo"));

    SalesWorld world;
    ApiClient manager;
    List<SalesLog.Line> tickets;
    Map<Long, EventInfo> events;

    @BeforeAll
    void sell(@TempDir Path dir) {
        world = new SalesWorld(dir);
        JsonNode sold = world.sales.get(1).get("tickets").get(0);
        var voided = world.signIn(world.bruno).post("/api/tickets/" + sold.get("ticketId").asText() + "/void",
                Map.of("reason", "double booking", "refund", true));
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        manager = world.manager();
        tickets = ApiSalesLog.tickets(manager.get("/api/sales-log"));
        EventCatalog catalog = new EventCatalog(world.dsl());
        events = new HashMap<>();
        for (long id : List.of(world.concertId, world.matineeId)) {
            events.put(id, catalog.event(id));
        }
    }

    @AfterAll
    void close() {
        world.close();
    }

    @Test
    void salesLogLinesAreTheSalesAndTheRefundOfTheDatabaseAndTheNetPrints() throws Exception {
        List<Adjustment> adjustments = ApiSalesLog.adjustments(manager.get("/api/sales-log/adjustments"));
        List<SalesLogLine> lines = RemoteRows.salesLog(tickets, adjustments, RemoteRows.byTicketId(tickets)::get, events);
        long gross = world.dsl().select(DSL.sum(SALE.TOTAL_MINOR)).from(SALE).fetchOne().value1().longValue();
        long refunded = world.dsl().select(DSL.sum(TICKET_VOID.REFUND_MINOR)).from(TICKET_VOID).fetchOne().value1().longValue();
        assertThat(refunded).isPositive();
        // one line per sale and category, and one per ticket taken back, dated when it was
        assertThat(lines.stream().filter(l -> l.kind() == SalesLogLine.Kind.SALE).count())
                .isEqualTo(world.dsl().fetchCount(world.dsl().selectDistinct(TICKET.SALE_ID, TICKET.CATEGORY_ID).from(TICKET)));
        assertThat(lines.stream().filter(l -> l.kind() == SalesLogLine.Kind.SALE).mapToLong(SalesLogLine::amountMinor).sum())
                .isEqualTo(gross);
        List<SalesLogLine> refunds = lines.stream().filter(SalesLogLine::voids).toList();
        assertThat(refunds).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(SalesLogLine.Kind.REFUND);
            assertThat(r.amountMinor()).isEqualTo(-refunded);
            assertThat(r.tickets()).isEqualTo(-1);
            assertThat(r.at()).isEqualTo(world.dsl().select(TICKET_VOID.VOIDED_AT).from(TICKET_VOID).fetchOne().value1()
                    .toInstant());
        });

        JasperPrint print = SalesLogReport.fill(SalesLogReport.scope(SalesLogFilter.all(), null, null, ENGLISH),
                lines.iterator(), lines.size(), ENGLISH, ReportJob.unattended());
        String text = PdfTools.text(PdfTools.writePdf(print, "sales-log-remote"));
        assertThat(text).contains("Grand total (net)").contains(Money.format(gross - refunded, "JPY", Locale.ENGLISH))
                .contains(Money.format(gross, "JPY", Locale.ENGLISH))
                .containsPattern("#" + refunds.getFirst().saleId() + "\\s+Refund\\s+.*\\s+Cash\\s+-1\\s+-"
                        + String.format(Locale.ENGLISH, "%,d", refunded));
    }

    @Test
    void theLogReadAPageAtATimePerEventAndSellerMakesTheSameLinesAsTheLogReadWhole() {
        // issue 13: pages of one or two sales, so every cursor is crossed; the whole log, then a period that starts
        // at the refund, whose sale lies before it (its ticket is found outside the period's pages)
        assertThat(ApiSalesLog.streamed(world, manager, "", 1)).isEqualTo(ApiSalesLog.lines(world, manager, "", ""))
                .hasSizeGreaterThan(world.sales.size());
        var refund = world.dsl().select(TICKET_VOID.VOIDED_AT, SALE.SOLD_AT).from(TICKET_VOID)
                .join(SALE).on(SALE.ID.eq(TICKET_VOID.SALE_ID)).fetchOne();
        assertThat(refund.value2()).isBefore(refund.value1());
        String fromRefund = "?from=" + refund.value1().toInstant();
        List<SalesLogLine> fromThen = ApiSalesLog.lines(world, manager, fromRefund, "");
        assertThat(fromThen).anyMatch(l -> l.kind() == SalesLogLine.Kind.REFUND);
        assertThat(ApiSalesLog.streamed(world, manager, fromRefund, 2)).isEqualTo(fromThen);
    }

    @Test
    void aPageIsWholeSalesAndItsCursorLeadsToTheRestOfTheLog() {
        int tickets = manager.get("/api/sales-log").get("lines").size();
        var first = manager.get("/api/sales-log?limit=3");
        assertThat(first.get("lines").findValues("saleId").stream().map(JsonNode::asLong).distinct()).hasSize(3);
        assertThat(first.get("next").isNull()).isFalse();
        var rest = manager.get("/api/sales-log?limit=50000&after=" + first.get("next").asText());
        assertThat(rest.get("next").isNull()).isTrue();
        assertThat(first.get("lines").size() + rest.get("lines").size()).isEqualTo(tickets);
        assertThat(manager.get("/api/sales-log?after=not-a-cursor").status()).isEqualTo(400);
        assertThat(manager.get("/api/sales-log?limit=0").status()).isEqualTo(400);
        assertThat(manager.get("/api/sales-log?limit=50001").status()).isEqualTo(400);
    }

    @Test
    void settlementRowsEqualTheDatabaseRowsVoidIncluded() {
        List<SellerAuthorization> grants = new ArrayList<>();
        Map<Long, Map<String, String>> seatStatus = new HashMap<>();
        for (long eventId : events.keySet()) {
            grants.addAll(ApiSalesLog.grants(manager.get("/api/events/" + eventId + "/authorizations")));
            seatStatus.put(eventId, statuses(manager.get("/api/events/" + eventId + "/seats").get("seats")));
        }
        var remote = RemoteRows.settlement(tickets, grants, seatStatus, events);
        assertThat(remote).isEqualTo(SellerSettlementReport.rows(world.dsl(), SellerSettlementReport.Filter.all()));
        assertThat(remote.stream().mapToInt(r -> r.voided()).sum()).isEqualTo(1);
    }

    @Test
    void occupancyRowsEqualTheDatabaseRows() {
        EventInfo concert = events.get(world.concertId);
        Map<String, List<String>> bySeat = new HashMap<>();
        manager.get("/api/events/" + world.concertId + "/seats").get("seats").fields().forEachRemaining(e -> {
            List<String> ids = new ArrayList<>();
            e.getValue().forEach(id -> ids.add(id.asText()));
            bySeat.put(e.getKey(), ids);
        });
        Set<String> used = new HashSet<>();
        tickets.stream().filter(t -> t.eventId() == world.concertId && "USED".equals(t.status()))
                .forEach(t -> used.add(t.seatId()));
        assertThat(RemoteRows.occupancy(concert, bySeat, used))
                .isEqualTo(EventOccupancyReport.rows(world.dsl(), concert))
                .anySatisfy(r -> assertThat(r.sold()).isPositive());
    }

    static Map<String, String> statuses(JsonNode seats) {
        Map<String, String> status = new HashMap<>();
        seats.fields().forEachRemaining(e -> e.getValue().forEach(id -> status.put(id.asText(), e.getKey())));
        return status;
    }
}
