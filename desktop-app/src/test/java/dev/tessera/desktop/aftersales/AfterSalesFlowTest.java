package dev.tessera.desktop.aftersales;

import static dev.tessera.desktop.support.Fx.fx;
import static dev.tessera.desktop.support.Fx.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.contract.aftersales.AdjustmentKind;
import dev.tessera.contract.aftersales.TicketStatus;
import dev.tessera.contract.sales.PaymentMethod;
import dev.tessera.core.model.CustomerAuth;
import dev.tessera.core.model.LedgerEntry;
import dev.tessera.core.seatmap.Category;
import dev.tessera.contract.aftersales.Adjustment;
import dev.tessera.contract.aftersales.SaleView;
import dev.tessera.contract.aftersales.TicketView;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.core.model.Hold;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.sales.ConfirmSale;
import dev.tessera.contract.sales.Customer;
import dev.tessera.contract.sales.Payment;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.desktop.counter.SaleViewModel;
import dev.tessera.desktop.counter.Journal;
import dev.tessera.desktop.counter.SalePhase;
import dev.tessera.desktop.countertab.CounterWorkspace;
import dev.tessera.desktop.support.AppUnderTest;
import dev.tessera.desktop.support.ConfirmDialog;
import dev.tessera.desktop.support.Pdfs;
import dev.tessera.desktop.support.Screenshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * After-sales at the counter, headless, against the real app with its embedded center on an H2 file:
 * two seats sold on paper, one reprinted, one refunded, the other exchanged for a dearer seat; the
 * PDFs, the center, the journal and the audit list are checked.
 */
class AfterSalesFlowTest {
    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest();
    private final FxRobot robot = ui.robot();

