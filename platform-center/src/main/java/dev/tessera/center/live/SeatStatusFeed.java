package dev.tessera.center.live;

import io.javalin.http.sse.SseClient;
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
 * terminal watching the event (Server-Sent Events), and to in-process listeners.
 */
public final class SeatStatusFeed {
    private static final Logger LOG = LoggerFactory.getLogger(SeatStatusFeed.class);

    public record SeatChange(String seatId, String status, long revision) {}

    public record Changes(long eventId, List<SeatChange> seats) {}

    private final Map<Long, Set<SseClient>> clients = new ConcurrentHashMap<>();
    private final List<Consumer<Changes>> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(long eventId, SseClient client) {
        Set<SseClient> set = clients.computeIfAbsent(eventId, id -> ConcurrentHashMap.newKeySet());
        set.add(client);
        client.onClose(() -> set.remove(client));
        client.sendComment("watching event " + eventId);
        client.keepAlive();
    }

    public void listen(Consumer<Changes> listener) {
        listeners.add(listener);
    }

    public void publish(long eventId, List<SeatChange> seats) {
        if (seats.isEmpty()) {
            return;
        }
        Changes changes = new Changes(eventId, List.copyOf(seats));
        for (Consumer<Changes> listener : listeners) {
            listener.accept(changes);
        }
        Set<SseClient> watching = clients.get(eventId);
        if (watching == null) {
            return;
        }
        for (SseClient client : watching) {
            try {
                client.sendEvent("seats", changes);
            } catch (RuntimeException e) {
                LOG.debug("dropping a live client of event {}: {}", eventId, e.toString());
                watching.remove(client);
            }
        }
    }

    /** A comment to every open stream, so a terminal notices a connection that died without closing. */
    public void heartbeat() {
        clients.forEach((eventId, watching) -> {
            for (SseClient client : watching) {
                try {
                    client.sendComment("heartbeat");
                } catch (RuntimeException e) {
                    watching.remove(client);
                }
            }
        });
    }

    public int watchers(long eventId) {
        Set<SseClient> set = clients.get(eventId);
        return set == null ? 0 : set.size();
    }

    public void closeAll() {
        clients.values().forEach(set -> set.forEach(SseClient::close));
        clients.clear();
    }
}
