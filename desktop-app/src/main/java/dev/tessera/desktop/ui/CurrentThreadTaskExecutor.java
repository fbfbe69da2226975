package dev.tessera.desktop.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Runs everything at once on the calling thread: view-model tests need no stage and no waiting. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    /** Runs the work at once: a test that wants a real delay uses {@link BackgroundTaskExecutor}. */
    @Override
    public Future<?> schedule(Duration delay, Runnable work) {
        work.run();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }

    @Override
    public void close() {
        // nothing runs in the background
    }
}
