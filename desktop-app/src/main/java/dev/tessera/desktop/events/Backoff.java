package dev.tessera.desktop.events;

import java.time.Duration;

/** Waits between reconnect attempts: doubling from the first delay up to the longest, reset on success. */
final class Backoff {
    private final Duration first;
    private final Duration longest;
    private Duration next;

    Backoff(Duration first, Duration longest) {
        this.first = first;
        this.longest = longest;
        this.next = first;
    }

    synchronized Duration next() {
        Duration now = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(longest) > 0 ? longest : doubled;
        return now;
    }

    synchronized void reset() {
        next = first;
    }
}
