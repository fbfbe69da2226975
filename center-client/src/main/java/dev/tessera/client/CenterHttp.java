package dev.tessera.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tessera.contract.problem.Problem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP client of the platform center, for the desktop, the reader terminals and the tests: JSON in and out as
 * center-contract's records, a bearer token per request, timeouts, the POSTs the center runs once per Idempotency-Key
 * sent again when their answer is lost, problem documents and dead connections as {@link CenterException}s. Thread
 * safe; every call blocks.
 */
public final class CenterHttp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CenterHttp.class);
    /**
     * Set (to true) by the build's test runs: a field the center sends that no record names is then an error, so a
     * record that has drifted from the center's contract fails the tests instead of losing the field silently.
     */
    public static final String STRICT_PROPERTY = "tessera.center.strictJson";
    /** Tolerant in the field (a newer center may add fields), strict under test. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(UtcTimes.module())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, Boolean.getBoolean(STRICT_PROPERTY))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    /** A problem document may carry extension members (RFC 9457 §3.2): read always tolerantly. */
    private static final ObjectReader PROBLEM = MAPPER.readerFor(Problem.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    /** docs/operations.md "Idempotency keys": a lost answer is asked for again, at most this many times in all. */
    public static final int MAX_ATTEMPTS = 3;
    /** The waits before the second and the third attempt. */
    static final List<Duration> BACKOFF = List.of(Duration.ofMillis(250), Duration.ofSeconds(1));
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String IN_FLIGHT = "idempotency-key-in-flight";

    /** How long a connection may take to open, and a request (but a live stream) to be answered. */
    public record Timeouts(Duration connect, Duration request) {
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));

        public Timeouts {
            Objects.requireNonNull(connect, "connect");
            Objects.requireNonNull(request, "request");
        }
    }

    private final URI base;
    private final Timeouts timeouts;
    // the client's own threads (answers, live stream callbacks), so that close() can wait for them
    private final ExecutorService callbacks;
    private final HttpClient http;
    private final ConnectionListener listener;

    public CenterHttp(URI base) {
        this(base, ConnectionListener.NONE, CenterTrust.SYSTEM);
    }

    public CenterHttp(URI base, ConnectionListener listener, CenterTrust trust) {
        this(base, listener, trust, Timeouts.DEFAULT);
    }

    /**
     * A client of the center at {@code base}, whose TLS certificate it accepts as {@code trust} says.
     *
     * @throws CenterAddress.PlainHttpException when {@code base} is an {@code http://} address off this computer
     */
    public CenterHttp(URI base, ConnectionListener listener, CenterTrust trust, Timeouts timeouts) {
        this.base = withoutTrailingSlash(CenterAddress.check(base));
        this.listener = Objects.requireNonNull(listener, "listener");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        AtomicInteger threads = new AtomicInteger();
        this.callbacks = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "center-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeouts.connect())
                .executor(callbacks)
                .sslContext(trust.sslContext())
                .build();
    }

    public URI base() {
        return base;
    }

    HttpClient client() {
        return http;
    }

    ConnectionListener listener() {
        return listener;
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(timeouts.request())
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /** @param token the session's bearer token, null for the few routes that need none */
    public <T> T get(String path, String token, JavaType type) {
        return read(send(request(path, token).GET().build()), type);
    }

    public String getText(String path, String token) {
        return new String(send(request(path, token).GET().build()).body(), StandardCharsets.UTF_8);
    }

    /**
     * A POST the center runs once per Idempotency-Key (the holds, sales, voids, refunds, exchanges, reprints,
     * transfers, shifts, seat releases and scans of docs/openapi.json): one fresh key for this logical request, sent
     * again with the same body when the answer is lost, so the work is done once whatever the network did.
     */
    public <T> T postOnce(String path, String token, Object body, JavaType type) {
        HttpRequest request = request(path, token).header("Content-Type", "application/json")
                .header(IDEMPOTENCY_KEY, UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(write(body))).build();
        return read(sendRetrying(request), type);
    }

    /** @param type the record the center answers with, or null to read no answer */
    public <T> T post(String path, String token, Object body, JavaType type) {
        return read(send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(write(body))).build()), type);
    }

    public void delete(String path, String token) {
        send(request(path, token).DELETE().build());
    }

    /**
     * The center's Server-Sent Events at {@code path}: each event named {@code eventName} read as {@code type} and
     * handed to {@code listener}; see {@link EventStream}.
     */
    public <T> EventStream<T> events(String path, String token, String eventName, Class<T> type,
                                     EventStream.Listener<T> listener) {
        return EventStream.open(this, path, token, eventName, type, listener);
    }

    public static JavaType type(Class<?> type) {
        return MAPPER.constructType(type);
    }

    public static JavaType listOf(Class<?> element) {
        return MAPPER.getTypeFactory().constructCollectionType(List.class, element);
    }

    public static JavaType mapOf(Class<?> key, Class<?> value) {
        return MAPPER.getTypeFactory().constructMapType(Map.class, key, value);
    }

    /**
     * Sends {@code request} (a POST with an Idempotency-Key, safe to repeat) and sends it again when no
     * answer came (connection lost, timeout), on a 5xx, or while the first request with its key still runs.
     */
    private HttpResponse<byte[]> sendRetrying(HttpRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return send(request);
            } catch (CenterUnreachableException | CenterProblemException e) {
                if (attempt >= MAX_ATTEMPTS || !worthRetrying(e) || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                Duration wait = BACKOFF.get(attempt - 1);
                LOG.info("{} {}: {}; again in {} ms with the same request (attempt {} of {})", request.method(),
                        request.uri().getPath(), e.getMessage(), wait.toMillis(), attempt + 1, MAX_ATTEMPTS);
                pause(wait, e);
            }
        }
    }

    /** A refused certificate is not worth another attempt: no retry makes the center show another one. */
    static boolean worthRetrying(CenterException e) {
        if (e instanceof CenterProblemException p) {
            return p.status() >= 500 || (p.status() == 409 && IN_FLIGHT.equals(p.kind()));
        }
        return e instanceof CenterUnreachableException && !(e instanceof CenterCertificateException);
    }

    private static void pause(Duration wait, CenterException failure) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (javax.net.ssl.SSLHandshakeException e) {
            listener.unreachable();
            throw new CenterCertificateException(base, e);
        } catch (IOException e) {
            listener.unreachable();
            throw new CenterUnreachableException(base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CenterUnreachableException(base, e);
        }
        listener.reachable();
        if (response.statusCode() / 100 != 2) {
            throw problem(response.statusCode(), response.body());
        }
        return response;
    }

    /** The center's problem document as an exception; a body that is no problem document (a proxy's 502) by status. */
    static CenterProblemException problem(int status, byte[] body) {
        try {
            Problem p = body.length == 0 ? null : PROBLEM.readValue(body);
            if (p != null && p.detail() != null) {
                return new CenterProblemException(status, Objects.requireNonNullElse(p.type(), "about:blank"),
                        p.title(), p.detail());
            }
        } catch (IOException e) {
            // not a problem document after all: described below by its status
        }
        return new CenterProblemException(status, "about:blank", "HTTP " + status,
                "the platform center answered with HTTP status " + status);
    }

    private static <T> T read(HttpResponse<byte[]> response, JavaType type) {
        if (type == null || response.body().length == 0) {
            return null;
        }
        try {
            return MAPPER.readValue(response.body(), type);
        } catch (IOException e) {
            throw new CenterResponseException("the platform center's answer to " + response.request().uri().getPath()
                    + " could not be read: " + e.getMessage(), e);
        }
    }

    /** A JSON text of the center's (a live message, a record kept in the terminal's ledger) as {@code type}. */
    public static <T> T readValue(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new CenterResponseException("a message from the platform center could not be read", e);
        }
    }

    public static String writeText(Object value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }

    private static byte[] write(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Paths are resolved against the base, so it must end with a slash-free authority. */
    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    /**
     * Aborts the exchanges under way (live streams too) and waits until the client's threads have ended, so no
     * callback (a live stream's drop, say) comes after this returns.
     */
    @Override
    public void close() {
        http.shutdownNow();
        try {
            boolean ended = http.awaitTermination(CLOSE_TIMEOUT);
            callbacks.shutdown();
            ended &= callbacks.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                LOG.warn("the HTTP client to {} still runs {} s after closing", base, CLOSE_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
