package dev.tessera.reports.remote;

import static dev.tessera.center.db.schema.Tables.SALE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.core.model.Role;
import dev.tessera.reports.ReportJob;
import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.data.EventCatalog;
import dev.tessera.reports.data.EventInfo;
import dev.tessera.reports.engine.Money;
import dev.tessera.reports.occupancy.EventOccupancyReport;
import dev.tessera.reports.saleslog.SalesLogFilter;
import dev.tessera.reports.saleslog.SalesLogLine;
import dev.tessera.reports.saleslog.SalesLogQuery;
import dev.tessera.reports.saleslog.SalesLogReport;
import dev.tessera.reports.settlement.SellerSettlementReport;
import dev.tessera.reports.support.PdfTools;
import dev.tessera.reports.support.SalesWorld;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JasperPrint;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows a desktop makes from the center's HTTP answers equal the rows the database path reads,
 * so a remote manager prints the same reports as one beside the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteRowsTest {
    static final ReportOptions ENGLISH = ReportOptions.of(Locale.ENGLISH, ZoneId.of("Asia/Tokyo"));

    SalesWorld world;
    ApiClient manager;
    List<TicketLine> tickets;
    Map<Long, EventInfo> events;

    @BeforeAll
    void sell(@TempDir Path dir) {
        world = new SalesWorld(dir);
        JsonNode sold = world.sales.get(1).get("tickets").get(0);
        var voided = world.signIn(world.bruno).post("/api/tickets/" + sold.get("ticketId").asText() + "/void",
                Map.of("reason", "double booking", "refund", true));
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        // the world's clock ran days ahead: the organizer signs in afresh to add the manager
        ApiClient organizer = world.center.anonymous.login("root-organizer", CenterFixture.ORGANIZER_PASSWORD);
        var created = organizer.post("/api/accounts", Map.of("loginId", "mika", "password", "mika-password-1",
                "role", Role.MANAGER.name(), "displayName", "Mika Manager"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        manager = world.center.anonymous.login("mika", "mika-password-1");
        tickets = lines(manager.get("/api/sales-log"));
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

    static List<TicketLine> lines(Response log) {
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        List<TicketLine> lines = new ArrayList<>();
        for (JsonNode l : log.get("lines")) {
            lines.add(new TicketLine(l.get("saleId").asLong(), Instant.parse(l.get("soldAt").asText()),
                    l.get("eventId").asLong(), l.get("eventName").asText(), l.get("sellerId").asLong(),
                    l.get("sellerName").asText(), l.get("ticketId").asText(), l.get("seatId").asText(),
                    l.get("categoryId").asText(), l.get("priceMinor").asLong(), l.get("currency").asText(),
                    l.get("paymentMethod").asText(), l.get("status").asText(), l.get("refundMinor").asLong()));
        }
        return lines;
    }

    @Test
    void salesLogLinesEqualTheDatabaseLinesAndTheGrandTotalPrints() throws Exception {
        List<SalesLogLine> remote = RemoteRows.salesLog(tickets, events);
        List<SalesLogLine> local;
        try (Stream<SalesLogLine> lines = new SalesLogQuery(world.dsl()).lines(SalesLogFilter.all(), ENGLISH.zone())) {
            local = lines.toList();
        }
        assertThat(remote).containsExactlyElementsOf(local);

        JasperPrint print = SalesLogReport.fill(SalesLogReport.scope(SalesLogFilter.all(), null, null, ENGLISH),
                remote.iterator(), remote.size(), ENGLISH, ReportJob.unattended());
        String text = PdfTools.text(PdfTools.writePdf(print, "sales-log-remote"));
        long total = world.dsl().select(DSL.sum(SALE.TOTAL_MINOR)).from(SALE).fetchOne().value1().longValue();
        assertThat(text).contains("Grand total").contains(Money.format(total, "JPY", Locale.ENGLISH));
    }

    @Test
    void settlementRowsEqualTheDatabaseRowsVoidIncluded() {
        List<SellerGrant> grants = new ArrayList<>();
        Map<Long, Map<String, String>> seatStatus = new HashMap<>();
        for (long eventId : events.keySet()) {
            for (JsonNode g : manager.get("/api/events/" + eventId + "/authorizations").json()) {
                Map<String, Integer> quotas = new HashMap<>();
                g.get("quotas").fields().forEachRemaining(e -> quotas.put(e.getKey(), e.getValue().asInt()));
                Set<String> seats = new HashSet<>();
                g.path("allocatedSeats").forEach(s -> seats.add(s.asText()));
                grants.add(new SellerGrant(eventId, g.get("sellerId").asLong(), g.get("sellerName").asText(), quotas, seats));
            }
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
