package dev.tessera.desktop.shift;

import dev.tessera.desktop.ui.Feedback;
import dev.tessera.client.CenterProblemException;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.client.CenterUnreachableException;
import dev.tessera.contract.shift.CloseShift;
import dev.tessera.contract.shift.OpenShift;
import dev.tessera.contract.shift.Shift;
import dev.tessera.core.model.Money;
import dev.tessera.desktop.ui.DialogService;
import dev.tessera.desktop.ui.ErrorMessages;
import dev.tessera.desktop.ui.Message;
import dev.tessera.desktop.ui.TaskExecutor;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.LongBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The clerk's shift at this terminal (issue 5): count the float and open; while open, the expected
 * cash in the drawer; count the drawer and close, with a note when it is over or short; then the
 * settlement, saved as PDF. The center keeps the shift; this terminal journals when it opened and
 * closed, so offline sales made in between are attributed to it when they sync.
 */
public final class ShiftViewModel {
    public enum State { LOADING, NONE, OPEN, CLOSED }

    /** The journal entries that bracket a shift at this terminal (the center reads them, ShiftService). */
    static final String JOURNAL_OPENED = "SHIFT_OPENED";
    static final String JOURNAL_CLOSED = "SHIFT_CLOSED";

    private final CenterSession session;
    private final ShiftTerminal terminal;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final SettlementWriter settlement;
    private final ObservableValue<String> saleCurrency;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyObjectWrapper<Shift> shift = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper currency = new ReadOnlyStringWrapper("JPY");
    private final CashCount floatCount = new CashCount();
    private final CashCount closingCount = new CashCount();
    private final StringProperty note = new SimpleStringProperty("");
    private final Feedback feedback = new Feedback();
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper();
    private final LongBinding expectedCash;
    private final LongBinding difference;
    private boolean refreshing;

    /** {@code saleCurrency}: the currency of the event on sale, for the float of a new shift. */
    public ShiftViewModel(CenterSession session, ShiftTerminal terminal, TaskExecutor tasks, DialogService dialogs,
                          SettlementWriter settlement, ObservableValue<String> saleCurrency) {
        this.session = session;
        this.dialogs = dialogs;
        this.terminal = terminal;
        this.tasks = tasks;
        this.settlement = settlement;
        this.saleCurrency = saleCurrency;
        expectedCash = Bindings.createLongBinding(() -> shift.get() == null || shift.get().totals() == null ? 0
                : shift.get().totals().expectedCashMinor(), shift);
        difference = Bindings.createLongBinding(() -> closingCount.totalMinorProperty().get() - expectedCash.get(),
                closingCount.totalMinorProperty(), expectedCash);
        saleCurrency.addListener((obs, old, now) -> {
            if (state.get() == State.NONE && now != null && !now.equals(currency.get())) {
                prepareFloat(now);
            }
        });
    }

    /** Asks the center whether this seller has a shift open. */
    public void load() {
        state.set(State.LOADING);
        run(() -> {
            var open = session.openShiftOfMine();
            // a crash between the center's answer and the journal: the entry that attributes offline sales
            open.filter(s -> s.terminalId().equals(terminal.terminalId())
                    && !terminal.journaled(JOURNAL_OPENED, s.id())).ifPresent(this::journalOpened);
            return open;
        }, open -> open.ifPresentOrElse(this::opened, this::none));
    }

    private void none() {
        shift.set(null);
        state.set(State.NONE);
        feedback.say(Message.of("shift.hint.count"));
        String c = saleCurrency.getValue();
        prepareFloat(c == null ? currency.get() : c);
    }

    private void prepareFloat(String code) {
        run(() -> session.denominations(code), d -> {
            currency.set(d.currency());
            floatCount.reset(d.denominations());
        });
    }

    /** Opens the shift with the float counted; the terminal journals it. */
    public void open() {
        if (state.get() != State.NONE || feedback.isBusy()) {
            return;
        }
        if (!floatCount.validProperty().get()) {
            fail(Message.of("shift.count.invalid"));
            return;
        }
        OpenShift request = new OpenShift(terminal.terminalId(), currency.get(), floatCount.counts());
        run(() -> {
            Shift opened = session.openShift(request);
            journalOpened(opened);
            return opened;
        }, opened -> {
            opened(opened);
            feedback.say(Message.of("shift.opened", opened.id()));
        });
    }

    private void journalOpened(Shift opened) {
        terminal.journal(Map.of("type", JOURNAL_OPENED, "shiftId", opened.id(), "currency", opened.currency(),
                "floatMinor", opened.floatMinor()));
    }

    private void opened(Shift open) {
        shift.set(open);
        currency.set(open.currency());
        state.set(State.OPEN);
        stale.set(false);
        feedback.say(Message.of("shift.hint.open"));
        run(() -> session.denominations(open.currency()), d -> closingCount.reset(d.denominations()));
    }

