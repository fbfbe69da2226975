package dev.tessera.desktop.counter;

import dev.tessera.desktop.ui.Message;
import dev.tessera.desktop.ui.TaskExecutor;
import java.security.SecureRandom;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Message> message =
            new ReadOnlyObjectWrapper<>(Message.of("counter.transfer.hint"));

    public TransferViewModel(CounterContext ctx) {
        this.desk = new TransferDesk(ctx.client(), new ChipDesk(ctx.session(), new SecureRandom()), ctx.journal());
        this.reader = ctx.reader();
        this.tasks = ctx.tasks();
    }

    /** Step 1, the assignee's chip on the reader. */
    public void transfer() {
        if (ticketId.get().isBlank() || transferPassword.get().length() < 6) {
            message.set(Message.of("counter.transfer.incomplete"));
            return;
        }
        String id = ticketId.get().trim();
        busy.set(true);
        tasks.execute(() -> desk.transfer(id, assignorLogin.get().trim(), assignorPassword.get(),
                assigneeLogin.get().trim(), assigneePassword.get(), transferPassword.get(), reader.tap()), m -> {
            busy.set(false);
            moved.set(m);
            message.set(Message.of("counter.transfer.written", m.version(), CounterViewModel.shortChip(m.toChipId()),
                    CounterViewModel.shortChip(m.fromChipId())));
        }, this::failed);
    }

    /** Step 2, the assignor's chip on the reader. */
    public void deleteOldCopy() {
        TransferDesk.Moved m = moved.get();
        if (m == null) {
            return;
        }
        busy.set(true);
        tasks.execute(() -> desk.deleteOldCopy(m, reader.tap()), deleted -> {
            busy.set(false);
            moved.set(null);
            message.set(Message.of("counter.transfer.done", CounterViewModel.shortChip(m.fromChipId())));
        }, this::failed);
    }

    private void failed(Exception e) {
        busy.set(false);
        message.set(CounterViewModel.describe(e));
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
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }
}