    @Test
    void clerkSellsOnPaperThenReprintsRefundsAndExchangesWithReasons(@TempDir Path data) throws Exception {
        CounterWorkspace counter = signInAtTheCounter(data);
        SaleViewModel sale = counter.sale();
        AfterSalesViewModel after = counter.afterSales();
        EventInfo tempest = fx(() -> sale.eventProperty().get());
        waitFor(30, "the counter's seat map", () -> sale.seats().seatMapProperty().get() != null);
        List<Category> categories = fx(() -> sale.categories());
        Category cheaper = categories.get(1);
        Category dearer = categories.get(0);
        assertThat(tempest.pricesMinor().get(dearer.id())).isGreaterThan(tempest.pricesMinor().get(cheaper.id()));

        // a walk-in without a chip: two seats on paper, tickets and receipt as PDFs (no printer here)
        ui.holdBest(sale, cheaper, 2);
        robot.clickOn("#customerWalkIn");
        // issue 17: the customer leaves a name, an e-mail address and a phone number; a malformed address stops the sale
        robot.clickOn("#contactName").write("Aiko Tanaka");
        robot.clickOn("#contactEmail").write("aiko.tanaka@example");
        robot.clickOn("#contactPhone").write("090-2468-1357");
        robot.clickOn("#tendered").write("50000");
        waitFor(5, "the e-mail's problem under the fields", () -> ui.text("#contactProblem").contains("is not an e-mail address"));
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitFor(5, "the sale refused", () -> ui.text("#saleStatus").startsWith("\"aiko.tanaka@example\" is not an e-mail address"));
        assertThat(fx(() -> sale.phaseProperty().get())).isEqualTo(SalePhase.HELD);
        Screenshots.take(ui.scene(), "70-aftersales-contact-refused");
        robot.clickOn("#contactEmail").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write("Aiko.Tanaka@example.jp");
        waitFor(5, "the problem gone", () -> ui.text("#contactProblem").isEmpty());
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitFor(30, "the paper printed", () -> ui.text("#saleStatus").contains("as PDF (no printer)"));
        SaleResult sold = sale.lastSale().orElseThrow();
        assertThat(sold.tickets()).hasSize(2).allSatisfy(t -> assertThat(t.holderChipId()).isNullOrEmpty());
        Path printouts = data.resolve("printouts");
        String paper = Pdfs.text(only(printouts, "tickets-sale-" + sold.saleId()));
        assertThat(paper).contains("The Tempest").contains(cheaper.name()).doesNotContain("REPRINT");
        for (var t : sold.tickets()) {
            assertThat(paper).contains(t.ticketId());
        }
        assertThat(Pdfs.text(only(printouts, "receipt-sale-" + sold.saleId()))).contains("#" + sold.saleId());
        Screenshots.take(ui.scene(), "70-aftersales-paper-sale");

        // After-sales: the sale by its number
        robot.clickOn(tabNamed("After-sales"));
        robot.clickOn("#afterSalesQuery").write(Long.toString(sold.saleId())).type(KeyCode.ENTER);
        waitFor(15, "the sale's tickets", () -> after.search().tickets().size() == 2);
        assertThat(ui.text("#afterSalesStatus")).startsWith("Sales found: 1, tickets: 2");
        Screenshots.take(ui.scene(), "70-aftersales-lookup");

        // Ctrl+F from the Sale tab: the search, its text selected; the same sale by a seat in words ("A 11")
        TicketRow firstRow = row(after, sold.tickets().get(0).ticketId());
        robot.clickOn(tabNamed("Sale"));
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        waitFor(5, "the search focused", () -> robot.lookup("#afterSalesQuery").query().isFocused());
        robot.write(firstRow.row() + " " + firstRow.seat()).type(KeyCode.ENTER);
        try {
            waitFor(15, "the sale found by its seat", () -> ui.text("#afterSalesStatus").startsWith("Sales found: 1, tickets: 2")
                    && after.search().tickets().stream().allMatch(r -> r.saleId() == sold.saleId()));
        } catch (AssertionError e) {
            Screenshots.take(ui.scene(), "70-aftersales-find-by-seat-failed");
            throw new AssertionError(e.getMessage() + "; typed '" + firstRow.row() + " " + firstRow.seat() + "', the field holds '"
                    + fx(() -> robot.lookup("#afterSalesQuery").queryAs(javafx.scene.control.TextField.class).getText()) + "', the status says: " + ui.text("#afterSalesStatus"), e);
        }

        // a member's sale by part of her name (sold through the center as a member who signs in with her password)
        try (CenterClient api = new CenterClient(ui.app().shell().connection().orElseThrow().baseUri())) {
            CenterSession clerk = api.signIn("clerk", "clerk-demo");
            Hold hold = clerk.holdBestAvailable(tempest.id(), 1, cheaper.id());
            clerk.confirmSale(new ConfirmSale(hold.id(), new Customer(CustomerAuth.MEMBER_PASSWORD, "member", "member-demo", null),
                    new Payment(PaymentMethod.CASH, null, null), List.of()));
        }
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        robot.write("sato").type(KeyCode.ENTER);
        waitFor(15, "the member's sale found by her name", () -> after.search().tickets().size() == 1
                && "Hana Sato".equals(after.search().tickets().getFirst().customerName()));
        assertThat(ui.text("#afterSalesStatus")).startsWith("Sales found: 1, tickets: 1");
        Screenshots.take(ui.scene(), "70-aftersales-find-by-name");
        // the paper sale by the customer's e-mail address in other letters, then by her phone written the +81 way
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        robot.write("aiko.tanaka@EXAMPLE.jp").type(KeyCode.ENTER);
        waitFor(15, "the paper sale by e-mail", () -> after.search().tickets().size() == 2
                && after.search().tickets().stream().allMatch(r -> r.saleId() == sold.saleId()));
        assertThat(after.search().tickets().getFirst().customerWords()).isEqualTo("Aiko Tanaka · Aiko.Tanaka@example.jp · 090-2468-1357");
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        robot.write("zzqx").type(KeyCode.ENTER);
        waitFor(15, "a search that finds no sale", () -> ui.text("#afterSalesStatus").startsWith("No sale of yours matches"));
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        robot.write("+81 90 2468 1357").type(KeyCode.ENTER);
        waitFor(15, "the paper sale by phone", () -> after.search().tickets().size() == 2
                && after.search().tickets().stream().allMatch(r -> r.saleId() == sold.saleId()));
        assertThat(ui.text("#afterSalesStatus")).startsWith("Sales found: 1, tickets: 2");
        Screenshots.take(ui.scene(), "70-aftersales-find-by-phone");

        // reprint the first with a reason: REPRINT 1 on the paper, the old paper still valid
        String first = sold.tickets().get(0).ticketId();
        String second = sold.tickets().get(1).ticketId();
        select(first);
        reason(Reason.PRINTER_FAULT, "ink smudged");
        robot.clickOn("#afterSalesReprint");
        waitFor(20, "the reprint", () -> ui.text("#afterSalesStatus").contains("REPRINT 1"));
        Path reprintPdf = only(printouts, "reprint-1-" + first.substring(0, 8));
        String reprint = Pdfs.text(reprintPdf);
        Pdfs.render(reprintPdf, "70-aftersales-reprint-ticket");
        assertThat(reprint).contains("REPRINT 1").contains("The Tempest").contains(first);
        waitFor(10, "the reprint counted in the list", () -> row(after, first).ticket().reprints() == 1);
        Screenshots.take(ui.scene(), "70-aftersales-reprint");

        try (CenterClient other = new CenterClient(ui.app().shell().connection().orElseThrow().baseUri())) {
            CenterSession clerk = other.signIn("clerk", "clerk-demo");

            // refund the first: the ticket is void, the money back, the seat for sale again
            select(first);
            reason(Reason.CUSTOMER_REQUEST, "cannot attend");
            robot.clickOn("#afterSalesRefund");
            // the refund asks first, with the amount, the method and the seat; Esc cancels and nothing happens
            String question = ConfirmDialog.answer(robot, KeyCode.ESCAPE);
            assertThat(question).startsWith("Refund ¥").contains("for 1 ticket(s)?").contains("A refund cannot be undone.");
            assertThat(ticket(clerk, first).status()).isEqualTo(TicketStatus.VALID);
            robot.clickOn("#afterSalesRefund");
            ConfirmDialog.answer(robot, KeyCode.ENTER);
            waitFor(20, "the refund", () -> ui.text("#afterSalesStatus").startsWith("Refunded 1 ticket"));
            assertThat(ticket(clerk, first).status()).isEqualTo(TicketStatus.VOID);
            String firstSeat = sold.tickets().get(0).seatId();
            assertThat(clerk.seats(tempest.id()).seats().get("FREE")).contains(firstSeat);
            Screenshots.take(ui.scene(), "70-aftersales-refund");

            // exchange the second for a seat in the dearer category: the difference is shown and paid
            robot.press(KeyCode.ESCAPE);
            waitFor(5, "a fresh sale", () -> sale.phaseProperty().get() == SalePhase.PICKING);
            ui.holdBest(sale, dearer, 1);
            select(second);
            long difference = tempest.pricesMinor().get(dearer.id()) - tempest.pricesMinor().get(cheaper.id());
            waitFor(5, "the difference shown", () -> ui.text("#exchangeSummary").contains("The customer pays"));
            reason(Reason.SEAT_PROBLEM, "wants a better view");
            Screenshots.take(ui.scene(), "70-aftersales-exchange-preview");
            robot.clickOn("#afterSalesExchange");
            waitFor(30, "the exchange on paper", () -> ui.text("#afterSalesStatus").startsWith("Exchanged. The customer paid"));
            assertThat(ui.text("#afterSalesStatus")).contains("as PDF (no printer)");
            Screenshots.take(ui.scene(), "70-aftersales-exchange");
            assertThat(ticket(clerk, second).status()).isEqualTo(TicketStatus.VOID);
            List<SaleView> found = clerk.findSales("ticketId", second);
            List<Adjustment> log = clerk.afterSalesLog(tempest.id());
            Adjustment exchanged = log.stream().filter(a -> a.kind() == AdjustmentKind.EXCHANGE).findFirst().orElseThrow();
            assertThat(exchanged.ticketId()).isEqualTo(second);
            assertThat(exchanged.amountMinor()).isEqualTo(difference);
            SaleView newSale = clerk.findSales("saleId", Long.toString(exchanged.newSaleId())).getFirst();
            assertThat(newSale.tickets()).singleElement().satisfies(t -> {
                assertThat(t.categoryId()).isEqualTo(dearer.id());
                assertThat(t.status()).isEqualTo(TicketStatus.VALID);
            });
            assertThat(found.getFirst().saleId()).isEqualTo(sold.saleId());
            assertThat(clerk.salesLog(tempest.id()).lines()).anySatisfy(l ->
                    assertThat(l.ticketId()).isEqualTo(newSale.tickets().getFirst().ticketId()));
            assertThat(only(printouts, "tickets-sale-" + newSale.saleId())).exists();

            // the center's audit list has every reason; the journal has every step, intent first
            assertThat(log).extracting(a -> a.kind() + " " + a.reason()).contains(
                    "REPRINT Printer fault: ink smudged", "REFUND Customer request: cannot attend",
                    "EXCHANGE Seat problem: wants a better view");
            assertThat(log).filteredOn(a -> a.kind() == AdjustmentKind.REFUND).singleElement()
                    .satisfies(a -> assertThat(a.amountMinor()).isEqualTo(tempest.pricesMinor().get(cheaper.id())));
            List<String> types = counter.journal().entries().stream().map(e -> Journal.read(e).path("type").asText()).toList();
            assertThat(types).containsSubsequence("SALE_STARTED", "SALE", "PAPER_ISSUE", "PAPER_PRINTED",
                    "REPRINT_STARTED", "REPRINT", "REFUND_STARTED", "REFUND", "EXCHANGE_STARTED", "EXCHANGE");
            String terminal = counter.journal().terminalId();
            waitFor(20, "every entry at the center",
                    () -> ui.app().shell().ledgerStore().orElseThrow().pendingCount(terminal) == 0);
            List<LedgerEntry> journal = counter.journal().entries();
            assertThat(clerk.terminal(terminal).lastSequence()).isEqualTo(journal.getLast().sequence());
        }

        robot.clickOn("#languageJapanese");
        waitFor(5, "Japanese texts", () -> ui.text("#afterSalesStatus").startsWith("交換しました"));
        Screenshots.take(ui.scene(), "70-aftersales-ja");
    }

