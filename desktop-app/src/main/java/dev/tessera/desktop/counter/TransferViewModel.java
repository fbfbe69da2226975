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
 * The transfer form at the counter: the ticket picked from those on the assignor's card (read at the reader, never
 * typed), both members' sign-ins, the transfer password. The passwords leave the form when the transfer is done.
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
    private final ReadOnlyObjectWrapper<TransferDesk.Moved> moved = new ReadOnlyObjectWrapper<>();
    private final Feedback feedback = new Feedback(Message.of("counter.transfer.hint"));

    /** {@code seatMap}: the map of the event on sale, to put the seats of the card's tickets into words. */
    public TransferViewModel(CounterContext ctx, Supplier<SeatMap> seatMap) {
        this.desk = new TransferDesk(ctx.client(), new ChipDesk(ctx.session()), ctx.journal());
        this.session = ctx.session();
        this.seatMap = seatMap;
        this.reader = ctx.reader();
        this.tasks = ctx.tasks();
    }

    /** Step 0, the assignor's card on the reader: the tickets the center knows on it, to pick one from. */
    public void readAssignorCard() {
        feedback.run(tasks, () -> {
            String chipId = ChipDesk.chipId(reader.tap());
            SeatMap map = seatMap.get();
            return new CardRead(chipId, session.chipTickets(chipId).tickets().stream().map(t -> new CardTicket(
                    t.ticketId(), t.version(), place(map, t.seatId()), t.priceMinor(), t.attendee())).toList());
        }, read -> {
            assignorChip.set(read.chipId());
            cardTickets.setAll(read.tickets());
            ticketId.set(read.tickets().size() == 1 ? read.tickets().getFirst().ticketId() : "");
            String chip = CounterViewModel.shortChip(read.chipId());
            feedback.say(read.tickets().isEmpty() ? Message.of("counter.transfer.cardEmpty", chip)
                    : Message.of("counter.transfer.cardRead", read.tickets().size(), chip));
        }, CounterViewModel::describe);
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

    /** Step 1, the assignee's chip on the reader. */
    public void transfer() {
        if (ticketId.get().isBlank() || transferPassword.get().length() < 6) {
            feedback.say(Message.of("counter.transfer.incomplete"));
            return;
        }
        String id = ticketId.get().trim();
        feedback.run(tasks, () -> desk.transfer(id, assignorLogin.get().trim(), assignorPassword.get(),
                assigneeLogin.get().trim(), assigneePassword.get(), transferPassword.get(), reader.tap()), m -> {
            moved.set(m);
            // the passwords do not stay on the counter's screen
            assignorPassword.set("");
            assigneePassword.set("");
            transferPassword.set("");
            cardTickets.clear();
            feedback.say(Message.of("counter.transfer.written", m.version(), CounterViewModel.shortChip(m.toChipId()),
                    CounterViewModel.shortChip(m.fromChipId())));
        }, CounterViewModel::describe);
    }

    /** Step 2, the assignor's chip on the reader. */
    public void deleteOldCopy() {
        TransferDesk.Moved m = moved.get();
        if (m == null) {
            return;
        }
        feedback.run(tasks, () -> desk.deleteOldCopy(m, reader.tap()), deleted -> {
            moved.set(null);
            feedback.say(Message.of("counter.transfer.done", CounterViewModel.shortChip(m.fromChipId())));
        }, CounterViewModel::describe);
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
