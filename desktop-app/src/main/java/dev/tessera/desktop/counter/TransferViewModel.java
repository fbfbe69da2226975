package dev.tessera.desktop.counter;

import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.ui.Feedback;
import dev.tessera.desktop.ui.Message;
import dev.tessera.desktop.ui.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The transfer at the counter, turn by turn ({@link TransferTurn}): the ticket picked from those on the assignor's
 * card (read at the reader, never typed); the assignor's own password; the transfer password the assignor sets; the
 * assignee's own password and the transfer password they were told. Each secret leaves its field as soon as it is
 * sent, whatever the answer.
 */
public final class TransferViewModel {
    /** A ticket on the assignor's card, its seat in words where the event on sale knows it. */
    public record CardTicket(String ticketId, int version, String place, long priceMinor, String attendee) {}

    private final TransferDesk desk;
    private final CenterSession session;
    private final Supplier<SeatMap> seatMap;
    private final ObservableList<CardTicket> cardTickets = FXCollections.observableArrayList();
    private final StringProperty assignorChip = new SimpleStringProperty("");
    private final CounterReader reader;
    private final TaskExecutor tasks;
    private final StringProperty ticketId = new SimpleStringProperty("");
    private final StringProperty assignorLogin = new SimpleStringProperty("");
    private final StringProperty assignorPassword = new SimpleStringProperty("");
    private final StringProperty assigneeLogin = new SimpleStringProperty("");
    private final StringProperty assigneePassword = new SimpleStringProperty("");
    private final StringProperty transferPassword = new SimpleStringProperty("");
    private final StringProperty assigneeTransferPassword = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<TransferTurn> turn = new ReadOnlyObjectWrapper<>(TransferTurn.ASSIGNOR_SIGN_IN);
    private final ReadOnlyObjectWrapper<TransferDesk.Moved> moved = new ReadOnlyObjectWrapper<>();
    private final Feedback feedback = new Feedback(Message.of("counter.transfer.hint"));
    private CenterSession assignor;
    private TransferDesk.Offer offer;

    /** {@code seatMap}: the map of the event on sale, to put the seats of the card's tickets into words. */
    public TransferViewModel(CounterContext ctx, Supplier<SeatMap> seatMap) {
        this.desk = new TransferDesk(ctx.client(), new ChipDesk(ctx.session()), ctx.journal());
        this.session = ctx.session();
        this.seatMap = seatMap;
        this.reader = ctx.reader();
        this.tasks = ctx.tasks();
    }

    /** The assignor's card on the reader: the tickets the center knows on it, to pick one from. */
    public void readAssignorCard() {
        if (turn.get() != TransferTurn.ASSIGNOR_SIGN_IN) {
            return;
        }
        feedback.run(tasks, () -> {
            String chipId = ChipDesk.chipId(reader.tap());
            SeatMap map = seatMap.get();
            return new CardRead(chipId, session.chipTickets(chipId).tickets().stream().map(t -> new CardTicket(
                    t.ticketId(), t.version(), place(map, t.seatId()), t.priceMinor(), t.attendee())).toList());
        }, read -> {
            assignorChip.set(read.chipId());
            cardTickets.setAll(read.tickets());
            ticketId.set(read.tickets().size() == 1 ? read.tickets().getFirst().ticketId() : "");
            String chip = CounterFailures.shortChip(read.chipId());
            feedback.say(read.tickets().isEmpty() ? Message.of("counter.transfer.cardEmpty", chip)
                    : Message.of("counter.transfer.cardRead", read.tickets().size(), chip));
        }, CounterFailures::describe);
    }

    private record CardRead(String chipId, List<CardTicket> tickets) {}

    private static String place(SeatMap map, String seatId) {
        if (map == null) {
            return seatId;
        }
        return map.seat(seatId).map(s -> {
            SeatPlace p = SeatPlace.of(map, s);
            return p.section() + " \u00b7 " + p.row() + " \u00b7 " + p.seat();
        }).orElse(seatId);
    }

    /** Turn 1: the assignor signs in with their own password. */
    public void signInAssignor() {
        if (turn.get() != TransferTurn.ASSIGNOR_SIGN_IN || feedback.busyProperty().get()) {
            return;
        }
        if (ticketId.get().isBlank() || assignorLogin.get().isBlank() || assignorPassword.get().isEmpty()) {
            feedback.refuse("counter.transfer.assignorIncomplete");
            return;
        }
        String login = assignorLogin.get().trim();
        String password = takeOut(assignorPassword);
        feedback.run(tasks, () -> desk.signIn(login, password), signedIn -> {
            assignor = signedIn;
            turn.set(TransferTurn.ASSIGNOR_OFFER);
            feedback.say(Message.of("counter.transfer.offerTurn", login));
        }, CounterFailures::describe);
    }

