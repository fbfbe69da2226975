package dev.tessera.desktop.ledger;

import dev.tessera.client.CenterException;
import dev.tessera.client.CenterUnreachableException;
import dev.tessera.desktop.ui.TaskExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the journal flowing to the center: on start, every {@code period}, and at once after each new
 * entry. Reports online/offline, pending entries and the last successful sync on the UI thread.
 */
public final class SyncLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncLoop.class);

    public record State(boolean online, int pending, Instant lastSync) {}

    private final TerminalSync sync;
    private final LedgerStore ledger;
    private final String terminalId;
    private final TaskExecutor tasks;
    private final Clock clock;
    private final Duration period;
    private final Consumer<State> listener;
    private boolean registered;
    private Instant lastSync;
    private Future<?> next;
    private volatile boolean closed;

    public SyncLoop(TerminalSync sync, LedgerStore ledger, String terminalId, TaskExecutor tasks, Clock clock,
                    Duration period, Consumer<State> listener) {
        this.sync = sync;
        this.ledger = ledger;
        this.terminalId = terminalId;
        this.tasks = tasks;
        this.clock = clock;
        this.period = period;
        this.listener = listener;
    }

    public void start() {
        syncNow();
    }

    /** A sync as soon as a background thread is free, then the regular rhythm again. */
    public synchronized void syncNow() {
        if (closed) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        next = tasks.schedule(Duration.ZERO, this::runOnce);
    }

    /** One round, blocking: register if needed, push the outbox. */
    public State runOnce() {
        State state;
        synchronized (sync) {
            boolean online;
            try {
                if (!registered) {
                    sync.register();
                    registered = true;
                }
                sync.pushPending();
                lastSync = clock.instant();
                online = true;
            } catch (CenterUnreachableException e) {
                online = false;
            } catch (CenterException e) {
                LOG.warn("journal sync of terminal {} failed: {}", terminalId, e.getMessage());
                online = true;
            }
            state = new State(online, ledger.pendingCount(terminalId), lastSync);
        }
        State reported = state;
        tasks.runOnUiThread(() -> listener.accept(reported));
        scheduleNext();
        return state;
    }

    private synchronized void scheduleNext() {
        if (!closed) {
            next = tasks.schedule(period, this::runOnce);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
    }
}
