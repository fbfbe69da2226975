package dev.tessera.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Closing the app's executor: the work under way ends before close returns, delayed work is dropped. */
class BackgroundTaskExecutorTest {

    @Test
    void closeWaitsForTheWorkUnderWayAndDropsDelayedWork() throws Exception {
        BackgroundTaskExecutor tasks = new BackgroundTaskExecutor(Runnable::run);
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean delayedRan = new AtomicBoolean();
        tasks.schedule(Duration.ofDays(1), () -> delayedRan.set(true));
        tasks.execute(() -> {
            started.countDown();
            // long enough that a close which did not wait would return first
            Thread.sleep(200);
            finished.set(true);
            return null;
        }, done -> {}, failure -> {});
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        tasks.close();

        assertThat(finished).as("the work under way ended before close returned").isTrue();
        assertThat(delayedRan).isFalse();
        assertThat(tasks.schedule(Duration.ZERO, () -> delayedRan.set(true)).isCancelled())
                .as("work scheduled after close is dropped").isTrue();
        assertThat(delayedRan).isFalse();
    }
}
