package dev.tessera.desktop.counter;

import dev.tessera.contract.sales.SaleResult;
import dev.tessera.desktop.ui.Feedback;
import dev.tessera.desktop.ui.Message;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Claim 20: a sale without a chip goes onto paper (tickets and receipt), printed once: at once (Settings) or with
 * Print; Preview shows the pages first. Printing it again is a reprint, with a reason, in After-sales.
 */
public final class PaperSaleViewModel {
    private final CounterContext ctx;
    private final Feedback feedback;
    private final ReadOnlyBooleanWrapper paperSale = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper paperPrinted = new ReadOnlyBooleanWrapper();
    private SalePaper paper;
    private BooleanSupplier printAtOnce = () -> true;
    private SaleResult shown;
    /** The cash the customer handed over for the sale on screen, for its receipt. */
    private Long tendered;

    PaperSaleViewModel(CounterContext ctx, Feedback feedback) {
        this.ctx = ctx;
        this.feedback = feedback;
    }

    /** How a sale without a chip goes onto paper, and whether a paid paper sale prints at once or waits for Print. */
    void printWith(SalePaper output, BooleanSupplier atOnce) {
        this.paper = output;
        this.printAtOnce = atOnce;
    }

    /** The sale on screen goes onto paper; it prints now when Settings say so. */
    void sold(SaleResult sale, Long tenderedMinor) {
        shown = sale;
        tendered = tenderedMinor;
        paperSale.set(true);
        paperPrinted.set(false);
        feedback.say(Message.of("counter.sale.donePaper"));
        if (printAtOnce.getAsBoolean()) {
            printPaper();
        }
    }

    /**
     * Print (Ctrl+P): the paper sale on screen, once. Printing it again is a reprint, with a reason, in After-sales,
     * so a second valid copy never leaves the counter unrecorded. A printer that fails leaves Print enabled.
     */
    public void printPaper() {
        SaleResult sale = shown;
        if (paper == null || sale == null || !paperSale.get() || paperPrinted.get() || feedback.busyProperty().get()) {
            return;
        }
        Long tenderedMinor = tendered;
        feedback.run(ctx.tasks(), () -> paper.print(sale, tenderedMinor), done -> {
            paperPrinted.set(true);
            feedback.say(done);
        }, CounterFailures::describe);
    }

    /** Preview: the tickets and the receipt as they will print, in a window with Print (until they have printed). */
    public void previewPaper() {
        SaleResult sale = shown;
        if (paper == null || sale == null || !paperSale.get() || feedback.busyProperty().get()) {
            return;
        }
        Long tenderedMinor = tendered;
        feedback.run(ctx.tasks(), () -> paper.pages(sale, tenderedMinor), pages -> {
            boolean printNow = ctx.dialogs().preview(Message.of("counter.paper.previewTitle", sale.saleId(), pages.size()),
                    pages, paperPrinted.get() ? null : Message.of("counter.paper.print"));
            if (printNow && sale == shown) {
                printPaper();
            }
        }, CounterFailures::describe);
    }

    void clear() {
        shown = null;
        tendered = null;
        paperSale.set(false);
        paperPrinted.set(false);
    }

    public ReadOnlyBooleanProperty paperSaleProperty() {
        return paperSale.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty paperPrintedProperty() {
        return paperPrinted.getReadOnlyProperty();
    }
}
