package dev.tessera.desktop.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
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

    private final ScheduledExecutorService pool;
    private final Executor uiThread;

    public BackgroundTaskExecutor(Executor uiThread) {
        this.uiThread = uiThread;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newScheduledThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "tessera-task-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
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

    @Override
    public Future<?> schedule(Duration delay, Runnable work) {
        return pool.schedule(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warn("scheduled work failed", e);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void runOnUiThread(Runnable action) {
        uiThread.execute(action);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