    /** Fetches the shift's totals again (after a sale or a refund); offline, the last figures stay, marked. */
    public void refresh() {
        Shift current = shift.get();
        if (state.get() != State.OPEN || current == null || refreshing) {
            return;
        }
        refreshing = true;
        tasks.execute(() -> session.shift(current.id()), fresh -> {
            refreshing = false;
            stale.set(false);
            if (state.get() == State.OPEN) {
                shift.set(fresh);
            }
        }, failure -> {
            refreshing = false;
            stale.set(failure instanceof CenterUnreachableException);
        });
    }

    /**
     * Closes the shift with the drawer counted. The journal goes to the center first, so every
     * offline sale of the shift is in the totals the close compares the count with.
     */
    public void close() {
        Shift current = shift.get();
        if (state.get() != State.OPEN || current == null || feedback.isBusy()) {
            return;
        }
        if (!closingCount.validProperty().get()) {
            fail(Message.of("shift.count.invalid"));
            return;
        }
        String text = note.get() == null ? "" : note.get().trim();
        if (difference.get() != 0 && text.isEmpty()) {
            fail(Message.of("shift.close.needNote"));
            return;
        }
        long counted = closingCount.totalMinorProperty().get();
        long off = difference.get();
        String cur = currency.get();
        Message differenceText = off == 0 ? Message.of("shift.confirm.even")
                : Message.of(off > 0 ? "shift.difference.over" : "shift.difference.short", new Money(Math.abs(off), cur));
        if (!dialogs.confirm(Message.of("shift.confirm.question", current.id()),
                Message.of("shift.confirm.consequence", new Money(counted, cur), new Money(expectedCash.get(), cur),
                        differenceText), Message.of("shift.close"))) {
            return;
        }
        CloseShift request = new CloseShift(closingCount.counts(), text.isEmpty() ? null : text);
        run(() -> {
            int pending = terminal.pushJournal();
            if (pending > 0) {
                throw new JournalNotSynced(pending);
            }
            Shift closed = session.closeShift(current.id(), request);
            terminal.journal(Map.of("type", JOURNAL_CLOSED, "shiftId", closed.id(),
                    "countedMinor", closed.countedCashMinor(), "expectedMinor", closed.expectedCashMinor()));
            return closed;
        }, closed -> {
            shift.set(closed);
            state.set(State.CLOSED);
            note.set("");
            feedback.say(Message.of(closed.differenceMinor() == 0 ? "shift.closed.even" : "shift.closed.difference",
                    closed.id()));
        });
    }

    /** Writes the closed shift's settlement as a PDF to {@code file}. */
    public void saveSettlement(Path file) {
        Shift closed = shift.get();
        if (closed == null || file == null) {
            return;
        }
        run(() -> {
            settlement.write(closed, file);
            return file;
        }, saved -> feedback.say(Message.of("shift.settlement.saved", saved.toString())));
    }

    /** After a close: back to counting the float of the next shift. */
    public void startNext() {
        if (state.get() == State.CLOSED) {
            closingCount.clear();
            floatCount.clear();
            none();
        }
    }

    private void fail(Message reason) {
        feedback.fail(reason);
    }

    private <T> void run(Callable<T> work, Consumer<T> done) {
        feedback.run(tasks, work, done, ShiftViewModel::describe, failure -> {
            if (state.get() == State.LOADING) {
                state.set(State.NONE);
            }
        });
    }

    static Message describe(Exception failure) {
        return switch (failure) {
            case JournalNotSynced e -> Message.of("shift.close.journalPending", e.pending);
            case CenterUnreachableException e -> Message.of("shift.error.offline");
            case CenterProblemException e when e.type().endsWith("shift-closed") -> Message.of("shift.error.closed");
            case CenterProblemException e when e.type().endsWith("shift-open") -> Message.of("shift.error.alreadyOpen");
            case SettlementWriter.Failure e -> Message.of("shift.settlement.failed", e.getMessage());
            default -> ErrorMessages.of(failure);
        };
    }

    /** Offline sales of the shift are still on their way to the center: closing now would miss them. */
    static final class JournalNotSynced extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int pending;

        JournalNotSynced(int pending) {
            super(pending + " journal entries are not at the center yet");
            this.pending = pending;
        }
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Shift> shiftProperty() {
        return shift.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currencyProperty() {
        return currency.getReadOnlyProperty();
    }

    public CashCount floatCount() {
        return floatCount;
    }

    public CashCount closingCount() {
        return closingCount;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public LongBinding expectedCashMinor() {
        return expectedCash;
    }

    /** Counted minus expected: above zero the drawer is over, below it is short. */
    public LongBinding differenceMinor() {
        return difference;
    }

    public BooleanBinding openProperty() {
        return state.isEqualTo(State.OPEN);
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return feedback.messageProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return feedback.failedProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return feedback.busyProperty();
    }

    /** True while the figures shown are the last ones seen because the center is out of reach. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }
}
