package dev.tessera.desktop.manager;

import static dev.tessera.desktop.support.Fx.fx;
import static dev.tessera.desktop.support.Fx.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.desktop.TesseraApp;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.support.AppUnderTest;
import dev.tessera.desktop.support.Pdfs;
import dev.tessera.desktop.support.Screenshots;
import dev.tessera.desktop.support.TestCenter;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.core.model.Money;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipInputStream;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The manager end to end, headless: real sales at the embedded center, then each report generated,
 * previewed, exported and read back the way a person checks a printout (pdftotext).
 */
class ManagerFlowTest {
    private static final Locale EN = Locale.ENGLISH;
    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest();
    private final FxRobot robot = ui.robot();

    @Test
    void managerPreviewsExportsAndPrintsEachReportAndTheTotalsAreTheSalesMade(@TempDir Path data, @TempDir Path out)
            throws Exception {
        TesseraApp app = ui.start(data, EN);
        DemoSales sales;
        try (CenterClient other = new CenterClient(app.shell().connection().orElseThrow().baseUri())) {
            CenterSession clerk = other.signIn("clerk", "clerk-demo");
            EventInfo tempest = clerk.events().stream().filter(e -> e.name().equals(TestCenter.DEMO_EVENT))
                    .findFirst().orElseThrow();
            sales = new DemoSales(clerk, tempest);
        }

        ui.signIn("manager", "manager-demo");
        waitFor(30, "the manager workspace", () -> app.shell().main()
                .flatMap(m -> m.workspace(ManagerWorkspace.class)).isPresent());
        ManagerViewModel vm = app.shell().main().orElseThrow().workspace(ManagerWorkspace.class).orElseThrow().viewModel();
        try {
            waitFor(90, "events and sellers", () -> !vm.events().isEmpty() && !vm.sellers().isEmpty());
        } catch (AssertionError e) {
            Screenshots.take(ui.scene(), "40-manager-not-loaded");
            throw new AssertionError(e.getMessage() + "; status " + fx(() -> vm.statusProperty().get() + " events "
                    + vm.events().size() + " sellers " + vm.sellers().size() + " busy " + vm.busyProperty().get()), e);
        }
        Screenshots.take(ui.scene(), "40-manager-start");

        // the sales log, from the keyboard: Ctrl+G
        robot.clickOn("#reportSalesLog");
        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        int pages = waitForReport(vm, ReportKind.SALES_LOG);
        assertThat(ui.text("#pageOf")).isEqualTo("Page 1 of " + pages);
        assertThat(ui.text("#totalSold")).isEqualTo(Formats.money(sales.soldMinor, "JPY", EN));
        assertThat(ui.text("#totalNet")).isEqualTo(Formats.money(sales.netMinor(), "JPY", EN));
        assertThat(ui.text("#totalNetCARD")).isEqualTo(Formats.money(sales.byPayment.get("CARD"), "JPY", EN));
        Screenshots.take(ui.scene(), "40-manager-sales-log");
        if (pages > 1) {
            robot.clickOn("#nextPage");
            waitFor(10, "page 2", () -> vm.pageProperty().get() != null && vm.pageProperty().get().index() == 1);
            assertThat(ui.text("#pageOf")).isEqualTo("Page 2 of " + pages);
            robot.clickOn("#previousPage");
            robot.press(KeyCode.CONTROL).type(KeyCode.PAGE_DOWN).release(KeyCode.CONTROL);
            waitFor(10, "page 2 from the keyboard", () -> vm.pageIndexProperty().get() == 1);
            robot.press(KeyCode.CONTROL).type(KeyCode.PAGE_UP).release(KeyCode.CONTROL);
            waitFor(10, "page 1 again", () -> vm.pageProperty().get().index() == 0);
        }
        String log = Pdfs.text(export(vm, ExportFormat.PDF, out.resolve("sales-log.pdf")));
        // gross sales, the refund paid back and the net that stays in the till
        assertThat(log).contains("Sales log").contains("Grand total (net)")
                .contains(Money.format(sales.soldMinor, "JPY", EN)).contains(Money.format(-sales.voidedMinor, "JPY", EN))
                .contains(Money.format(sales.netMinor(), "JPY", EN));
        List<String> csv = Files.readAllLines(export(vm, ExportFormat.CSV, out.resolve("sales-log.csv")));
        assertThat(csv.getFirst()).contains("seller").contains("kind").contains("amount");
        // a line per sale and category plus the refund as a line of its own: the amounts add up to the net
        assertThat(csv.stream().filter(l -> l.contains(",REFUND,"))).singleElement()
                .satisfies(l -> assertThat(l).endsWith("," + (-sales.voidedMinor)));
        assertThat(csv.stream().skip(1).mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1).trim())).sum())
                .isEqualTo(sales.netMinor());
        assertThat(xlsxEntries(export(vm, ExportFormat.XLSX, out.resolve("sales-log.xlsx"))))
                .contains("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml");

        // the settlement per seller: net takings exclude the voided ticket
        robot.clickOn("#reportSettlement");
        robot.clickOn("#generateReport");
        waitForReport(vm, ReportKind.SETTLEMENT);
        Screenshots.take(ui.scene(), "41-manager-settlement");
        String settlement = Pdfs.text(export(vm, ExportFormat.PDF, out.resolve("settlement.pdf")));
        assertThat(settlement).contains("Seller settlement").contains("Net takings")
                .contains(Money.format(sales.netMinor(), "JPY", EN));

        // occupancy needs an event: the workspace says so in words, then counts the seats sold
        robot.clickOn("#reportOccupancy");
        robot.clickOn("#generateReport");
        waitFor(10, "the hint to choose an event", () -> ui.text("#reportStatus").startsWith("Choose the event"));
        Screenshots.take(ui.scene(), "42-manager-occupancy-needs-event");
        ComboBox<?> events = robot.lookup("#reportEvent").queryAs(ComboBox.class);
        waitFor(30, "the event in the report's list",
                () -> fx(() -> vm.events().stream().anyMatch(e -> e.id() == sales.event.id())));
        int index = fx(() -> vm.events().stream().map(EventInfo::id).toList().indexOf(sales.event.id())) + 1;
        fx(() -> {
            events.getSelectionModel().select(index);
            return null;
        });
        robot.clickOn("#generateReport");
        waitForReport(vm, ReportKind.OCCUPANCY);
        Screenshots.take(ui.scene(), "42-manager-occupancy");
        String occupancy = Pdfs.text(export(vm, ExportFormat.PDF, out.resolve("occupancy.pdf")));
        // the voided seat is for sale again
        assertThat(occupancy).contains("Event occupancy").containsPattern("All sections\\s+[\\d,]+\\s+"
                + (sales.soldTickets - 1) + "\\b");

        // cancel: nothing half-made replaces the report on screen
        GeneratedReport shown = fx(() -> vm.reportProperty().get());
        fx(() -> {
            vm.kindProperty().set(ReportKind.SALES_LOG);
            vm.generate();
            vm.cancel();
            return null;
        });
        waitFor(30, "the cancel", () -> !vm.busyProperty().get());
        assertThat(ui.text("#reportStatus")).startsWith("Cancelled.");
        assertThat(fx(() -> vm.reportProperty().get())).isSameAs(shown);

        // print: this machine's printers, or a PDF saved in the data folder when it has none
        List<String> offered = new ArrayList<>();
        fx(() -> {
            vm.print(printers -> {
                printers.forEach(p -> offered.add(p.name()));
                return Optional.empty();
            });
            return null;
        });
        waitFor(60, "the print outcome", () -> !vm.busyProperty().get()
                && !vm.statusProperty().get().key().equals("manager.status.findingPrinters"));
        if (offered.isEmpty()) {
            assertThat(ui.text("#reportStatus")).startsWith("This computer has no printer, so the report was saved as a PDF");
            Path saved = Path.of((String) fx(() -> vm.statusProperty().get()).args().getFirst());
            assertThat(Pdfs.text(saved)).contains("Event occupancy");
        } else {
            assertThat(ui.text("#reportStatus")).isEqualTo("Nothing was printed.");
        }
        Screenshots.take(ui.scene(), "43-manager-printed");

        robot.clickOn("#languageJapanese");
        waitFor(5, "Japanese texts", () -> ui.text("#pageOf").endsWith("ページ"));
        Screenshots.take(ui.scene(), "44-manager-occupancy-ja");

        // a report made now speaks Japanese, in the preview and on paper (the click brings the keyboard back
        // from the header's language switch into the workspace, where its shortcuts live)
        robot.clickOn("#reportSalesLog");
        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        waitForReport(vm, ReportKind.SALES_LOG);
        assertThat(ui.text("#reportStatus")).endsWith("ページ）。");
        String japanese = Pdfs.text(export(vm, ExportFormat.PDF, out.resolve("sales-log-ja.pdf")));
        assertThat(japanese).contains("販売ログ").contains("総合計");
        Screenshots.take(ui.scene(), "45-manager-sales-log-ja");
    }

    private int waitForReport(ManagerViewModel vm, ReportKind kind) throws Exception {
        waitFor(60, "the " + kind + " preview", () -> !vm.busyProperty().get() && vm.reportProperty().get() != null
                && vm.reportProperty().get().kind() == kind && vm.pageProperty().get() != null);
        assertThat(fx(() -> vm.failedProperty().get())).as(ui.text("#reportStatus")).isFalse();
        int pages = fx(() -> vm.pageCountProperty().get());
        assertThat(pages).isPositive();
        return pages;
    }

    /** In tests the file goes straight to a temp path; the app asks with a FileChooser. */
    private Path export(ManagerViewModel vm, ExportFormat format, Path file) throws Exception {
        fx(() -> {
            vm.export(format, file);
            return null;
        });
        waitFor(60, format + " written", () -> !vm.busyProperty().get() && vm.statusProperty().get().key()
                .equals("manager.status.exported"));
        assertThat(file).isRegularFile();
        return file;
    }


    private static List<String> xlsxEntries(Path xlsx) throws IOException {
        List<String> entries = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx); ZipInputStream zip = new ZipInputStream(in)) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.add(e.getName());
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    assertThat(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).contains("<sheetData");
                }
            }
        }
        return entries;
    }
}
