package dev.tessera.desktop.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.desktop.ui.BackgroundTaskExecutor;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A session's background work at sign-out: started work is waited for, the rest does not start. */
class SessionTasksTest {
    private static final Duration WITHIN = Duration.ofSeconds(10);

    // results are handed over on the worker thread itself: no UI thread in this test
    private final BackgroundTaskExecutor app = new BackgroundTaskExecutor(Runnable::run);
    private final SessionTasks session = new SessionTasks(app);

    @AfterEach
    void closeApp() {
        app.close();
    }

    @Test
    void signOutWaitsForTheWorkUnderWay() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        session.execute(() -> {
            started.countDown();
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            finished.set(true);
            return null;
        }, done -> {}, failure -> {});
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        session.close();
        assertThat(session.awaitIdle(Duration.ZERO)).as("still running").isFalse();
        release.countDown();
        assertThat(session.awaitIdle(WITHIN)).isTrue();
        assertThat(finished).isTrue();
    }

    @Test
    void afterSignOutDelayedAndNewWorkDoesNotRun() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        var delayed = session.schedule(Duration.ofDays(1), () -> ran.set(true));

        session.close();
        session.execute(() -> {
            ran.set(true);
            return null;
        }, done -> {}, failure -> {});
        var scheduledAfterwards = session.schedule(Duration.ZERO, () -> ran.set(true));

        assertThat(delayed.isCancelled()).isTrue();
        assertThat(scheduledAfterwards.isCancelled()).isTrue();
        assertThat(session.awaitIdle(WITHIN)).isTrue();
        app.close();
        assertThat(ran).as("nothing of the ended session ran").isFalse();
    }
}
