package dev.tessera.desktop.counter;

import static dev.tessera.desktop.support.Fx.fx;
import static dev.tessera.desktop.support.Fx.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.core.seatmap.Category;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.desktop.countertab.CounterWorkspace;
import dev.tessera.desktop.settings.SettingsStore;
import dev.tessera.desktop.settings.TerminalSettings;
import dev.tessera.desktop.support.AppUnderTest;
import dev.tessera.desktop.support.Pdfs;
import dev.tessera.desktop.support.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Claim 20 as a counter expects it: with "print at once" off (Settings), a paid paper sale waits for Print; Preview shows
 * the tickets and the receipt as they will print and prints from there; the paper comes out once (reprints are
 * After-sales', with a reason).
 */
class PaperPrintFlowTest {
    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest();
    private final FxRobot robot = ui.robot();

    @Test
    void aPaperSaleWaitsForPrintPreviewShowsItsPagesAndItPrintsOnce(@TempDir Path data) throws Exception {
        // PDF files only, whatever printers this machine has; nothing printed until the clerk asks
        new SettingsStore(data).save(TerminalSettings.DEFAULTS.withPaper(
                new TerminalSettings.PaperChoice(Optional.empty(), true, false)));
        ui.start(data);
        ui.signIn("clerk", "clerk-demo");
        CounterWorkspace counter = ui.openCounter();
        SaleViewModel sale = counter.sale();
        waitFor(30, "the counter's seat map", () -> sale.seats().seatMapProperty().get() != null);
        Category category = fx(() -> sale.categories()).get(1);
        ui.holdBest(sale, category, 2);
        SaleResult sold = ui.sellToWalkIn(sale, "50000");
        Path printouts = data.resolve("printouts");

        assertThat(ui.text("#saleStatus")).startsWith("Sold on paper. Print the tickets and the receipt (Ctrl+P)");
        assertThat(robot.lookup("#salePrint").query().isVisible()).isTrue();
        assertThat(robot.lookup("#salePrint").query().isDisabled()).isFalse();
        assertThat(printed(printouts)).as("nothing printed before Print").isEmpty();

        // Preview: two tickets and the receipt, drawn as they will print; Esc closes it and prints nothing
        robot.clickOn("#salePreview");
        waitFor(30, "the preview", () -> robot.lookup("#previewDialog").tryQuery().isPresent());
        ScrollPane pages = robot.lookup("#previewPages").queryAs(ScrollPane.class);
        List<Node> sheets = ((Pane) pages.getContent()).getChildrenUnmodifiable();
        assertThat(sheets).hasSize(3);
        ImageView first = (ImageView) ((Pane) sheets.getFirst()).getChildrenUnmodifiable().getFirst();
        assertThat(first.getImage().getHeight()).as("an 80 mm ticket is taller than wide")
                .isGreaterThan(first.getImage().getWidth());
        Screenshots.take(robot.lookup("#previewDialog").query().getScene(), "12-counter-paper-preview");
        // Esc is Close and Enter is Print (the dialog's cancel and default buttons); clicked here, as key routing to a
        // dialog under a loaded headless robot is not what this test is about
        javafx.scene.control.Button close = robot.lookup("#previewClose").queryAs(javafx.scene.control.Button.class);
        javafx.scene.control.Button print = robot.lookup("#previewAction").queryAs(javafx.scene.control.Button.class);
        assertThat(fx(close::isCancelButton)).isTrue();
        assertThat(fx(print::isDefaultButton)).isTrue();
        robot.clickOn("#previewClose");
        waitFor(10, "the preview closed", () -> robot.lookup("#previewDialog").tryQuery().isEmpty());
        assertThat(printed(printouts)).as("a preview prints nothing").isEmpty();

        // Preview again, and Print from it (Enter): the tickets and the receipt as PDF files, said on screen
        robot.clickOn("#salePreview");
        waitFor(30, "the preview", () -> robot.lookup("#previewAction").tryQuery().isPresent());
        robot.clickOn("#previewAction");
        waitFor(30, "the paper printed", () -> ui.text("#saleStatus").contains("as PDF (no printer)"));
        assertThat(robot.lookup("#salePrint").query().isDisabled()).as("printed once").isTrue();
        List<Path> files = printed(printouts);
        assertThat(files).hasSize(2);
        Path tickets = files.stream().filter(f -> f.getFileName().toString().startsWith("tickets-sale-" + sold.saleId()))
                .findFirst().orElseThrow();
        String text = Pdfs.text(tickets);
        for (var t : sold.tickets()) {
            assertThat(text).contains(t.ticketId());
        }
        Path receipt = files.stream().filter(f -> f.getFileName().toString().startsWith("receipt-sale-" + sold.saleId()))
                .findFirst().orElseThrow();
        // issue 17: the demo event is a yen event, so the receipt is a qualified invoice with its 10 % tax taken once
        long tax = dev.tessera.core.tax.TaxBreakdown.taxIn(sold.totalMinor(), new dev.tessera.core.tax.TaxRate(1000));
        assertThat(Pdfs.text(receipt)).contains("#" + sold.saleId()).contains("Receipt (qualified invoice)")
                .containsPattern("Tax at 10%\\s+JPY " + String.format(java.util.Locale.ENGLISH, "%,d", tax));
        assertThat(ui.text("#saleStatus")).contains(tickets.toString());

        // Ctrl+P once more prints nothing: a second copy is a reprint with a reason in After-sales
        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.P).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(30, "the preview, without Print", () -> robot.lookup("#previewDialog").tryQuery().isPresent());
        assertThat(robot.lookup("#previewAction").tryQuery()).as("no Print once printed").isEmpty();
        robot.clickOn("#previewClose");
        waitFor(10, "the preview closed", () -> robot.lookup("#previewDialog").tryQuery().isEmpty());
        assertThat(printed(printouts)).hasSize(2);
        Screenshots.take(ui.scene(), "12-counter-paper-printed");
    }

    private static List<Path> printed(Path printouts) throws Exception {
        if (!Files.isDirectory(printouts)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(printouts)) {
            return files.filter(f -> f.toString().endsWith(".pdf")).sorted().toList();
        }
    }
}
