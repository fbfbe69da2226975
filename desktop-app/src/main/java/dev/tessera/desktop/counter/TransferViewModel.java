package dev.tessera.desktop.counter;

import dev.tessera.desktop.ui.Feedback;
import dev.tessera.desktop.ui.Message;
import dev.tessera.desktop.ui.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The transfer form at the counter: which ticket, both members' sign-ins, the transfer password. */
public final class TransferViewModel {
    private final TransferDesk desk;
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

    public TransferViewModel(CounterContext ctx) {
        this.desk = new TransferDesk(ctx.client(), new ChipDesk(ctx.session()), ctx.journal());
        this.reader = ctx.reader();
        this.tasks = ctx.tasks();
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
