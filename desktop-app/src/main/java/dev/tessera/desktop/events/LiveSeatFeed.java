package dev.tessera.desktop.events;

import dev.tessera.contract.availability.Availability;
import dev.tessera.contract.availability.SeatChanges;
import dev.tessera.client.CenterException;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.center.SeatStream;
import dev.tessera.desktop.ui.TaskExecutor;
import java.time.Duration;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one event's seat status current: watches the center's live stream and, each time the
 * stream opens, re-reads the snapshot so nothing missed while it was down stays wrong. A dropped
 * stream is retried with back-off until {@link #close()}. Callbacks come on the UI thread.
 */
final class LiveSeatFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSeatFeed.class);

    interface Callbacks {
        void snapshot(Availability snapshot);

        void changes(SeatChanges changes);

        void live(boolean live);
    }

    private final CenterSession session;
    private final long eventId;
    private final TaskExecutor tasks;
    private final Backoff backoff;
    private final Callbacks callbacks;
    private volatile boolean closed;
    private volatile SeatStream stream;
    private volatile Future<?> retry;

    LiveSeatFeed(CenterSession session, long eventId, TaskExecutor tasks, Backoff backoff, Callbacks callbacks) {
        this.session = session;
        this.eventId = eventId;
        this.tasks = tasks;
        this.backoff = backoff;
        this.callbacks = callbacks;
    }

    void start() {
        connect();
    }

    private void connect() {
        if (closed) {
            return;
        }
        stream = session.watchSeats(eventId, new SeatStream.Listener() {
            @Override
            public void opened() {
                tasks.execute(() -> session.seats(eventId), snapshot -> {
                    if (!closed) {
                        backoff.reset();
                        callbacks.snapshot(snapshot);
                        callbacks.live(true);
                    }
                }, failure -> LOG.info("live seats of event {}: snapshot failed: {}", eventId, failure.toString()));
            }

            @Override
            public void changes(SeatChanges changes) {
                tasks.runOnUiThread(() -> {
                    if (!closed) {
                        callbacks.changes(changes);
                    }
                });
            }

            @Override
            public void dropped(CenterException cause) {
                if (closed) {
                    return;
                }
                Duration wait = backoff.next();
                LOG.info("live seats of event {} dropped ({}); reconnecting in {} ms", eventId, cause.getMessage(),
                        wait.toMillis());
                tasks.runOnUiThread(() -> {
                    if (!closed) {
                        callbacks.live(false);
                    }
                });
                retry = tasks.schedule(wait, LiveSeatFeed.this::connect);
            }
        });
        if (closed) {
            // closed while this stream was opening: close() saw the old one
            stream.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        SeatStream s = stream;
        if (s != null) {
            s.close();
        }
        Future<?> r = retry;
        if (r != null) {
            r.cancel(false);
        }
    }
}
