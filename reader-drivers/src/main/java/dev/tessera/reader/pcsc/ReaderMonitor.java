package dev.tessera.reader.pcsc;

import dev.tessera.reader.wallet.CardGoneException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a card arriving in and leaving a reader's field. It polls presence without blocking, through the reader's
 * own thread, so it never holds the PC/SC context while a command is on its way.
 */
public final class ReaderMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReaderMonitor.class);

    public enum Event { CARD_PRESENT, CARD_ABSENT, READER_UNAVAILABLE }

    private final PcscReader reader;
    private final Consumer<Event> listener;
    private final ScheduledExecutorService timer;
    private volatile Thread pollingThread;
    private ScheduledFuture<?> polling;
    private Event last;

    public ReaderMonitor(PcscReader reader, Consumer<Event> listener) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "monitor-" + reader.name());
            t.setDaemon(true);
            pollingThread = t;
            return t;
        });
    }

    public synchronized ReaderMonitor start(Duration period) {
        if (polling == null) {
            polling = timer.scheduleWithFixedDelay(this::poll, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    private void poll() {
        Event now;
        try {
            now = reader.cardPresent() ? Event.CARD_PRESENT : Event.CARD_ABSENT;
        } catch (CardGoneException e) {
            now = Event.READER_UNAVAILABLE;
        }
        if (now != last) {
            last = now;
            try {
                listener.accept(now);
            } catch (RuntimeException e) {
                LOG.warn("reader listener failed on {}: {}", now, e.toString());
            }
        }
    }

    /**
     * Stops polling and waits for a poll under way to end, so the listener hears nothing once this returns
     * (unless it is the listener itself that closes the monitor).
     */
    @Override
    public void close() {
        // shutdown, not shutdownNow: an interrupted poll would report the reader as unavailable
        timer.shutdown();
        if (Thread.currentThread() == pollingThread) {
            return;
        }
        try {
            if (!timer.awaitTermination(PcscReader.CALL_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
                LOG.warn("the monitor of {} still polls after {} s; interrupting it", reader.name(),
                        PcscReader.CALL_TIMEOUT.toSeconds() + 1);
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
