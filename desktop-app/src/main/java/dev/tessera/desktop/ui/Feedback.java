package dev.tessera.desktop.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One screen's busy flag and its last sentence for the user, which says whether it is a failure; and the one way
 * a view model runs work in the background: busy while it runs, the failure put into words when it fails.
 * UI thread only.
 */
public final class Feedback {
    private final ReadOnlyObjectWrapper<Message> message;
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public Feedback() {
        this(null);
    }

    /** @param first the sentence shown before anything happened (a hint), or null */
    public Feedback(Message first) {
        message = new ReadOnlyObjectWrapper<>(first);
    }

    /**
     * Runs {@code work} on the task executor: busy meanwhile, the last failure cleared; {@code done} gets the result
     * on the UI thread; a failure sets failed and shows {@code describe}'s sentence for it.
     */
    public <T> void run(TaskExecutor tasks, Callable<T> work, Consumer<T> done, Function<Exception, Message> describe) {
        run(tasks, work, done, describe, failure -> { });
    }

    /** As {@link #run(TaskExecutor, Callable, Consumer, Function)}, then {@code after} sees the failure too. */
    public <T> void run(TaskExecutor tasks, Callable<T> work, Consumer<T> done, Function<Exception, Message> describe,
                        Consumer<Exception> after) {
        busy.set(true);
        failed.set(false);
        tasks.execute(work, result -> {
            busy.set(false);
            done.accept(result);
        }, failure -> {
            busy.set(false);
            fail(describe.apply(failure));
            after.accept(failure);
        });
    }

    public void working(String key, Object... args) {
        busy.set(true);
        failed.set(false);
        message.set(Message.of(key, args));
    }

    public void done(String key, Object... args) {
        busy.set(false);
        failed.set(false);
        message.set(Message.of(key, args));
    }

    /** Bad input: nothing was sent, and what was typed stays. */
    public void refuse(String key, Object... args) {
        fail(Message.of(key, args));
    }

    /** A failure in words: failed, and the sentence shown. */
    public void fail(Message why) {
        failed.set(true);
        message.set(why);
    }

    public void failed(Exception failure) {
        busy.set(false);
        fail(ErrorMessages.of(failure));
    }

    /** A sentence, leaving the failed flag as it is. */
    public void say(Message sentence) {
        message.set(sentence);
    }

    public void setFailed(boolean value) {
        failed.set(value);
    }

    public void setBusy(boolean value) {
        busy.set(value);
    }

    public void clear() {
        failed.set(false);
        message.set(null);
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }
}