    /** Turn 2: the assignor sets the transfer password; the ticket is offered to the card on the reader. */
    public void offer() {
        if (turn.get() != TransferTurn.ASSIGNOR_OFFER || feedback.busyProperty().get()) {
            return;
        }
        if (transferPassword.get().length() < 6) {
            transferPassword.set("");
            feedback.refuse("counter.transfer.incomplete");
            return;
        }
        String password = takeOut(transferPassword);
        CenterSession by = assignor;
        String id = ticketId.get().trim();
        feedback.run(tasks, () -> desk.offer(by, id, password, reader.tap()), started -> {
            offer = started;
            turn.set(TransferTurn.ASSIGNEE_ACCEPT);
            feedback.say(Message.of("counter.transfer.assigneeTurn", CounterFailures.shortChip(started.toChipId())));
        }, CounterFailures::describe);
    }

    /** Turn 3: the assignee signs in and accepts with the transfer password; the new version goes to their card. */
    public void accept() {
        if (turn.get() != TransferTurn.ASSIGNEE_ACCEPT || feedback.busyProperty().get()) {
            return;
        }
        if (assigneeLogin.get().isBlank() || assigneePassword.get().isEmpty()
                || assigneeTransferPassword.get().isEmpty()) {
            feedback.refuse("counter.transfer.assigneeIncomplete");
            return;
        }
        String login = assigneeLogin.get().trim();
        String password = takeOut(assigneePassword);
        String transfer = takeOut(assigneeTransferPassword);
        TransferDesk.Offer waiting = offer;
        CenterSession by = assignor;
        feedback.run(tasks, () -> {
            TransferDesk.Moved m = desk.accept(waiting, login, password, transfer, reader.tap());
            by.signOut();
            return m;
        }, m -> {
            assignor = null;
            offer = null;
            moved.set(m);
            cardTickets.clear();
            turn.set(TransferTurn.OLD_COPY);
            feedback.say(Message.of("counter.transfer.written", m.version(), CounterFailures.shortChip(m.toChipId()),
                    CounterFailures.shortChip(m.fromChipId())));
        }, CounterFailures::describe);
    }

    /** The assignor's chip on the reader: the old copy goes, and the next transfer starts at turn 1. */
    public void deleteOldCopy() {
        TransferDesk.Moved m = moved.get();
        if (m == null) {
            return;
        }
        feedback.run(tasks, () -> desk.deleteOldCopy(m, reader.tap()), deleted -> {
            moved.set(null);
            clearForm();
            feedback.say(Message.of("counter.transfer.done", CounterFailures.shortChip(m.fromChipId())));
        }, CounterFailures::describe);
    }

    /** Back to turn 1: an offer not yet accepted is taken back, and the assignor's session ends. */
    public void startOver() {
        if (feedback.busyProperty().get() || turn.get() == TransferTurn.OLD_COPY) {
            return;
        }
        CenterSession by = assignor;
        TransferDesk.Offer waiting = offer;
        assignor = null;
        offer = null;
        clearForm();
        if (by == null) {
            feedback.say(Message.of("counter.transfer.hint"));
            return;
        }
        feedback.run(tasks, () -> {
            try {
                if (waiting != null) {
                    by.cancelTransfer(waiting.transferId());
                }
            } finally {
                by.signOut();
            }
            return waiting != null;
        }, cancelled -> feedback.say(Message.of(cancelled ? "counter.transfer.takenBack" : "counter.transfer.hint")),
                CounterFailures::describe);
    }

    private void clearForm() {
        turn.set(TransferTurn.ASSIGNOR_SIGN_IN);
        cardTickets.clear();
        ticketId.set("");
        assignorChip.set("");
        assignorLogin.set("");
        assigneeLogin.set("");
        assignorPassword.set("");
        transferPassword.set("");
        assigneePassword.set("");
        assigneeTransferPassword.set("");
    }

    /** A secret's value, its field emptied before anything is sent. */
    private static String takeOut(StringProperty secret) {
        String value = secret.get();
        secret.set("");
        return value;
    }

    public ObservableList<CardTicket> cardTickets() {
        return cardTickets;
    }

    public StringProperty assignorChipProperty() {
        return assignorChip;
    }

    public StringProperty ticketIdProperty() {
        return ticketId;
    }

    public StringProperty assignorLoginProperty() {
        return assignorLogin;
    }

    public StringProperty assignorPasswordProperty() {
        return assignorPassword;
    }

    public StringProperty assigneeLoginProperty() {
        return assigneeLogin;
    }

    public StringProperty assigneePasswordProperty() {
        return assigneePassword;
    }

    public StringProperty transferPasswordProperty() {
        return transferPassword;
    }

    public StringProperty assigneeTransferPasswordProperty() {
        return assigneeTransferPassword;
    }

    public ReadOnlyObjectProperty<TransferTurn> turnProperty() {
        return turn.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TransferDesk.Moved> movedProperty() {
        return moved.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return feedback.busyProperty();
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return feedback.messageProperty();
    }
}
