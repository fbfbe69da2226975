package dev.tessera.desktop.aftersales;

import static dev.tessera.center.db.schema.Tables.TICKET;
import static dev.tessera.center.db.schema.Tables.TICKET_VOID;
import static dev.tessera.desktop.support.Fx.fx;
import static dev.tessera.desktop.support.Fx.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.core.seatmap.Category;
import dev.tessera.core.tax.TaxBreakdown;
import dev.tessera.core.tax.TaxRate;
import dev.tessera.contract.tax.CategoryRate;
import dev.tessera.contract.tax.SetTax;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.desktop.counter.SaleViewModel;
import dev.tessera.desktop.counter.Journal;
import dev.tessera.desktop.countertab.CounterWorkspace;
import dev.tessera.desktop.support.AppUnderTest;
import dev.tessera.desktop.support.ConfirmDialog;
import dev.tessera.desktop.support.Pdfs;
import dev.tessera.desktop.support.Screenshots;
import dev.tessera.core.model.Money;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Issue 17: after a refund the clerk previews (Ctrl+Shift+P) and prints (the Credit note button) the refund's credit
 * note from After-sales; the PDF, read back with pdftotext, is CN-{refund}, refers to the sale, bears the issuer's
 * registration number and the tax at the rate kept with the ticket at sale time (8 %, though the organizer has moved
 * the category to 10 % since), equal to what the database holds.
 */
class CreditNoteFlowTest {
    private static final String REGISTRATION = "T1234567890123";

    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest();
    private final FxRobot robot = ui.robot();

    @Test
    void aRefundsCreditNotePreviewsAndPrintsAtTheRateOfTheSale(@TempDir Path data) throws Exception {
        ui.start(data);
        ui.signIn("clerk", "clerk-demo");
        CounterWorkspace counter = ui.openCounter();
        SaleViewModel sale = counter.sale();
        AfterSalesViewModel after = counter.afterSales();
        EventInfo event = fx(() -> sale.eventProperty().get());
        waitFor(30, "the counter's seat map", () -> sale.seats().seatMapProperty().get() != null);
        Category category = fx(() -> sale.categories()).get(1);
        long price = event.pricesMinor().get(category.id());
        var connection = ui.app().shell().connection().orElseThrow();
        try (CenterClient api = new CenterClient(connection.baseUri())) {
            api.signIn("organizer", "organizer-demo").setEventTax(event.id(), new SetTax(null, null, REGISTRATION,
                    List.of(new CategoryRate(category.id(), 800))));
        }

        // two seats on paper at 8 %
        ui.holdBest(sale, category, 2);
        SaleResult sold = ui.sellToWalkIn(sale, "50000");
        String refunded = sold.tickets().getFirst().ticketId();
        // the organizer moves the category to 10 % after the sale: the credit note keeps the sale's 8 %
        try (CenterClient api = new CenterClient(connection.baseUri())) {
            api.signIn("organizer", "organizer-demo").setEventTax(event.id(), new SetTax(null, null, REGISTRATION,
                    List.of(new CategoryRate(category.id(), 1000))));
        }

        // no refund yet: the Credit note button says why it has nothing to print
        robot.clickOn(tabNamed("After-sales"));
        robot.clickOn("#afterSalesQuery").write(Long.toString(sold.saleId())).type(KeyCode.ENTER);
        waitFor(15, "the sale's tickets", () -> after.search().tickets().size() == 2);
        robot.clickOn("#afterSalesCreditNote");
        waitFor(5, "the reason", () -> ui.text("#afterSalesStatus").startsWith("Select a refunded ticket"));

        // refund the first ticket (confirmed with Enter)
        select(refunded);
        @SuppressWarnings("unchecked")
        ComboBox<Reason> reason = robot.lookup("#afterSalesReason").queryAs(ComboBox.class);
        fx(() -> {
            reason.setValue(Reason.CUSTOMER_REQUEST);
            return null;
        });
        robot.clickOn("#afterSalesNote").write("cannot attend");
        robot.clickOn("#afterSalesRefund");
        ConfirmDialog.answer(robot, KeyCode.ENTER);
        waitFor(20, "the refund", () -> ui.text("#afterSalesStatus").startsWith("Refunded 1 ticket"));
        assertThat(ui.text("#afterSalesStatus")).contains("Credit note: Ctrl+P prints it, Ctrl+Shift+P shows it.");

        DSLContext db = connection.embeddedCenter().orElseThrow().services().db().dsl();
        var refund = db.selectFrom(TICKET_VOID).where(TICKET_VOID.TICKET_ID.eq(refunded)).fetchOne();
        int storedRate = db.select(TICKET.TAX_RATE_BP).from(TICKET).where(TICKET.ID.eq(refunded)).fetchOne().value1();
        assertThat(storedRate).isEqualTo(800);
        assertThat(refund.getRefundMinor()).isEqualTo(price);
        String number = "CN-" + refund.getId();

        // Ctrl+Shift+P: the credit note of the last refund, on screen, printing nothing
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.P).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(30, "the preview", () -> robot.lookup("#previewDialog").tryQuery().isPresent());
        Screenshots.take(robot.lookup("#previewDialog").query().getScene(), "71-aftersales-credit-note-preview");
        robot.clickOn("#previewClose");
        waitFor(10, "the preview closed", () -> robot.lookup("#previewDialog").tryQuery().isEmpty());
        Path printouts = data.resolve("printouts");
        assertThat(creditNotes(printouts)).as("a preview prints nothing").isEmpty();

