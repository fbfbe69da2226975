package dev.tessera.desktop.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The one way the desktop runs work off the UI thread: the UI thread never waits on I/O. Results
 * and failures come back on the UI thread. Tests swap in {@link CurrentThreadTaskExecutor}.
 */
public interface TaskExecutor extends AutoCloseable {

    /** Runs {@code work} in the background and hands its result or failure to the UI thread. */
    <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /** Runs {@code work} in the background after {@code delay}; nothing comes back. */
    Future<?> schedule(Duration delay, Runnable work);

    /** Runs {@code action} on the UI thread, for callbacks that arrive on other threads. */
    void runOnUiThread(Runnable action);

    @Override
    void close();
}
