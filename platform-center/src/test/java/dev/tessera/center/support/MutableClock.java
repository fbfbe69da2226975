package dev.tessera.center.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test can move forward, to let holds lapse without waiting ten minutes. What depends on time (the center's
 * hold lapses) runs as a step of {@link #advance}, on the test's thread, so no background thread races the test.
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final List<Runnable> onAdvance = new CopyOnWriteArrayList<>();

    /** Moves the clock, then runs every step registered with {@link #onAdvance} before returning. */
    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
        onAdvance.forEach(Runnable::run);
    }

    public void onAdvance(Runnable step) {
        onAdvance.add(step);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
