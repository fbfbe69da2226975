package dev.tessera.desktop.ui;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Background threads for the work, and a given executor (the JavaFX thread in the app) for the results. */
public final class BackgroundTaskExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTaskExecutor.class);
    private static final int THREADS = 4;
    /** How long {@link #close()} waits for work under way: a center request times out well before. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private final ScheduledThreadPoolExecutor pool;
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final Executor uiThread;

    public BackgroundTaskExecutor(Executor uiThread) {
        this.uiThread = uiThread;
        AtomicInteger count = new AtomicInteger();
        this.pool = new ScheduledThreadPoolExecutor(THREADS, r -> {
            Thread t = new Thread(r, "tessera-task-" + count.incrementAndGet());
            t.setDaemon(true);
            threads.add(t);
            return t;
        });
        // at close, work that waits for its time is dropped; work under way is waited for
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        pool.setRemoveOnCancelPolicy(true);
    }

    public static TaskExecutor forJavaFx() {
        return new BackgroundTaskExecutor(Platform::runLater);
    }

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        pool.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                uiThread.execute(() -> onFailure.accept(e));
                return;
            }
            uiThread.execute(() -> onSuccess.accept(result));
        });
    }

    /** After {@link #close()} the work is dropped and the future returned is cancelled. */
    @Override
    public Future<?> schedule(Duration delay, Runnable work) {
        try {
            return pool.schedule(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.warn("scheduled work failed", e);
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // a loop rescheduling itself while the app closes
            CompletableFuture<Void> dropped = new CompletableFuture<>();
            dropped.cancel(false);
            return dropped;
        }
    }

    @Override
    public void runOnUiThread(Runnable action) {
        uiThread.execute(action);
    }

    /**
     * Drops delayed work and waits for the work under way to end by itself (an interrupt could break a ledger
     * write halfway), so nothing writes into the data folder once this returns.
     */
    @Override
    public void close() {
        pool.shutdown();
        if (threads.contains(Thread.currentThread())) {
            return;
        }
        try {
            if (!pool.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("background work still runs {} s after closing; interrupting it", CLOSE_TIMEOUT.toSeconds());
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
