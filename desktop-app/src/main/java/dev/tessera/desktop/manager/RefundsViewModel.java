package dev.tessera.desktop.manager;

import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.event.RefundLine;
import dev.tessera.contract.event.RefundList;
import dev.tessera.desktop.ui.ErrorMessages;
import dev.tessera.desktop.ui.Message;
import dev.tessera.desktop.ui.TaskExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Issue 14: the refunds a cancelled event owes, per seller and payment method, shown as soon as the manager picks a
 * cancelled event (each seller refunds its own customers; a refund at the counter takes a sale off the list).
 */
public final class RefundsViewModel {
    private final CenterSession session;
    private final TaskExecutor tasks;
    private final ObservableList<RefundLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RefundList> list = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>();
    private long generation;

    public RefundsViewModel(CenterSession session, TaskExecutor tasks) {
        this.session = session;
        this.tasks = tasks;
    }

    /** Shows the refunds of {@code event} when it is cancelled, nothing otherwise. */
    public void show(EventInfo event) {
        long current = ++generation;
        lines.clear();
        list.set(null);
        message.set(null);
        if (event == null || !"CANCELLED".equals(event.status())) {
            return;
        }
        tasks.execute(() -> session.refunds(event.id()), refunds -> {
            if (current == generation) {
                list.set(refunds);
                lines.setAll(refunds.lines());
                message.set(refunds.lines().isEmpty() ? Message.of("manager.refunds.none") : null);
            }
        }, failure -> {
            if (current == generation) {
                message.set(ErrorMessages.of(failure));
            }
        });
    }

    public ObservableList<RefundLine> lines() {
        return lines;
    }

    public ReadOnlyObjectProperty<RefundList> listProperty() {
        return list.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }
}
