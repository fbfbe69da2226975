package dev.tessera.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.center.support.LossyProxy;
import dev.tessera.contract.account.Login;
import dev.tessera.contract.account.SignedIn;
import dev.tessera.contract.problem.Problem;
import dev.tessera.core.model.Hold;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.SampleVenues;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against a real center on H2, straight and through a proxy that lets the center do the work and then
 * loses its answer (a dropped connection or a 502).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CenterHttpTest {
    @TempDir
    static Path dir;
    CenterFixture fx;
    LossyProxy proxy;
    Account seller;
    EventSetup event;

    /** GET /health's answer with one of its two fields left out. */
    record HealthWithoutDatabase(String status) {}

    record Health(String status, String database) {}

    @BeforeAll
    void start() throws Exception {
        fx = new CenterFixture(CenterConfig.h2FileUrl(dir.resolve("center")), "tessera");
        proxy = new LossyProxy(fx.center.baseUri());
        seller = fx.account(Role.SELLER);
        event = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(SampleVenues.theatre(), 10)), Map.of());
    }

    @AfterAll
    void stop() {
        proxy.close();
        fx.close();
    }

    @BeforeEach
    void reset() {
        proxy.dropConnection().set(0);
        proxy.badGateway().set(0);
        proxy.forwarded().clear();
    }

    @Test
    void aRefusalIsAProblemExceptionWithTheCentersStatusTypeAndSentence() {
        try (CenterHttp http = new CenterHttp(fx.center.baseUri())) {
            assertThatThrownBy(() -> http.post("/api/sessions", null, new Login(seller.loginId(), "wrong"),
                    CenterHttp.type(SignedIn.class)))
                    .isInstanceOfSatisfying(CenterProblemException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.type()).startsWith(Problem.TYPE_BASE);
                        assertThat(e.kind()).isNotBlank();
                        assertThat(e.detail()).isNotBlank().isEqualTo(e.getMessage());
                    });
            String token = signIn(http);
            assertThatThrownBy(() -> http.get("/api/events/987654321", token, CenterHttp.type(Health.class)))
                    .isInstanceOfSatisfying(CenterProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
        }
    }

    @Test
    void aHoldWhoseAnswerWasDroppedIsSentAgainWithTheSameKeyAndHeldOnce() {
        try (CenterHttp http = new CenterHttp(proxy.uri())) {
            String token = signIn(http);
            int before = holds(http, token).size();
            proxy.forwarded().clear();
            proxy.dropConnection().set(1);

            Hold hold = http.postOnce("/api/events/" + event.eventId() + "/holds", token, bestAvailable(),
                    CenterHttp.type(Hold.class));

            assertThat(proxy.forwarded()).as("the center saw the first request and its retry").hasSize(2);
            assertThat(Set.copyOf(proxy.forwarded())).as("one key for both").hasSize(1);
            assertThat(proxy.forwarded().getFirst()).isNotBlank();
            assertThat(holds(http, token)).hasSize(before + 1).extracting(Hold::id).contains(hold.id());
        }
    }

    @Test
    void aCenterThatKeepsAnswering502IsToldAfterThreeAttemptsWithOneKey() {
        try (CenterHttp http = new CenterHttp(proxy.uri())) {
            String token = signIn(http);
            proxy.forwarded().clear();
            proxy.badGateway().set(10);

            assertThatThrownBy(() -> http.postOnce("/api/events/" + event.eventId() + "/holds", token,
                    bestAvailable(), CenterHttp.type(Hold.class)))
                    .isInstanceOfSatisfying(CenterProblemException.class, e -> {
                        assertThat(e.status()).isEqualTo(502);
                        assertThat(e.type()).isEqualTo("about:blank");
                    });
            assertThat(proxy.forwarded()).hasSize(CenterHttp.MAX_ATTEMPTS);
            assertThat(Set.copyOf(proxy.forwarded())).hasSize(1);
        }
    }

    @Test
    void aPlainPostIsNotSentAgainWhenItsAnswerIsLost() {
        try (CenterHttp http = new CenterHttp(proxy.uri())) {
            String token = signIn(http);
            proxy.forwarded().clear();
            proxy.badGateway().set(1);

            assertThatThrownBy(() -> http.post("/api/events/" + event.eventId() + "/holds", token, bestAvailable(),
                    CenterHttp.type(Hold.class)))
                    .isInstanceOfSatisfying(CenterProblemException.class, e -> assertThat(e.status()).isEqualTo(502));
            assertThat(proxy.forwarded()).as("sent once, without a key").containsExactly("");
        }
    }

    @Test
    void aPostOnceWhoseAnswerNeverComesTimesOutAndIsSentAgainWithTheSameKey() throws IOException {
        Duration request = Duration.ofMillis(300);
        try (SilentServer silent = new SilentServer();
             CenterHttp http = new CenterHttp(silent.uri(), ConnectionListener.NONE, CenterTrust.SYSTEM,
                     new CenterHttp.Timeouts(Duration.ofSeconds(5), request))) {
            assertThatThrownBy(() -> http.postOnce("/api/events/1/holds", "token", bestAvailable(),
                    CenterHttp.type(Hold.class)))
                    .isInstanceOf(CenterUnreachableException.class)
                    .hasRootCauseInstanceOf(HttpTimeoutException.class);
            assertThat(silent.keys()).hasSize(CenterHttp.MAX_ATTEMPTS);
            assertThat(Set.copyOf(silent.keys())).hasSize(1);
        }
    }

    @Test
    void underTestAFieldTheRecordDoesNotNameFailsTheRead() {
        assertThat(Boolean.getBoolean(CenterHttp.STRICT_PROPERTY)).as("the build sets " + CenterHttp.STRICT_PROPERTY)
                .isTrue();
        try (CenterHttp http = new CenterHttp(fx.center.baseUri())) {
            assertThat(http.<Health>get("/health", null, CenterHttp.type(Health.class)).status()).isEqualTo("up");
            assertThatThrownBy(() -> http.get("/health", null, CenterHttp.type(HealthWithoutDatabase.class)))
                    .isInstanceOf(CenterResponseException.class).hasMessageContaining("database");
        }
    }

    @Test
    @SuppressWarnings("rawtypes")
    void aLiveStreamHandsOnEachMessageOfItsNameAndIsNotDroppedByClosing() throws Exception {
        StreamHeard<Map> heard = new StreamHeard<>();
        try (CenterHttp http = new CenterHttp(fx.center.baseUri())) {
            String token = signIn(http);
            EventStream<Map> stream = http.events("/api/events/" + event.eventId() + "/seats/stream", token, "seats",
                    Map.class, heard);
            assertThat(heard.opened.await(10, TimeUnit.SECONDS)).as("opened").isTrue();

            Hold hold = http.postOnce("/api/events/" + event.eventId() + "/holds", token, bestAvailable(),
                    CenterHttp.type(Hold.class));

            Map message = heard.received.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("a seats message").isNotNull();
            assertThat(((Number) message.get("eventId")).longValue()).isEqualTo(event.eventId());
            assertThat(message.get("seats").toString()).contains(hold.seatIds().getFirst());
            stream.close();
        }
        assertThat(heard.dropped).as("closing is not a drop").isEmpty();
    }

    @Test
    void aStreamTheCenterRefusesIsDroppedOnceWithItsProblem() throws Exception {
        StreamHeard<Object> heard = new StreamHeard<>();
        try (CenterHttp http = new CenterHttp(fx.center.baseUri());
             EventStream<Object> _ = http.events("/api/events/" + event.eventId() + "/seats/stream", "not-a-token",
                     "seats", Object.class, heard)) {
            CenterException cause = heard.dropped.poll(10, TimeUnit.SECONDS);
            assertThat(cause).isInstanceOfSatisfying(CenterProblemException.class,
                    p -> assertThat(p.status()).isEqualTo(401));
        }
        assertThat(heard.dropped).as("dropped once").isEmpty();
        assertThat(heard.opened.getCount()).as("never opened").isEqualTo(1);
    }

    @Test
    void theConnectionListenerHearsWhetherTheCenterAnswered() {
        List<String> heard = new CopyOnWriteArrayList<>();
        ConnectionListener listener = new ConnectionListener() {
            @Override
            public void reachable() {
                heard.add("reachable");
            }

            @Override
            public void unreachable() {
                heard.add("unreachable");
            }
        };
        URI stopped = URI.create("http://127.0.0.1:" + freePort());
        try (CenterHttp up = new CenterHttp(fx.center.baseUri(), listener, CenterTrust.SYSTEM);
             CenterHttp down = new CenterHttp(stopped, listener, CenterTrust.SYSTEM)) {
            up.get("/health", null, CenterHttp.type(Health.class));
            assertThatThrownBy(() -> down.get("/health", null, CenterHttp.type(Health.class)))
                    .isInstanceOfSatisfying(CenterUnreachableException.class,
                            e -> assertThat(e.center()).isEqualTo(stopped));
        }
        assertThat(heard).containsExactly("reachable", "unreachable");
    }

    private String signIn(CenterHttp http) {
        SignedIn session = http.post("/api/sessions", null, new Login(seller.loginId(), seller.password()),
                CenterHttp.type(SignedIn.class));
        return session.token();
    }

    private List<Hold> holds(CenterHttp http, String token) {
        return http.get("/api/holds?eventId=" + event.eventId(), token, CenterHttp.listOf(Hold.class));
    }

    private Map<String, Object> bestAvailable() {
        return Map.of("bestAvailable", Map.of("count", 1, "categoryId", event.map().categories().getFirst().id()));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class StreamHeard<T> implements EventStream.Listener<T> {
        final CountDownLatch opened = new CountDownLatch(1);
        final BlockingQueue<T> received = new LinkedBlockingQueue<>();
        final BlockingQueue<CenterException> dropped = new LinkedBlockingQueue<>();

        @Override
        public void opened() {
            opened.countDown();
        }

        @Override
        public void received(T message) {
            received.add(message);
        }

        @Override
        public void dropped(CenterException cause) {
            dropped.add(cause);
        }
    }

    /** A server that reads each request's head and never answers: the network of a center that hangs. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<String> keys = new CopyOnWriteArrayList<>();
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final Thread acceptor = Thread.ofVirtual().start(this::accept);

        SilentServer() throws IOException {}

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        List<String> keys() {
            return keys;
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    open.add(client);
                    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                            StandardCharsets.US_ASCII));
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        if (line.regionMatches(true, 0, CenterHttp.IDEMPOTENCY_KEY + ":", 0,
                                CenterHttp.IDEMPOTENCY_KEY.length() + 1)) {
                            keys.add(line.substring(CenterHttp.IDEMPOTENCY_KEY.length() + 1).strip());
                        }
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : open) {
                s.close();
            }
            acceptor.interrupt();
        }
    }
}
