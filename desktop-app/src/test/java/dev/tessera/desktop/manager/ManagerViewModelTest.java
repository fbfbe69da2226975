package dev.tessera.desktop.manager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.support.TestCenter;
import dev.tessera.desktop.ui.CurrentThreadTaskExecutor;
import dev.tessera.desktop.ui.Localization;
import dev.tessera.desktop.ui.Message;
import dev.tessera.reports.print.ReportPrinter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The manager's view model against a real embedded center with real sales; no stage, work on the test thread. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagerViewModelTest {
    TestCenter center;
    CenterSession manager;
    DemoSales sales;
    Path printed;
    ManagerViewModel vm;

    @BeforeAll
    void sell(@TempDir Path data) {
        center = TestCenter.start(data.resolve("app"));
        CenterSession clerk = center.clerk();
        sales = new DemoSales(clerk, center.demoEvent(clerk));
        manager = center.signIn("manager", "manager-demo");
        printed = data.resolve("printed");
    }

    @AfterAll
    void stop() {
        center.close();
    }

    @BeforeEach
    void viewModel() {
        // a machine with no printer installed: the real printer with an empty service list
        vm = new ManagerViewModel(manager, new CurrentThreadTaskExecutor(), new Localization(Locale.ENGLISH),
                new ReportPrinter(List::of, Optional::empty), printed);
        vm.load();
    }

    @Test
    void loadsEventsAndSellersForTheFilters() {
        assertThat(vm.events()).extracting(e -> e.name()).contains(TestCenter.DEMO_EVENT);
        assertThat(vm.sellers()).extracting(s -> s.loginId()).contains("clerk");
        assertThat(vm.statusProperty().get()).isEqualTo(Message.of("manager.status.ready"));
    }

    @Test
    void salesLogTotalsAreTheSalesMadeAndAPaymentFilterNarrowsThem() {
        vm.generate();
        assertThat(vm.failedProperty().get()).as(String.valueOf(vm.statusProperty().get())).isFalse();
        assertThat(vm.pageCountProperty().get()).isPositive();
        assertThat(vm.pageProperty().get().width()).isPositive();
        SalesTotals all = vm.totals().getFirst();
        assertThat(all.soldMinor()).isEqualTo(sales.soldMinor);
        assertThat(all.soldTickets()).isEqualTo(sales.soldTickets);
        assertThat(all.voidedTickets()).isOne();
        assertThat(all.refundedMinor()).isEqualTo(sales.voidedMinor);
        assertThat(all.netMinor()).isEqualTo(sales.netMinor());
        assertThat(all.netByPayment()).isEqualTo(sales.byPayment);

        vm.paymentProperty().set("CARD");
        vm.generate();
        // the card sales, and the refund of one of their tickets taken from the cash it went back in
        assertThat(vm.totals().getFirst().netByPayment()).containsOnly(java.util.Map.entry("CARD", sales.byPayment.get("CARD")),
                java.util.Map.entry("CASH", -sales.voidedMinor));
        assertThat(vm.totals().getFirst().netMinor()).isEqualTo(sales.byPayment.get("CARD") - sales.voidedMinor);
    }

    @Test
    void aSellerReadsItsOwnSalesLogOnly() {
        CenterSession clerk = center.clerk();
        ManagerViewModel own = ManagerViewModel.ownSalesLog(clerk, new CurrentThreadTaskExecutor(),
                new Localization(Locale.ENGLISH), new ReportPrinter(List::of, Optional::empty), printed);
        own.load();
        assertThat(own.ownSalesLog()).isTrue();
        assertThat(own.sellers()).containsExactly(clerk.account());
        assertThat(own.sellerProperty().get()).isEqualTo(clerk.account());
        // the sales log is the only report a seller makes, whatever is asked
        own.kindProperty().set(ReportKind.SETTLEMENT);
        own.generate();
        assertThat(own.failedProperty().get()).as(String.valueOf(own.statusProperty().get())).isFalse();
        assertThat(own.reportProperty().get().kind()).isEqualTo(ReportKind.SALES_LOG);
        SalesTotals mine = own.totals().getFirst();
        assertThat(mine.soldMinor()).isEqualTo(sales.soldMinor);
        assertThat(mine.netMinor()).isEqualTo(sales.netMinor());
    }

    @Test
    void anEmptyScopeSaysSoAndKeepsTheReportShown() {
        vm.generate();
        var shown = vm.reportProperty().get();
        vm.fromProperty().set(LocalDate.now().plusDays(2));
        vm.generate();
        assertThat(vm.statusProperty().get()).isEqualTo(Message.of("manager.error.noSales"));
        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(vm.reportProperty().get()).isSameAs(shown);

        vm.toProperty().set(LocalDate.now());
        vm.generate();
        assertThat(vm.statusProperty().get()).isEqualTo(Message.of("manager.error.period"));
        assertThat(vm.fromProperty().get()).isEqualTo(LocalDate.now().plusDays(2));
    }

    @Test
    void occupancyNeedsAnEventThenCountsTheSeatsSold() {
        vm.kindProperty().set(ReportKind.OCCUPANCY);
        vm.generate();
        assertThat(vm.statusProperty().get()).isEqualTo(Message.of("manager.error.chooseEvent"));
        vm.eventProperty().set(vm.events().stream().filter(e -> e.id() == sales.event.id()).findFirst().orElseThrow());
        vm.generate();
        assertThat(vm.failedProperty().get()).as(String.valueOf(vm.statusProperty().get())).isFalse();
        assertThat(vm.reportProperty().get().kind()).isEqualTo(ReportKind.OCCUPANCY);
        assertThat(vm.totals().getFirst().soldTickets()).isEqualTo(sales.soldTickets);
    }

    @Test
    void pagesAndZoomStayInRange() {
        vm.kindProperty().set(ReportKind.SETTLEMENT);
        vm.generate();
        int pages = vm.pageCountProperty().get();
        vm.previousPage();
        assertThat(vm.pageIndexProperty().get()).isZero();
        vm.lastPage();
        vm.nextPage();
        assertThat(vm.pageIndexProperty().get()).isEqualTo(pages - 1);
        assertThat(vm.pageProperty().get().index()).isEqualTo(pages - 1);
        int width = vm.pageProperty().get().width();
        vm.zoomIn();
        assertThat(vm.pageProperty().get().width()).isGreaterThan(width);
        for (int i = 0; i < 10; i++) {
            vm.zoomOut();
        }
        assertThat(vm.zoomProperty().get()).isEqualTo(ManagerViewModel.ZOOMS.getFirst());
        assertThat(vm.fitWidthProperty().get()).isFalse();

        // fit width: the page is drawn as wide as the preview says it is
        double pageWidth = vm.reportProperty().get().print().getPageWidth();
        vm.previewWidth(pageWidth * 1.4);
        assertThat(vm.zoomProperty().get()).isEqualTo(ManagerViewModel.ZOOMS.getFirst());
        vm.fitToWidth();
        assertThat(vm.zoomProperty().get()).isCloseTo(1.4, org.assertj.core.data.Offset.offset(0.001));
        assertThat(vm.pageProperty().get().width()).isCloseTo((int) (pageWidth * 1.4), org.assertj.core.data.Offset.offset(2));
    }

    @Test
    void printingWithoutAPrinterSavesAPdfAndSaysWhere() throws Exception {
        vm.print(printers -> {
            throw new AssertionError("no printer to choose from");
        });
        assertThat(vm.statusProperty().get()).isEqualTo(Message.of("manager.error.noReport"));
        vm.generate();
        vm.print(printers -> {
            throw new AssertionError("no printer to choose from");
        });
        Message status = vm.statusProperty().get();
        assertThat(status.key()).isEqualTo("manager.status.savedAsPdf");
        Path pdf = Path.of((String) status.args().getFirst());
        assertThat(pdf.getParent()).isEqualTo(printed);
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(new Localization(Locale.ENGLISH).text(status)).startsWith("This computer has no printer");
    }

    @Test
    void exportWritesTheFileAndLeavesNoPartialOne(@TempDir Path out) throws Exception {
        vm.generate();
        Path csv = out.resolve("log.csv");
        vm.export(ExportFormat.CSV, csv);
        assertThat(vm.statusProperty().get()).isEqualTo(Message.of("manager.status.exported", "CSV", csv.toString()));
        assertThat(Files.readString(csv)).contains("seller");
        assertThat(out.resolve("log.csv.part")).doesNotExist();
        vm.export(ExportFormat.PDF, out.resolve("missing-folder").resolve("log.pdf"));
        assertThat(vm.statusProperty().get().key()).isEqualTo("manager.error.file");
        assertThat(vm.failedProperty().get()).isTrue();
    }
}
