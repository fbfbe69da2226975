package dev.tessera.desktop.center;

import dev.tessera.client.CenterHttp;
import dev.tessera.client.EventStream;
import dev.tessera.contract.availability.SeatChanges;

/**
 * The center's live seat feed of one event (Server-Sent Events, event name {@code seats}), over the client's
 * {@link EventStream}: the listener hears {@code opened}, then {@code changes} for every push, and once
 * {@code dropped} when the stream ends for any reason but {@link #close()}. Callbacks come on the HTTP client's threads.
 */
public final class SeatStream implements AutoCloseable {
    public interface Listener extends EventStream.Listener<SeatChanges> {
        void changes(SeatChanges changes);

        @Override
        default void received(SeatChanges changes) {
            changes(changes);
        }
    }

    private final EventStream<SeatChanges> stream;

    private SeatStream(EventStream<SeatChanges> stream) {
        this.stream = stream;
    }

    static SeatStream open(CenterHttp http, String path, String token, Listener listener) {
        return new SeatStream(http.events(path, token, "seats", SeatChanges.class, listener));
    }

    @Override
    public void close() {
        stream.close();
    }
}
