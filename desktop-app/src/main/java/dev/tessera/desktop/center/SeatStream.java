package dev.tessera.desktop.center;

import dev.tessera.contract.availability.SeatChanges;
import java.io.EOFException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The center's live seat feed of one event (Server-Sent Events, event name {@code seats}). The
 * listener hears {@code opened}, then {@code changes} for every push, and once {@code dropped} when
 * the stream ends for any reason but {@link #close()}. Callbacks come on the HTTP client's threads.
 */
public final class SeatStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SeatStream.class);

    public interface Listener {
        void opened();

        void changes(SeatChanges changes);

        void dropped(CenterException cause);
    }

    private final CenterHttp http;
    private final Listener listener;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean dropped = new AtomicBoolean();
    private volatile Flow.Subscription subscription;
    private volatile CompletableFuture<?> exchange;

    private SeatStream(CenterHttp http, Listener listener) {
        this.http = http;
        this.listener = listener;
    }

    static SeatStream open(CenterHttp http, String path, String token, Listener listener) {
        SeatStream stream = new SeatStream(http, listener);
        HttpRequest request = http.request(path, token).setHeader("Accept", "text/event-stream")
                // the request timeout would end a healthy stream; the connect timeout still applies
                .timeout(Duration.ofDays(365)).GET().build();
        CompletableFuture<HttpResponse<Void>> exchange = http.client().sendAsync(request, stream::subscriberFor);
        // cancelling this future (not a dependent one) aborts the exchange
        stream.exchange = exchange;
        exchange.whenComplete(stream::ended);
        return stream;
    }

    private BodySubscriber<Void> subscriberFor(HttpResponse.ResponseInfo info) {
        if (info.statusCode() != 200) {
            return BodySubscribers.mapping(BodySubscribers.ofByteArray(), body -> {
                drop(CenterHttp.problem(info.statusCode(), info.headers().firstValue("Content-Type"), body));
                return null;
            });
        }
        http.listener().reachable();
        SseParser parser = new SseParser(this::event);
        AtomicBoolean announced = new AtomicBoolean();
        return BodySubscribers.fromLineSubscriber(new Flow.Subscriber<String>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                if (closed.get()) {
                    s.cancel();
                } else {
                    s.request(Long.MAX_VALUE);
                }
            }

            @Override
            public void onNext(String line) {
                // Open only once the center speaks: it flushes the headers before it registers the
                // watcher, and its first line (a comment) comes after that.
                if (announced.compareAndSet(false, true) && !closed.get()) {
                    listener.opened();
                }
                parser.line(line);
            }

            @Override
            public void onError(Throwable throwable) {
                // reported once through ended(...)
            }

            @Override
            public void onComplete() {
                // reported once through ended(...)
            }
        }, s -> null, StandardCharsets.UTF_8, null);
    }

    private void event(String name, String data) {
        if (!"seats".equals(name) || closed.get()) {
            return;
        }
        SeatChanges changes;
        try {
            changes = CenterHttp.readValue(data, SeatChanges.class);
        } catch (CenterResponseException e) {
            LOG.warn("skipping an unreadable live seat message: {}", e.getCause().toString());
            return;
        }
        http.listener().reachable();
        listener.changes(changes);
    }

    private void ended(HttpResponse<Void> response, Throwable failure) {
        if (closed.get() || dropped.get()) {
            return;
        }
        // without the live feed the screen is no longer current: the status bar shows offline
        http.listener().unreachable();
        drop(new CenterUnreachableException(http.base(), failure != null ? failure
                : new EOFException("the live seat stream ended (HTTP " + response.statusCode() + ")")));
    }

    private void drop(CenterException cause) {
        if (!closed.get() && dropped.compareAndSet(false, true)) {
            listener.dropped(cause);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            CompletableFuture<?> e = exchange;
            if (e != null) {
                e.cancel(true);
            }
        }
    }
}
