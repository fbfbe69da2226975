package dev.tessera.desktop.center;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tessera.desktop.center.CenterApiTypes.Problem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One HTTP exchange with the center: JSON in and out, problem documents and dead connections mapped to exceptions. */
final class CenterHttp {
    private static final Logger LOG = LoggerFactory.getLogger(CenterHttp.class);
    /**
     * Set (to true) by the build's test runs: a field the center sends that no desktop record names is then an error,
     * so a record that has drifted from the center's contract fails the tests instead of losing the field silently.
     */
    static final String STRICT_PROPERTY = "tessera.center.strictJson";
    /** Tolerant in the field (a newer center may add fields), strict under test. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, Boolean.getBoolean(STRICT_PROPERTY))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    /** docs/operations.md "Idempotency keys": a lost answer is asked for again, at most this many times in all. */
    static final int MAX_ATTEMPTS = 3;
    /** The waits before the second and the third attempt. */
    static final List<Duration> BACKOFF = List.of(Duration.ofMillis(250), Duration.ofSeconds(1));
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final URI base;
    // the client's own threads (answers, live stream callbacks), so that close() can wait for them
    private final ExecutorService callbacks;
    private final HttpClient http;
    private final ConnectionListener listener;

    CenterHttp(URI base, ConnectionListener listener) {
        this(base, listener, CenterTrust.SYSTEM);
    }

    CenterHttp(URI base, ConnectionListener listener, CenterTrust trust) {
        this.base = base;
        this.listener = listener;
        AtomicInteger threads = new AtomicInteger();
        this.callbacks = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "center-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .executor(callbacks)
                .sslContext(trust.sslContext())
                .build();
    }

    URI base() {
        return base;
    }

    HttpClient client() {
        return http;
    }

    ConnectionListener listener() {
        return listener;
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    <T> T get(String path, String token, JavaType type) {
        return read(send(request(path, token).GET().build()), type);
    }

    String getText(String path, String token) {
        return new String(send(request(path, token).GET().build()).body(), StandardCharsets.UTF_8);
    }

    /**
     * A POST the center runs once per Idempotency-Key (the holds, sales, voids, refunds, exchanges, reprints,
     * transfers, shifts, seat releases and scans of docs/openapi.json): one fresh key for this logical request, sent
     * again with the same body when the answer is lost, so the work is done once whatever the network did.
     */
    <T> T postOnce(String path, String token, Object body, JavaType type) {
        HttpRequest request = request(path, token).header("Content-Type", "application/json")
                .header(IDEMPOTENCY_KEY, UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(write(body))).build();
        return read(sendRetrying(request), type);
    }

    <T> T post(String path, String token, Object body, JavaType type) {
        return read(send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(write(body))).build()), type);
    }

    void delete(String path, String token) {
        send(request(path, token).DELETE().build());
    }

    static JavaType type(Class<?> type) {
        return MAPPER.constructType(type);
    }

    static JavaType listOf(Class<?> element) {
        return MAPPER.getTypeFactory().constructCollectionType(List.class, element);
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

    static boolean worthRetrying(CenterException e) {
        if (e instanceof CenterProblemException p) {
            return p.status() >= 500 || (p.status() == 409 && "idempotency-key-in-flight".equals(p.kind()));
        }
        return e instanceof CenterUnreachableException;
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
            throw problem(response.statusCode(), response.headers().firstValue("Content-Type"), response.body());
        }
        return response;
    }

    static CenterProblemException problem(int status, Optional<String> contentType, byte[] body) {
        if (contentType.map(t -> t.contains("json")).orElse(false)) {
            try {
                Problem p = MAPPER.readValue(body, Problem.class);
                if (p != null && p.detail() != null) {
                    return new CenterProblemException(status, p.type(), p.title(), p.detail());
                }
            } catch (IOException e) {
                // not a problem document after all: described below by its status
            }
        }
        return new CenterProblemException(status, "about:blank", "HTTP " + status,
                "the platform center answered with HTTP status " + status);
    }

    private <T> T read(HttpResponse<byte[]> response, JavaType type) {
        if (type == null) {
            return null;
        }
        try {
            return MAPPER.readValue(response.body(), type);
        } catch (IOException e) {
            throw new CenterResponseException("the platform center's answer to " + response.request().uri().getPath()
                    + " could not be read: " + e.getMessage(), e);
        }
    }

    static <T> T readValue(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new CenterResponseException("a message from the platform center could not be read", e);
        }
    }

    static String writeText(Object value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }

    private static byte[] write(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Aborts the exchanges under way (live streams too) and waits until the client's threads have ended, so no
     * callback (a live stream's drop, say) comes after this returns.
     */
    void close() {
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
