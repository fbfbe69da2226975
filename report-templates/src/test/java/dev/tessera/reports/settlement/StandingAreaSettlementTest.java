package dev.tessera.reports.settlement;

import static dev.tessera.center.support.CenterFixture.STANDING;
import static dev.tessera.center.support.CenterFixture.STANDING_CATEGORY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.center.support.OfflineJournal;
import dev.tessera.core.crypto.IssuerKeyPair;
import dev.tessera.core.model.LedgerEntry;
import dev.tessera.core.model.LedgerKind;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.data.EventCatalog;
import dev.tessera.reports.remote.RemoteRows;
import dev.tessera.reports.support.ApiSalesLog;
import dev.tessera.reports.support.PdfTools;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: the seller settlement counts the standing places allocated to a seller's offline counter and those it
 * sold, in the area's category beside the seated categories, the same from the database and from the center's API.
 */
class StandingAreaSettlementTest {
    private static final ReportOptions ENGLISH = ReportOptions.of(Locale.ENGLISH, ZoneId.of("Asia/Tokyo"));

    @Test
    void aSellersStandingAllocationAndWhatItsOfflineCounterSoldAreSettledOnBothPaths(@TempDir Path dir) throws Exception {
        try (CenterFixture fx = new CenterFixture(CenterConfig.h2FileUrl(dir.resolve("center")), "tessera")) {
            SeatMap map = CenterFixture.theatreWithStanding(20);
            Account seller = fx.account(Role.SELLER);
            EventSetup ev = fx.publishedEvent(map, Map.of(seller, CenterFixture.quotaForAll(map, 50)), Map.of(),
                    Map.of(STANDING_CATEGORY, 4_000L), Map.of(seller, Map.of(STANDING, 5)));

            // online, two places from the open part of the pit
            Response hold = seller.client().post("/api/events/" + ev.eventId() + "/holds",
                    Map.of("areas", Map.of(STANDING, 2)));
            assertThat(hold.status()).as(hold.body()).isEqualTo(201);
            Response sale = seller.client().post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                    "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CASH")));
            assertThat(sale.status()).as(sale.body()).isEqualTo(201);

            // offline, three of the five places allocated to the seller's counter, journaled and pushed
            IssuerKeyPair terminalKey = IssuerKeyPair.generate(new SecureRandom());
            String terminalId = CenterFixture.unique("till");
            Response registered = seller.client().post("/api/terminals", Map.of("terminalId", terminalId,
                    "publicKey", HexFormat.of().formatHex(terminalKey.publicKey().encoded())));
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            var shift = LedgerEntry.first(terminalId, LedgerKind.SHIFT, Instant.now(), "{\"type\":\"SHIFT_OPEN\",\"cash\":0}");
            var offline = shift.next(LedgerKind.SALE, Instant.now(),
                    OfflineJournal.standingSale(ev, terminalKey, STANDING, STANDING_CATEGORY, 3));
            Response pushed = seller.client().post("/api/terminals/" + terminalId + "/journal",
                    OfflineJournal.push(shift, offline));
            assertThat(pushed.get("outcomes").findValuesAsText("outcome")).as(pushed.body())
                    .containsExactly("RECORDED", "APPLIED");

            var dsl = fx.center.services().db().dsl();
            List<SettlementRow> rows = SellerSettlementReport.rows(dsl,
                    new SellerSettlementReport.Filter(ev.eventId(), null));
            SettlementRow standing = rows.stream().filter(r -> r.category().equals("Standing")).findFirst().orElseThrow();
            assertThat(standing.allocated()).as("places allocated to the counter").isEqualTo(5);
            assertThat(standing.allocatedSold()).as("of those, sold offline").isEqualTo(3);
            assertThat(standing.tickets()).isEqualTo(5);
            assertThat(standing.cashMinor()).isEqualTo(5 * 4_000);

            // a manager beside a remote center makes the same rows from the API's answers
            ApiClient manager = fx.account(Role.MANAGER).client();
            var grants = ApiSalesLog.grants(manager.get("/api/events/" + ev.eventId() + "/authorizations"));
            var tickets = ApiSalesLog.tickets(manager.get("/api/sales-log?eventId=" + ev.eventId()));
            var remote = RemoteRows.settlement(tickets, grants, Map.of(ev.eventId(), Map.of()),
                    Map.of(ev.eventId(), new EventCatalog(dsl).event(ev.eventId())));
            assertThat(remote).isEqualTo(rows);

            Path pdf = PdfTools.writePdf(SellerSettlementReport.fill(rows, ENGLISH), "seller-settlement-standing");
            String text = PdfTools.text(pdf);
            // granted, used, remaining, allocated (seats and places), allocated sold, tickets
            assertThat(text).as(text).containsPattern("Standing\\s+50\\s+5\\s+45\\s+5\\s+3\\s+5\\b");
            PdfTools.renderPage(pdf, 1, 110);
        }
    }
}