        // the Credit note button: printed (as PDF here, no printer), said on screen, journaled
        robot.clickOn("#afterSalesCreditNote");
        waitFor(30, "the credit note printed", () -> ui.text("#afterSalesStatus")
                .startsWith("Credit note " + number + " saved as PDF"));
        Screenshots.take(ui.scene(), "71-aftersales-credit-note-printed");
        List<Path> files = creditNotes(printouts);
        assertThat(files).singleElement().satisfies(f -> assertThat(f.getFileName().toString())
                .startsWith("credit-note-" + number + "-"));
        String text = Pdfs.text(files.getFirst());
        Pdfs.render(files.getFirst(), "71-aftersales-credit-note");
        long tax = TaxBreakdown.taxIn(refund.getRefundMinor(), new TaxRate(storedRate));
        assertThat(text).contains("Credit note (qualified return invoice)").contains("Credit note " + number)
                .contains("for receipt #" + sold.saleId()).contains("Registration no. " + REGISTRATION)
                .containsPattern("Paid back\\s+" + yen(refund.getRefundMinor()))
                .containsPattern("Tax at 8%\\s+" + yen(tax))
                .containsPattern("Net at 8%\\s+" + yen(refund.getRefundMinor() - tax))
                .doesNotContain("10%");
        assertThat(counter.journal().entries().stream().map(e -> Journal.read(e))
                .filter(e -> e.path("type").asText().equals("CREDIT_NOTE_PRINTED")))
                .singleElement().satisfies(e -> assertThat(e.path("creditNote").asText()).isEqualTo(number));
    }

    private static String yen(long minor) {
        return Pattern.quote(Money.format(minor, "JPY", Locale.ENGLISH));
    }

    private static List<Path> creditNotes(Path printouts) throws Exception {
        if (!Files.isDirectory(printouts)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(printouts)) {
            return files.filter(f -> f.getFileName().toString().startsWith("credit-note-")
                    && f.getFileName().toString().endsWith(".pdf")).toList();
        }
    }

    @SuppressWarnings("unchecked")
    private void select(String ticketId) throws Exception {
        ListView<TicketRow> table = robot.lookup("#afterSalesTickets").queryAs(ListView.class);
        fx(() -> {
            table.getSelectionModel().clearSelection();
            table.getItems().stream().filter(r -> r.ticketId().equals(ticketId)).findFirst()
                    .ifPresent(r -> table.getSelectionModel().select(r));
            return null;
        });
        robot.clickOn("#afterSalesNote");
    }

    private javafx.scene.Node tabNamed(String name) {
        return robot.lookup(".tab-label").match(n -> n instanceof Label l && name.equals(l.getText())).query();
    }
}
