package dev.tessera.reports;

import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.SEAT_STATE;
import static dev.tessera.center.db.schema.Tables.TICKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.core.model.Money;
import dev.tessera.reports.export.PageRenderer;
import dev.tessera.reports.occupancy.EventOccupancyReport;
import dev.tessera.reports.print.ReportPrinter;
import dev.tessera.reports.receipt.Receipt;
import dev.tessera.reports.settlement.SellerSettlementReport;
import dev.tessera.reports.support.PdfTools;
import dev.tessera.reports.support.SalesWorld;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.sf.jasperreports.engine.JasperPrint;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Occupancy, settlement and the receipt from a real center; printing and the page renderer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CounterAndManagerReportsTest {
    static final ReportOptions ENGLISH = ReportOptions.of(Locale.ENGLISH, ZoneId.of("Asia/Tokyo"));

    SalesWorld world;

    @BeforeAll
    void sell(@TempDir Path dir) {
        world = new SalesWorld(dir);
        // the doors open first: a hold made before would lapse when the clock moves past its ten minutes
        world.openDoors();
        // a hold that stays open shows as "held"; a scanned ticket as "used at gate"
        var hold = world.signIn(world.chiyo).post("/api/events/" + world.concertId + "/holds",
                Map.of("bestAvailable", Map.of("count", 2, "categoryId", "balcony")));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
    }

    @AfterAll
    void close() {
        world.close();
    }

    @Test
    void occupancyCountsEverySeatOnceAndAgreesWithTheDatabase() throws Exception {
        JsonNode ticket = world.sales.getFirst().get("tickets").get(0);
        var scan = world.signIn(world.gate).post("/api/gate/scans", Map.of("eventId", world.concertId,
                "gateId", ticket.get("gateId").asText(), "ticket", ticket.get("encoded").asText()));
        assertThat(scan.get("verdict").asText()).isEqualTo("ADMITTED");

        JasperPrint print = EventOccupancyReport.fill(world.dsl(), world.concertId, ENGLISH);
        Path pdf = PdfTools.writePdf(print, "event-occupancy");
        String text = PdfTools.text(pdf);
        int seats = world.dsl().fetchCount(SEAT_STATE, SEAT_STATE.EVENT_ID.eq(world.concertId));
        int sold = world.dsl().fetchCount(SEAT_STATE, SEAT_STATE.EVENT_ID.eq(world.concertId), SEAT_STATE.STATUS.eq("SOLD"));
        int held = world.dsl().fetchCount(SEAT_STATE, SEAT_STATE.EVENT_ID.eq(world.concertId), SEAT_STATE.STATUS.eq("HELD"));
        int free = world.dsl().fetchCount(SEAT_STATE, SEAT_STATE.EVENT_ID.eq(world.concertId), SEAT_STATE.STATUS.eq("FREE"));
        assertThat(held).isEqualTo(2);
        assertThat(text).contains("Event occupancy").contains("Stalls").contains("Balcony")
                .containsPattern("All sections\\s+" + grouped(seats) + "\\s+" + sold + "\\s+" + held + "\\s+\\d+\\s+"
                        + grouped(free) + "\\s+1\\b");
        PdfTools.renderPage(pdf, 1, 110);
    }

    @Test
    void settlementSplitsTakingsByPaymentMethodAndMatchesTheDatabase() throws Exception {
        JasperPrint print = SellerSettlementReport.fill(world.dsl(), SellerSettlementReport.Filter.all(), ENGLISH);
        Path pdf = PdfTools.writePdf(print, "seller-settlement");
        String text = PdfTools.text(pdf);
        assertThat(text).contains("Seller settlement").contains("voided tickets (refunded or not) apart")
                .doesNotContain("no shifts");
        for (var seller : List.of(world.alice, world.bruno, world.chiyo)) {
            long net = world.dsl().select(DSL.sum(TICKET.PRICE_MINOR)).from(TICKET).join(SALE).on(SALE.ID.eq(TICKET.SALE_ID))
                    .where(SALE.SELLER_ID.eq(seller.id()), TICKET.STATUS.ne("VOID")).fetchOne().value1().longValue();
            assertThat(text).as("net takings of " + seller.loginId())
                    .contains("Net takings").contains(Money.format(net, "JPY", Locale.ENGLISH));
        }
        PdfTools.renderPage(pdf, 1, 110);
    }

    @Test
    void receiptListsTheTicketsTotalAndChange() throws Exception {
        JsonNode sale = world.sales.get(4);
        long saleId = sale.get("saleId").asLong();
        long total = sale.get("totalMinor").asLong();
        JasperPrint print = Receipt.render(Receipt.ofSale(world.dsl(), saleId, total + 1_000, ENGLISH), ENGLISH);
        assertThat(print.getPages()).hasSize(1);
        assertThat(print.getPageWidth()).isEqualTo(227);
        Path pdf = PdfTools.writePdf(print, "receipt");
        String text = PdfTools.text(pdf);
        assertThat(text).contains("Receipt").contains("#" + saleId).contains(Money.format(total, "JPY", Locale.ENGLISH))
                .contains("Change").contains("JPY 1,000").contains(SalesWorld.JAPANESE_ATTENDEE);
        PdfTools.renderPage(pdf, 1, 160);
    }

    @Test
    void printingWithoutAnyPrinterSavesAPdfInstead(@TempDir Path out) throws Exception {
        JasperPrint print = Receipt.render(Receipt.ofSale(world.dsl(), world.sales.get(2).get("saleId").asLong(), null,
                ENGLISH), ENGLISH);
        ReportPrinter noPrinters = new ReportPrinter(List::of, Optional::empty);
        var outcome = noPrinters.print(print, null, out, ReportJob.unattended());
        assertThat(outcome).isInstanceOf(ReportPrinter.SavedAsPdf.class);
        Path saved = ((ReportPrinter.SavedAsPdf) outcome).file();
        assertThat(Files.readString(saved, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF");
        assertThat(noPrinters.printers()).isEmpty();
        assertThatThrownBy(() -> new ReportPrinter(() -> List.of(new javax.print.StreamPrintService(null) {
            @Override public String getOutputFormat() { return "application/postscript"; }
            @Override public String getName() { return "pdf-writer"; }
            @Override public javax.print.DocPrintJob createPrintJob() { throw new UnsupportedOperationException(); }
            @Override public void addPrintServiceAttributeListener(javax.print.event.PrintServiceAttributeListener l) { }
            @Override public void removePrintServiceAttributeListener(javax.print.event.PrintServiceAttributeListener l) { }
            @Override public javax.print.attribute.PrintServiceAttributeSet getAttributes() { return null; }
            @Override public <T extends javax.print.attribute.PrintServiceAttribute> T getAttribute(Class<T> c) { return null; }
            @Override public javax.print.DocFlavor[] getSupportedDocFlavors() { return new javax.print.DocFlavor[0]; }
            @Override public boolean isDocFlavorSupported(javax.print.DocFlavor f) { return false; }
            @Override public Class<?>[] getSupportedAttributeCategories() { return new Class<?>[0]; }
            @Override public boolean isAttributeCategorySupported(Class<? extends javax.print.attribute.Attribute> c) { return false; }
            @Override public Object getDefaultAttributeValue(Class<? extends javax.print.attribute.Attribute> c) { return null; }
            @Override public Object getSupportedAttributeValues(Class<? extends javax.print.attribute.Attribute> c, javax.print.DocFlavor f, javax.print.attribute.AttributeSet a) { return null; }
            @Override public boolean isAttributeValueSupported(javax.print.attribute.Attribute a, javax.print.DocFlavor f, javax.print.attribute.AttributeSet s) { return false; }
            @Override public javax.print.attribute.AttributeSet getUnsupportedAttributes(javax.print.DocFlavor f, javax.print.attribute.AttributeSet a) { return null; }
            @Override public javax.print.ServiceUIFactory getServiceUIFactory() { return null; }
        }), Optional::empty).print(print, "Front desk", out, ReportJob.unattended()))
                .isInstanceOf(ReportException.class).hasMessageContaining("Front desk");
    }

    @Test
    void pageRendererDrawsAPreviewImageAtTheAskedZoom() {
        JasperPrint print = EventOccupancyReport.fill(world.dsl(), world.matineeId, ENGLISH);
        BufferedImage page = PageRenderer.render(print, 0, 1.5f);
        assertThat(page.getWidth()).isEqualTo(Math.round(595 * 1.5f));
        assertThat(PageRenderer.pageCount(print)).isPositive();
        assertThatThrownBy(() -> PageRenderer.render(print, 99, 1f)).isInstanceOf(IllegalArgumentException.class);
    }

    static String grouped(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }
}
