package dev.tessera.reports.receipt;

import static dev.tessera.center.db.schema.Tables.TICKET;
import static dev.tessera.center.db.schema.Tables.TICKET_VOID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.CenterConfig;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.reports.ReportJob;
import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.data.EventCatalog;
import dev.tessera.reports.data.EventInfo;
import dev.tessera.contract.aftersales.Adjustment;
import dev.tessera.reports.remote.RemoteRows;
import dev.tessera.contract.saleslog.SalesLog;
import dev.tessera.reports.saleslog.SalesLogLine;
import dev.tessera.reports.saleslog.SalesLogReport;
import dev.tessera.reports.support.ApiSalesLog;
import dev.tessera.core.model.Money;
import dev.tessera.reports.support.PdfTools;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jasperreports.engine.JasperPrint;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: a receipt that is a qualified invoice (registration number, the total and the tax of each rate, the tax
 * taken once per rate) and the credit note of a refund, rendered as real PDFs and read back with pdftotext, their
 * amounts checked against the center's database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaxReceiptTest {
    private static final String REGISTRATION = "T1234567890123";
    private static final ReportOptions ENGLISH = ReportOptions.of(Locale.ENGLISH, ZoneOffset.UTC);
    private static final ReportOptions JAPANESE = ReportOptions.of(Locale.JAPANESE, ZoneOffset.UTC);

    CenterFixture fx;
    Account manager;
    long eventId;
    long saleId;
    long refundId;
    String refundedTicket;

    @BeforeAll
    void sell(@TempDir Path dir) {
        fx = new CenterFixture(CenterConfig.h2FileUrl(dir.resolve("center")), "tessera");
        SeatMap map = CenterFixture.theatreWithStanding(10);
        Account seller = fx.account(Role.SELLER);
        manager = fx.account(Role.MANAGER);
        EventSetup ev = fx.publishedEvent(map, Map.of(seller, CenterFixture.quotaForAll(map, 10)), Map.of(),
                Map.of("stalls", 1_005L, CenterFixture.STANDING_CATEGORY, 1_500L));
        Response tax = fx.organizer.post("/api/events/" + ev.eventId() + "/tax", Map.of("country", "JP",
                "issuerName", "Tessera Players KK", "registrationNumber", REGISTRATION, "rates",
                List.of(Map.of("categoryId", CenterFixture.STANDING_CATEGORY, "rateBasisPoints", 800))));
        assertThat(tax.status()).as(tax.body()).isEqualTo(200);
        eventId = ev.eventId();
        List<String> seats = map.seats().stream().filter(s -> s.categoryId().equals("stalls") && s.flags().isEmpty())
                .limit(3).map(Seat::id).toList();
        Response hold = seller.client().post("/api/events/" + ev.eventId() + "/holds",
                Map.of("seatIds", seats, "areas", Map.of(CenterFixture.STANDING, 2)));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        Response sale = seller.client().post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CASH")));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        saleId = sale.get("saleId").asLong();
        for (JsonNode t : sale.get("tickets")) {
            if (!t.get("generalAdmission").asBoolean()) {
                refundedTicket = t.get("ticketId").asText();
            }
        }
        Response refund = seller.client().post("/api/tickets/" + refundedTicket + "/void",
                Map.of("reason", "customer ill", "refund", true));
        assertThat(refund.status()).as(refund.body()).isEqualTo(200);
        refundId = dsl().select(TICKET_VOID.ID).from(TICKET_VOID).where(TICKET_VOID.TICKET_ID.eq(refundedTicket))
                .fetchOne(TICKET_VOID.ID);
    }

    @AfterAll
    void close() {
        fx.close();
    }

    private DSLContext dsl() {
        return fx.center.services().db().dsl();
    }

    private long grossAt(int basisPoints) {
        return dsl().select(DSL.sum(TICKET.PRICE_MINOR)).from(TICKET)
                .where(TICKET.SALE_ID.eq(saleId), TICKET.TAX_RATE_BP.eq(basisPoints)).fetchOne().value1().longValue();
    }

    private static String yen(long minor) {
        return Money.format(minor, "JPY", Locale.ENGLISH);
    }

    @Test
    void theReceiptIsAQualifiedInvoiceWithTheTaxOfEachRateTakenOnce() throws Exception {
        ReceiptData data = Receipt.ofSale(dsl(), saleId, null, ENGLISH);
        JasperPrint print = Receipt.render(data, ENGLISH);
        Path pdf = PdfTools.writePdf(print, "receipt-qualified-invoice");
        String text = PdfTools.text(pdf);
        PdfTools.renderPage(pdf, 1, 160);

        // the database's amounts: ¥3,015 at 10 % and ¥3,000 at 8 %, the sale's total ¥6,015
        assertThat(grossAt(1000)).isEqualTo(3_015);
        assertThat(grossAt(800)).isEqualTo(3_000);
        assertThat(data.totalMinor()).isEqualTo(grossAt(1000) + grossAt(800));
        assertThat(text).contains("Receipt (qualified invoice)").contains("Tessera Players KK")
                .contains("Registration no. " + REGISTRATION).contains("#" + saleId)
                .contains("Total at 10% (incl. tax)").contains("Total at 8% (incl. tax)")
                .contains(yen(3_015)).contains(yen(3_000)).contains(yen(6_015))
                // 3,015 × 10/110 = 274.09 → 274 once for the rate; per line it would be 3 × 91 = 273
                .containsPattern("Tax at 10%\\s+" + yen(274)).containsPattern("Net at 10%\\s+" + yen(2_741))
                .containsPattern("Tax at 8%\\s+" + yen(222)).containsPattern("Net at 8%\\s+" + yen(2_778))
                .doesNotContain(yen(273)).contains("· 10%").contains("· 8%").contains("Standing pit")
                // the payment method in words, not the API's enum name
                .containsPattern("Payment\\s+Cash").doesNotContain("CASH");
    }

    @Test
    void theCreditNoteOfARefundRefersToTheReceiptAndTakesItsOwnTaxOnce() throws Exception {
        ReceiptData data = Receipt.creditNote(dsl(), refundId, ENGLISH);
        JasperPrint print = Receipt.render(data, ENGLISH);
        Path pdf = PdfTools.writePdf(print, "credit-note");
        String text = PdfTools.text(pdf);
        PdfTools.renderPage(pdf, 1, 160);

        long refunded = dsl().select(TICKET_VOID.REFUND_MINOR).from(TICKET_VOID).where(TICKET_VOID.ID.eq(refundId))
                .fetchOne(TICKET_VOID.REFUND_MINOR);
        assertThat(refunded).isEqualTo(1_005);
        assertThat(data.totalMinor()).isEqualTo(refunded);
        assertThat(text).contains("Credit note (qualified return invoice)").contains("Credit note CN-" + refundId)
                .containsPattern("Paid back\\s+" + yen(1_005))
                .contains("for receipt #" + saleId).contains("Registration no. " + REGISTRATION)
                .contains(yen(1_005)).containsPattern("Tax at 10%\\s+" + yen(91))
                .containsPattern("Net at 10%\\s+" + yen(914)).doesNotContain("8%");
    }

    @Test
    void inJapaneseTheReceiptNamesTheRegistrationNumberAndTheRatesAsAJapaneseInvoiceDoes() throws Exception {
        JasperPrint print = Receipt.render(Receipt.ofSale(dsl(), saleId, null, JAPANESE), JAPANESE);
        Path pdf = PdfTools.writePdf(print, "receipt-qualified-invoice-ja");
        String text = PdfTools.text(pdf);
        PdfTools.renderPage(pdf, 1, 160);

        assertThat(text).contains("適格簡易請求書").contains("登録番号 " + REGISTRATION).contains("10%対象（税込）")
                .contains("8%対象（税込）").containsPattern("10% 内消費税等\\s+JPY 274");
        JasperPrint credit = Receipt.render(Receipt.creditNote(dsl(), refundId, JAPANESE), JAPANESE);
        String creditText = PdfTools.text(PdfTools.writePdf(credit, "credit-note-ja"));
        assertThat(creditText).contains("適格返還請求書").contains("返還番号 CN-" + refundId)
                .contains("対象の領収書 #" + saleId).contains("現金").doesNotContain("CASH");
    }

    @Test
    void theSalesLogPdfShowsGrossTaxAndNetPerRateAsTheCenterCountsThem() throws Exception {
        Response log = manager.client().get("/api/sales-log?eventId=" + eventId);
        List<SalesLog.Line> sold = ApiSalesLog.tickets(log);
        List<Adjustment> adjustments = ApiSalesLog.adjustments(
                manager.client().get("/api/sales-log/adjustments?eventId=" + eventId));
        Map<String, SalesLog.Line> byId = RemoteRows.byTicketId(sold);
        Map<Long, EventInfo> events = Map.of(eventId, new EventCatalog(dsl()).event(eventId));
        List<SalesLogLine> lines = RemoteRows.salesLog(sold, adjustments, byId::get, events);
        JasperPrint print = SalesLogReport.fill("tax", lines.iterator(), lines.size(), ENGLISH, ReportJob.unattended());
        Path pdf = PdfTools.writePdf(print, "sales-log-tax");
        String text = PdfTools.text(pdf);
        PdfTools.renderPage(pdf, print.getPages().size(), 110);

        // the center: 10 % gross 3,015 − 1,005 refunded, tax 274 − 91 (the credit note's), 8 % gross 3,000, tax 222
        JsonNode byRate = log.get("byRate");
        assertThat(byRate).hasSize(2);
        for (JsonNode rate : byRate) {
            long gross = rate.get("grossMinor").asLong();
            long tax = rate.get("taxMinor").asLong();
            assertThat(rate.get("netMinor").asLong() + tax).isEqualTo(gross);
            String percent = BigDecimalText.percent(rate.get("rateBasisPoints").asInt());
            assertThat(text).containsPattern("JPY " + percent + "\\s+" + yen(gross) + "\\s+" + yen(tax) + "\\s+"
                    + yen(gross - tax));
        }
        assertThat(byRate.get(0).get("grossMinor").asLong()).isEqualTo(2_010);
        assertThat(byRate.get(0).get("taxMinor").asLong()).isEqualTo(183);
        assertThat(byRate.get(1).get("grossMinor").asLong()).isEqualTo(3_000);
        assertThat(byRate.get(1).get("taxMinor").asLong()).isEqualTo(222);
        assertThat(text).contains("Tax rate").contains("Gross (incl. tax)");
    }

    /** "10", "8", "5.5": a rate as the reports print it. */
    private static final class BigDecimalText {
        static String percent(int basisPoints) {
            return java.math.BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + "%";
        }
    }
}
