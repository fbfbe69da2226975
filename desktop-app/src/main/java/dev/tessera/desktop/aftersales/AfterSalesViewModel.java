package dev.tessera.desktop.aftersales;

import dev.tessera.desktop.ui.Feedback;
import dev.tessera.desktop.counter.CounterContext;
import dev.tessera.desktop.counter.CounterFailures;
import dev.tessera.desktop.counter.SaleViewModel;
import dev.tessera.desktop.counter.SalePaper;
import dev.tessera.desktop.ui.Message;
import dev.tessera.reports.ReportException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After-sales at the counter (issue 5), one view model per flow on one status line: find the sale
 * ({@link TicketSearchViewModel}), refund or void with a reason and print credit notes ({@link RefundViewModel}),
 * exchange tickets for seats held on the counter's map in one step at the center ({@link ExchangeViewModel}), reprint a
 * paper ticket, optionally reissued ({@link ReprintViewModel}). Every step is journaled before the center is asked, and
 * once more with the outcome. Paper sales print their tickets and receipt through {@link #salePaper()}. Shown by
 * {@link AfterSalesView}.
 */
public final class AfterSalesViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(AfterSalesViewModel.class);

    private final Feedback feedback = new Feedback(Message.of("aftersales.hint"));
    private final SettlementForm form;
    private final TicketSearchViewModel search;
    private final RefundViewModel refund;
    private final ExchangeViewModel exchange;
    private final ReprintViewModel reprint;
    private final SalePaperPrinter salePaper;

    public AfterSalesViewModel(CounterContext ctx, SaleViewModel counter, PaperDesk paper) {
        EventPapers papers = new EventPapers(ctx.session());
        this.form = new SettlementForm(ctx, feedback);
        this.search = new TicketSearchViewModel(ctx, counter, papers, feedback);
        this.salePaper = new SalePaperPrinter(ctx, paper, papers);
        this.refund = new RefundViewModel(ctx, search, form, paper, papers, feedback);
        this.exchange = new ExchangeViewModel(ctx, counter, search, form, salePaper, feedback);
        this.reprint = new ReprintViewModel(ctx, search, form, paper, papers, feedback);
    }

    static Message describe(Exception failure) {
        if (failure instanceof ReportException e) {
            LOG.warn("printing failed", e);
            return Message.of("aftersales.printFailed", e.getMessage());
        }
        return CounterFailures.describe(failure);
    }

    public TicketSearchViewModel search() {
        return search;
    }

    public RefundViewModel refund() {
        return refund;
    }

    public ExchangeViewModel exchange() {
        return exchange;
    }

    public ReprintViewModel reprint() {
        return reprint;
    }

    /** The counter's Print and Preview for the paper sale on screen. */
    public SalePaper salePaper() {
        return salePaper;
    }

    public ObjectProperty<Reason> reasonProperty() {
        return form.reasonProperty();
    }

    public StringProperty noteProperty() {
        return form.noteProperty();
    }

    public ObjectProperty<String> settleMethodProperty() {
        return form.settleMethodProperty();
    }

    public StringProperty tenderedProperty() {
        return form.tenderedProperty();
    }

    public StringProperty referenceProperty() {
        return form.referenceProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return feedback.busyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return feedback.failedProperty();
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return feedback.messageProperty();
    }
}
