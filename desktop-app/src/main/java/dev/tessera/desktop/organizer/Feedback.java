package dev.tessera.desktop.organizer;

import dev.tessera.desktop.ui.ErrorMessages;
import dev.tessera.desktop.ui.Message;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One pane's busy flag and its last sentence for the user, which says whether it is a failure. */
final class Feedback {
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    void working(String key, Object... args) {
        busy.set(true);
        failed.set(false);
        message.set(Message.of(key, args));
    }

    void done(String key, Object... args) {
        busy.set(false);
        failed.set(false);
        message.set(Message.of(key, args));
    }

    /** Bad input: nothing was sent, and what was typed stays. */
    void refuse(String key, Object... args) {
        failed.set(true);
        message.set(Message.of(key, args));
    }

    void failed(Exception failure) {
        busy.set(false);
        failed.set(true);
        message.set(ErrorMessages.of(failure));
    }

    void clear() {
        failed.set(false);
        message.set(null);
    }

    ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    boolean isBusy() {
        return busy.get();
    }
}
