package dev.tessera.desktop.shell;

import dev.tessera.desktop.ui.TaskExecutor;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The background work of one signed-in session, on the app's executor. Closed at sign-out: no new work starts,
 * delayed work (the journal sync, the gate's reports, stream retries) is cancelled, and {@link #awaitIdle} waits
 * for the work under way, so that nothing of the old session still writes the ledger once the sign-in screen is back.
 */
final class SessionTasks implements TaskExecutor {
    private final TaskExecutor app;
    private final Set<Future<?>> delayed = ConcurrentHashMap.newKeySet();
    private int running;
    private boolean closed;

    SessionTasks(TaskExecutor app) {
        this.app = app;
    }

    /** After {@link #close()} the work is dropped: the session it was for has ended. */
    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        if (!begin()) {
            return;
        }
        try {
            app.execute(() -> {
                try {
                    return work.call();
                } finally {
                    end();
                }
            }, onSuccess, onFailure);
        } catch (RuntimeException rejected) {
            end();
            throw rejected;
        }
    }

    @Override
    public Future<?> schedule(Duration delay, Runnable work) {
        if (isClosed()) {
            return cancelled();
        }
        delayed.removeIf(Future::isDone);
        Future<?> future = app.schedule(delay, () -> {
            if (!begin()) {
                return;
            }
            try {
                work.run();
            } finally {
                end();
            }
        });
        delayed.add(future);
        if (isClosed()) {
            // closed while this was being scheduled: close() may have missed it
            future.cancel(false);
        }
        return future;
    }

    @Override
    public void runOnUiThread(Runnable action) {
        app.runOnUiThread(action);
    }

    /** Starts no more work and cancels delayed work; does not wait (it may be called on the UI thread). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        delayed.forEach(f -> f.cancel(false));
        delayed.clear();
    }

    /**
     * Blocks until the work that started before {@link #close()} has ended, or the timeout has passed.
     *
     * @return whether it ended
     */
    synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private synchronized boolean begin() {
        if (closed) {
            return false;
        }
        running++;
        return true;
    }

    private synchronized void end() {
        running--;
        if (running == 0) {
            notifyAll();
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private static Future<?> cancelled() {
        CompletableFuture<Void> dropped = new CompletableFuture<>();
        dropped.cancel(false);
        return dropped;
    }
}
