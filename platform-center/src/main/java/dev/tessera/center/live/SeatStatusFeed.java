package dev.tessera.center.live;

import dev.tessera.contract.availability.AreaCount;
import dev.tessera.contract.availability.SeatChange;
import dev.tessera.contract.availability.SeatChanges;
import dev.tessera.contract.availability.SeatStreamWatching;
import io.javalin.http.sse.SseClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live availability: after each committed change the center pushes the changed seats to every
 * terminal watching the event (Server-Sent Events), and to in-process listeners. On PostgreSQL the center's other
 * instances hear of the change through the {@linkplain #relayTo relay} (the cluster's notifications) and deliver it
 * to their own terminals with {@link #publishFromElsewhere}.
 */
public final class SeatStatusFeed {
    private static final Logger LOG = LoggerFactory.getLogger(SeatStatusFeed.class);

    private final Map<Long, Set<Watcher>> watchers = new ConcurrentHashMap<>();
    private final List<Consumer<SeatChanges>> listeners = new CopyOnWriteArrayList<>();
    // the newest revision delivered (or a stream started after) per event: where a resume after a lost connection starts
    private final Map<Long, Long> lastRevision = new ConcurrentHashMap<>();
    private volatile Consumer<SeatChanges> relay = changes -> { };

    /**
     * One terminal's stream. It is registered before the stream's first byte is sent, and keeps what is published
     * until the stream is attached, so a change made just after the terminal saw the 200 is never missed.
     */
    public final class Watcher {
        private final long eventId;
        private final List<SeatChanges> early = new ArrayList<>();
        private SseClient client;

        private Watcher(long eventId) {
            this.eventId = eventId;
        }

        private synchronized void deliver(SeatChanges changes) {
            if (client == null) {
                early.add(changes);
            } else {
                client.sendEvent("seats", changes);
            }
        }

        private synchronized void attach(SseClient sse, long startsAfter) {
            sse.sendEvent("watching", new SeatStreamWatching(eventId, startsAfter));
            early.forEach(changes -> sse.sendEvent("seats", changes));
            early.clear();
            client = sse;
        }

        private synchronized void comment(String text) {
            if (client != null) {
                client.sendComment(text);
            }
        }

        private synchronized void close() {
            if (client != null) {
                client.close();
            }
        }

        /** Stops watching; for a stream that failed before it was attached. */
        public void cancel() {
            Set<Watcher> set = watchers.get(eventId);
            if (set != null) {
                set.remove(this);
            }
        }
    }

    /** Starts collecting the event's changes for a stream that is about to open: call before reading its revision. */
    public Watcher watch(long eventId) {
        Watcher watcher = new Watcher(eventId);
        watchers.computeIfAbsent(eventId, id -> ConcurrentHashMap.newKeySet()).add(watcher);
        return watcher;
    }

    /** Opens the stream: first a {@code watching} event naming the revision it starts after, then every change. */
    public void attach(Watcher watcher, SseClient client, long startsAfter) {
        lastRevision.merge(watcher.eventId, startsAfter, Math::max);
        client.onClose(watcher::cancel);
        try {
            watcher.attach(client, startsAfter);
        } catch (RuntimeException e) {
            watcher.cancel();
            throw e;
        }
        client.keepAlive();
    }

    public void listen(Consumer<SeatChanges> listener) {
        listeners.add(listener);
    }

    public void publish(long eventId, List<SeatChange> seats) {
        publish(eventId, seats, List.of());
    }

    public void publish(long eventId, List<SeatChange> seats, List<AreaCount> areas) {
        if (seats.isEmpty() && areas.isEmpty()) {
            return;
        }
        SeatChanges changes = new SeatChanges(eventId, List.copyOf(seats), List.copyOf(areas));
        deliver(changes);
        try {
            relay.accept(changes);
        } catch (RuntimeException e) {
            // the other instances catch up from the database by revision (cluster.ClusterNotifications)
            LOG.warn("could not pass a change of event {} to the other instances: {}", eventId, e.toString());
        }
    }

    /** Sends changes to the other instances of the center too (set once, by the cluster's notifications). */
    public void relayTo(Consumer<SeatChanges> relay) {
        this.relay = relay;
    }

    /** A change another instance made (or one read back from the database after a lost connection): delivered here. */
    public void publishFromElsewhere(SeatChanges changes) {
        if (!changes.seats().isEmpty() || !changes.areas().isEmpty()) {
            deliver(changes);
        }
    }

    /** The newest revision this instance delivered (or started a stream after) per watched event. */
    public Map<Long, Long> watchedRevisions() {
        Map<Long, Long> watched = new java.util.HashMap<>();
        watchers.forEach((eventId, set) -> {
            if (!set.isEmpty()) {
                watched.put(eventId, lastRevision.getOrDefault(eventId, 0L));
            }
        });
        return watched;
    }

    private void deliver(SeatChanges changes) {
        long eventId = changes.eventId();
        long newest = 0;
        for (SeatChange seat : changes.seats()) {
            newest = Math.max(newest, seat.revision());
        }
        for (AreaCount area : changes.areas()) {
            newest = Math.max(newest, area.revision());
        }
        lastRevision.merge(eventId, newest, Math::max);
        for (Consumer<SeatChanges> listener : listeners) {
            listener.accept(changes);
        }
        Set<Watcher> watching = watchers.get(eventId);
        if (watching == null) {
            return;
        }
        for (Watcher watcher : watching) {
            try {
                watcher.deliver(changes);
            } catch (RuntimeException e) {
                LOG.debug("dropping a live client of event {}: {}", eventId, e.toString());
                watching.remove(watcher);
            }
        }
    }

    /** A comment to every open stream, so a terminal notices a connection that died without closing. */
    public void heartbeat() {
        watchers.forEach((eventId, watching) -> {
            for (Watcher watcher : watching) {
                try {
                    watcher.comment("heartbeat");
                } catch (RuntimeException e) {
                    watching.remove(watcher);
                }
            }
        });
    }

    public int watchers(long eventId) {
        Set<Watcher> set = watchers.get(eventId);
        return set == null ? 0 : set.size();
    }

    public void closeAll() {
        watchers.values().forEach(set -> set.forEach(Watcher::close));
        watchers.clear();
    }
}
