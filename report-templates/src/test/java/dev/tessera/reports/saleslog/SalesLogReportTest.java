package dev.tessera.reports.saleslog;

import static dev.tessera.center.db.schema.Tables.ACCOUNT;
import static dev.tessera.center.db.schema.Tables.SALE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.reports.Cancellation;
import dev.tessera.reports.Progress;
import dev.tessera.reports.ReportCancelledException;
import dev.tessera.reports.ReportJob;
import dev.tessera.reports.ReportOptions;
import dev.tessera.core.model.Money;
import dev.tessera.reports.export.Exporter;
import dev.tessera.reports.export.PageRenderer;
import dev.tessera.center.support.ApiClient;
import dev.tessera.reports.support.ApiSalesLog;
import dev.tessera.reports.support.PdfTools;
import dev.tessera.reports.support.SalesWorld;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import net.sf.jasperreports.engine.JRGenericPrintElement;
import net.sf.jasperreports.engine.JasperPrint;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SalesLogReportTest {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final ReportOptions ENGLISH = ReportOptions.of(Locale.ENGLISH, TOKYO);

    SalesWorld world;
    ApiClient manager;

    @BeforeAll
    void sell(@TempDir Path dir) {
        world = new SalesWorld(dir);
        manager = world.manager();
    }

    /** The report as the desktop fills it: from the center's API answers for the filter. */
    JasperPrint fill(SalesLogFilter filter, ReportOptions options, ReportJob job) {
        List<SalesLogLine> lines = ApiSalesLog.lines(world, manager, filter, options.zone());
        String seller = filter.sellerId() == null ? null : world.dsl().select(ACCOUNT.DISPLAY_NAME).from(ACCOUNT)
                .where(ACCOUNT.ID.eq(filter.sellerId())).fetchOne(ACCOUNT.DISPLAY_NAME);
        return SalesLogReport.fill(SalesLogReport.scope(filter, seller, null, options), lines.iterator(), lines.size(),
                options, job);
    }

    @AfterAll
    void close() {
        world.close();
    }

    @Test
    void grandTotalOfThePdfEqualsTheSumOfTheSalesInTheDatabase() throws Exception {
        JasperPrint print = fill(SalesLogFilter.all(), ENGLISH, ReportJob.unattended());
        Path pdf = PdfTools.writePdf(print, "sales-log");
        String text = PdfTools.text(pdf);

        long total = world.dsl().select(DSL.sum(SALE.TOTAL_MINOR)).from(SALE).fetchOne().value1().longValue();
        int sales = world.dsl().fetchCount(SALE);
        assertThat(total).isPositive();
        assertThat(text).contains("Sales log").contains("Grand total")
                .contains(Money.format(total, "JPY", Locale.ENGLISH));
        assertThat(text).containsPattern("(?s)Summary.*\\b" + sales + "\\b");
        for (var seller : List.of(world.alice, world.bruno, world.chiyo)) {
            long sellerTotal = world.dsl().select(DSL.sum(SALE.TOTAL_MINOR)).from(SALE)
                    .where(SALE.SELLER_ID.eq(seller.id())).fetchOne().value1().longValue();
            assertThat(text).as("seller subtotal of " + seller.loginId())
                    .containsPattern("Seller net\\s+\\d+\\s+" + grouped(sellerTotal));
        }
        PdfTools.renderPage(pdf, 1, 110);
        PdfTools.renderPage(pdf, print.getPages().size(), 110);
    }

    @Test
    void aLogFilledThroughTheSwapFilePrintsTheSameAsOneKeptInMemory() throws Exception {
        List<SalesLogLine> lines = ApiSalesLog.lines(world, manager, SalesLogFilter.all(), TOKYO);
        String scope = SalesLogReport.scope(SalesLogFilter.all(), null, null, ENGLISH);
        JasperPrint inMemory = SalesLogReport.fill(scope, lines.iterator(), lines.size(), ENGLISH,
                ReportJob.unattended(), Long.MAX_VALUE, 1);
        // every page but one swapped out while filling, and read back for the export
        JasperPrint swapped = SalesLogReport.fill(scope, lines.iterator(), lines.size(), ENGLISH,
                ReportJob.unattended(), 0, 1);
        String expected = withoutStamp(PdfTools.text(PdfTools.writePdf(inMemory, "sales-log-in-memory")));
        String actual = withoutStamp(PdfTools.text(PdfTools.writePdf(swapped, "sales-log-swapped")));

        assertThat(swapped.getPages()).hasSize(inMemory.getPages().size()).hasSizeGreaterThan(1);
        assertThat(actual).contains("Grand total").isEqualTo(expected);
    }

    /** The page footers' "generated at" minute may differ between two fills. */
    private static String withoutStamp(String text) {
        return text.replaceAll("Generated [^\\n]*", "");
    }

    @Test
    void filtersBySellerAndPeriodAndTheTotalFollows() throws Exception {
        LocalDate secondDay = LocalDate.ofInstant(world.start, TOKYO).plusDays(1);
        var filter = SalesLogFilter.all().seller(world.bruno.id()).period(secondDay, secondDay.plusDays(1));
        JasperPrint print = fill(filter, ENGLISH, ReportJob.unattended());
        String text = PdfTools.text(PdfTools.writePdf(print, "sales-log-filtered"));

        var where = DSL.and(SALE.SELLER_ID.eq(world.bruno.id()),
                SALE.SOLD_AT.ge(secondDay.atStartOfDay(TOKYO).toOffsetDateTime()),
                SALE.SOLD_AT.lt(secondDay.plusDays(2).atStartOfDay(TOKYO).toOffsetDateTime()));
        long total = world.dsl().select(DSL.sum(SALE.TOTAL_MINOR)).from(SALE).where(where).fetchOne().value1().longValue();
        assertThat(text).contains("Seller: " + "Test " + world.bruno.loginId())
                .contains(Money.format(total, "JPY", Locale.ENGLISH))
                .doesNotContain("Test " + world.alice.loginId());
    }

    @Test
    void japaneseLabelsPrintWithEmbeddedFonts() throws Exception {
        JasperPrint print = fill(SalesLogFilter.all(),
                ReportOptions.of(Locale.JAPANESE, TOKYO), ReportJob.unattended());
        Path pdf = PdfTools.writePdf(print, "sales-log-ja");
        assertThat(PdfTools.text(pdf)).contains("販売ログ").contains("総合計").contains("第九");
        String fonts = PdfTools.fonts(pdf);
        assertThat(fonts).contains("IPAexGothic").contains("DejaVuSans");
        // OpenPDF declares a standard Helvetica for its empty page-start chunk; no text is set in it
        assertThat(fonts.lines().skip(2).filter(line -> !line.startsWith("Helvetica ")))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(line -> assertThat(line).containsPattern("\\byes\\s+yes\\b"));
        PdfTools.renderPage(pdf, 1, 110);
    }

    @Test
    void exportsCsvWithOneLinePerSaleAndCategoryAndXlsxWithASheet() throws Exception {
        JasperPrint print = fill(SalesLogFilter.all(), ENGLISH, ReportJob.unattended());
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        Exporter.csv(print, csv);
        List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).contains("event").contains("seller").contains("amount");
        assertThat(lines).hasSize(1 + world.sales.size());
        long csvTotal = lines.stream().skip(1).mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1).trim()))
                .sum();
        assertThat(csvTotal).isEqualTo(world.dsl().select(DSL.sum(SALE.TOTAL_MINOR)).from(SALE).fetchOne().value1().longValue());

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        Exporter.xlsx(print, xlsx);
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx.toByteArray()))) {
            List<String> entries = new java.util.ArrayList<>();
            String sheet = "";
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.add(e.getName());
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            assertThat(entries).contains("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml");
            // a header and a row per sale and category, the amount a number in the row's last cell
            assertThat(sheet.split("<row ", -1)).hasSize(2 + world.sales.size());
            long xlsxTotal = java.util.regex.Pattern.compile("<c><v>(-?[0-9.]+)</v></c></row>").matcher(sheet).results()
                    .mapToLong(m -> new java.math.BigDecimal(m.group(1)).longValueExact()).sum();
            assertThat(xlsxTotal).isEqualTo(csvTotal);
        }
    }

    @Test
    void thePreviewDrawsTheSevenTextsOfARowInTheirColumns() throws Exception {
        JasperPrint print = fill(SalesLogFilter.all(), ENGLISH, ReportJob.unattended());
        JRGenericPrintElement row = print.getPages().getFirst().getElements().stream()
                .filter(e -> e instanceof JRGenericPrintElement g && SalesLogRow.TYPE.equals(g.getGenericType()))
                .map(JRGenericPrintElement.class::cast).findFirst().orElseThrow();
        float zoom = 2;
        BufferedImage page = PageRenderer.render(print, 0, zoom);
        Files.createDirectories(PdfTools.PAGES);
        ImageIO.write(page, "png", PdfTools.PAGES.resolve("sales-log-preview-p1.png").toFile());
        // time, sale, kind, category, payment, tickets, amount: the template's column header x and width
        int[][] columns = {{16, 44}, {60, 50}, {110, 60}, {170, 130}, {300, 70}, {370, 60}, {430, 105}};
        for (int[] column : columns) {
            int dark = 0;
            for (int y = (int) (row.getY() * zoom); y < (row.getY() + row.getHeight()) * zoom; y++) {
                for (int x = (int) ((row.getX() + column[0]) * zoom); x < (row.getX() + column[0] + column[1]) * zoom; x++) {
                    dark += (page.getRGB(x, y) & 0xFF) < 0x80 ? 1 : 0;
                }
            }
            assertThat(dark).as("dark pixels of the first row's text at x " + column[0]).isGreaterThan(10);
        }
    }

    @Test
    void reportsProgressAndStopsWhenCancelled() {
        List<Long> filled = new CopyOnWriteArrayList<>();
        Progress progress = (stage, done, total) -> {
            if (stage == Progress.Stage.FILL) {
                filled.add(done);
            }
        };
        fill(SalesLogFilter.all(), ENGLISH, ReportJob.of(progress, new Cancellation()));
        assertThat(filled).isNotEmpty().last().isEqualTo((long) world.sales.size());

        Cancellation cancelled = new Cancellation();
        cancelled.cancel();
        assertThatThrownBy(() -> fill(SalesLogFilter.all(), ENGLISH,
                ReportJob.of(Progress.NONE, cancelled))).isInstanceOf(ReportCancelledException.class);
    }

    static String grouped(long minor) {
        return String.format(Locale.ENGLISH, "%,d", minor);
    }
}
