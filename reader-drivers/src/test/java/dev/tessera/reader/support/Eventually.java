package dev.tessera.reader.support;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for something that happens on another thread, failing with a description after a deadline. */
public final class Eventually {
    private Eventually() {}

    public static void await(Duration timeout, String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Boolean.TRUE.equals(condition.call())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what);
            }
            Thread.sleep(10);
        }
    }
}
