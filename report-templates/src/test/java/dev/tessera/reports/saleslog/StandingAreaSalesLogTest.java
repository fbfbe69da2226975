package dev.tessera.reports.saleslog;

import static dev.tessera.center.support.CenterFixture.STANDING;
import static dev.tessera.center.support.CenterFixture.STANDING_CATEGORY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.reports.ReportJob;
import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.export.Exporter;
import dev.tessera.reports.support.ApiSalesLog;
import dev.tessera.reports.support.PdfTools;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jasperreports.engine.JasperPrint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 in the sales log: places sold in a standing (general-admission) area are lines of the area's category
 * beside the seated categories, in the rows, the category breakdown and the CSV, from the center's API as the
 * desktop reads it.
 */
class StandingAreaSalesLogTest {
    private static final ReportOptions ENGLISH = ReportOptions.of(Locale.ENGLISH, ZoneId.of("Asia/Tokyo"));

    @Test
    void standingPlacesArePrintedInTheirAreasCategoryBesideTheSeatedCategories(@TempDir Path dir) throws Exception {
        try (CenterFixture fx = new CenterFixture(CenterConfig.h2FileUrl(dir.resolve("center")), "tessera")) {
            SeatMap map = CenterFixture.theatreWithStanding(20);
            Account seller = fx.account(Role.SELLER);
            EventSetup ev = fx.publishedEvent(map, Map.of(seller, CenterFixture.quotaForAll(map, 50)), Map.of(),
                    Map.of("stalls", 6_000L, STANDING_CATEGORY, 4_000L));
            List<String> seats = map.seats().stream().filter(s -> s.categoryId().equals("stalls") && s.flags().isEmpty())
                    .limit(2).map(Seat::id).toList();

            // one sale of two stalls seats and three standing places paid in cash, one of two places by card
            Response hold = seller.client().post("/api/events/" + ev.eventId() + "/holds",
                    Map.of("seatIds", seats, "areas", Map.of(STANDING, 3)));
            assertThat(hold.status()).as(hold.body()).isEqualTo(201);
            Response mixed = seller.client().post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                    "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CASH")));
            assertThat(mixed.status()).as(mixed.body()).isEqualTo(201);
            Response standing = seller.client().post("/api/events/" + ev.eventId() + "/sales",
                    Map.of("areas", Map.of(STANDING, 2), "customer", Map.of("auth", "WALK_IN"),
                            "payment", Map.of("method", "CARD", "reference", "r")));
            assertThat(standing.status()).as(standing.body()).isEqualTo(201);

            ApiClient manager = fx.account(Role.MANAGER).client();
            String query = "?eventId=" + ev.eventId();
            List<SalesLogLine> lines = ApiSalesLog.lines(fx.center.services().db().dsl(), manager, query, query);
            JasperPrint print = SalesLogReport.fill(SalesLogReport.scope(SalesLogFilter.all(), null, null, ENGLISH),
                    lines.iterator(), lines.size(), ENGLISH, ReportJob.unattended());
            Path pdf = PdfTools.writePdf(print, "sales-log-standing");
            String text = PdfTools.text(pdf);

            long mixedId = mixed.get("saleId").asLong();
            long standingId = standing.get("saleId").asLong();
            assertThat(text).as(text)
                    .containsPattern("#" + mixedId + "\\s+Sale\\s+Stalls\\s+Cash\\s+2\\s+12,000")
                    .containsPattern("#" + mixedId + "\\s+Sale\\s+Standing\\s+Cash\\s+3\\s+12,000")
                    .containsPattern("#" + standingId + "\\s+Sale\\s+Standing\\s+Card\\s+2\\s+8,000");
            // the category breakdown: name, sales, tickets, gross
            String byCategory = text.substring(text.indexOf("By category"));
            assertThat(byCategory).containsPattern("Standing\\s+2\\s+5\\s+20,000")
                    .containsPattern("Stalls\\s+1\\s+2\\s+12,000");

            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            Exporter.csv(print, csv);
            assertThat(csv.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(",Standing,")))
                    .hasSize(2).anySatisfy(l -> assertThat(l).endsWith(",Card,2,8000"));
            PdfTools.renderPage(pdf, 1, 110);
        }
    }
}
