package dev.tessera.desktop.counter;

import dev.tessera.contract.sales.SaleResult;
import dev.tessera.desktop.ui.Feedback;
import dev.tessera.desktop.ui.Message;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A sale's tickets onto the customer's chip: the sale waits (AWAITING_CHIP) until they are written, and a pulled card
 * is tried again (Ctrl+T) with what the chip does not hold yet.
 */
public final class ChipWritingViewModel {
    private final CounterContext ctx;
    private final SalePipeline pipeline;
    private final Feedback feedback;
    private final ObjectProperty<SalePhase> phase;
    private final ReadOnlyStringWrapper chipId = new ReadOnlyStringWrapper();
    private SaleResult sale;

    ChipWritingViewModel(CounterContext ctx, SalePipeline pipeline, Feedback feedback, ObjectProperty<SalePhase> phase) {
        this.ctx = ctx;
        this.pipeline = pipeline;
        this.feedback = feedback;
        this.phase = phase;
    }

    /** The sale's tickets are for {@code chip}: the sale waits for it, and the clerk reads {@code hint}. */
    void await(SaleResult sold, String chip, Message hint) {
        sale = sold;
        chipId.set(chip);
        phase.set(SalePhase.AWAITING_CHIP);
        feedback.say(hint);
    }

    /** Ctrl+T, also the retry after a pulled card: writes what the chip does not hold yet. */
    public void writeToChip() {
        if (sale == null || chipId.get() == null || phase.get() != SalePhase.AWAITING_CHIP) {
            return;
        }
        SaleResult s = sale;
        String chip = chipId.get();
        feedback.say(Message.of("counter.chip.writing", s.tickets().size()));
        feedback.run(ctx.tasks(), () -> pipeline.issue(s, chip, ctx.reader().tap()), written -> {
            phase.set(SalePhase.DONE);
            feedback.say(Message.of("counter.chip.written", written.written() + written.alreadyThere(),
                    CounterFailures.shortChip(chip)));
        }, CounterFailures::describe);
    }

    void clear() {
        sale = null;
        chipId.set(null);
    }

    /** The chip the sale on screen writes to; null for a paper sale. */
    public ReadOnlyStringProperty chipIdProperty() {
        return chipId.getReadOnlyProperty();
    }
}