    @SuppressWarnings("unchecked")
    private void select(String ticketId) throws Exception {
        ListView<TicketRow> table = robot.lookup("#afterSalesTickets").queryAs(ListView.class);
        fx(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(row(table.getItems(), ticketId));
            return null;
        });
        robot.clickOn("#afterSalesNote");
    }

    @SuppressWarnings("unchecked")
    private void reason(Reason reason, String note) throws Exception {
        ComboBox<Reason> box = robot.lookup("#afterSalesReason").queryAs(ComboBox.class);
        fx(() -> {
            box.setValue(reason);
            return null;
        });
        robot.clickOn("#afterSalesNote").write(note);
    }

    private static TicketRow row(AfterSalesViewModel vm, String ticketId) {
        return row(vm.search().tickets(), ticketId);
    }

    private static TicketRow row(List<TicketRow> rows, String ticketId) {
        return rows.stream().filter(r -> r.ticketId().equals(ticketId)).findFirst().orElseThrow();
    }

    private static TicketView ticket(CenterSession clerk, String ticketId) {
        return clerk.findSales("ticketId", ticketId).getFirst().tickets().stream()
                .filter(t -> t.ticketId().equals(ticketId)).findFirst().orElseThrow();
    }

    private static Path only(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(prefix + "-")
                    && f.getFileName().toString().endsWith(".pdf")).toList();
            assertThat(found).as("PDFs named " + prefix + " in " + dir).hasSize(1);
            return found.getFirst();
        }
    }



    private CounterWorkspace signInAtTheCounter(Path data) throws Exception {
        ui.start(data);
        ui.signIn("clerk", "clerk-demo");
        return ui.openCounter();
    }

    private javafx.scene.Node tabNamed(String name) {
        return robot.lookup(".tab-label").match(n -> n instanceof Label l && name.equals(l.getText())).query();
    }
}
