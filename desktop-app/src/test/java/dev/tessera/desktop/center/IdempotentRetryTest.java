package dev.tessera.desktop.center;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterApiTypes.Hold;
import dev.tessera.desktop.support.TestCenter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lost answer does not make the desktop sell or hold twice: between the client and a real embedded center sits a
 * proxy that lets the center do the work and then loses the answer (a dropped connection or a 502); the client sends
 * the same request with the same Idempotency-Key and gets the first answer.
 */
class IdempotentRetryTest {
    @TempDir
    static Path dataDir;
    static TestCenter center;
    static LossyProxy proxy;

    @BeforeAll
    static void start() throws IOException {
        center = TestCenter.start(dataDir);
        proxy = new LossyProxy(center.baseUri());
    }

    @AfterAll
    static void stop() {
        proxy.close();
        center.close();
    }

    @BeforeEach
    void reset() {
        proxy.forwarded.clear();
    }

    @Test
    void aHoldWhoseAnswerWasLostIsAskedForAgainWithTheSameKeyAndHeldOnce() {
        try (CenterClient terminal = new CenterClient(proxy.uri())) {
            CenterSession clerk = terminal.signIn(TestCenter.CLERK, TestCenter.CLERK_PASSWORD);
            EventInfo tempest = center.demoEvent(clerk);
            String seat = clerk.seats(tempest.id()).seats().get("FREE").getFirst();
            proxy.forwarded.clear();
            proxy.dropConnection.set(1);

            Hold hold = clerk.hold(tempest.id(), List.of(seat));

            assertThat(proxy.forwarded).as("the center saw the first request and its retry").hasSize(2);
            assertThat(Set.copyOf(proxy.forwarded)).as("one key for both").hasSize(1);
            assertThat(proxy.forwarded.getFirst()).isNotBlank();
            assertThat(clerk.activeHolds(tempest.id())).filteredOn(h -> h.seatIds().contains(seat))
                    .extracting(Hold::id).containsExactly(hold.id());

            proxy.forwarded.clear();
            proxy.badGateway.set(1);
            CounterApiTypes.SaleResult sale = clerk.confirmSale(new CounterApiTypes.ConfirmSale(hold.id(),
                    new CounterApiTypes.Customer("WALK_IN", null, null, null),
                    new CounterApiTypes.Payment("CASH", null, null), List.of()));
            assertThat(proxy.forwarded).hasSize(2);
            assertThat(Set.copyOf(proxy.forwarded)).hasSize(1);
            assertThat(sale.holdId()).isEqualTo(hold.id());
            assertThat(clerk.activeHolds(tempest.id())).extracting(Hold::id).doesNotContain(hold.id());
        }
    }

    @Test
    void aCenterThatKeepsFailingIsToldAfterThreeAttempts() {
        try (CenterClient terminal = new CenterClient(proxy.uri())) {
            CenterSession clerk = terminal.signIn(TestCenter.CLERK, TestCenter.CLERK_PASSWORD);
            EventInfo tempest = center.demoEvent(clerk);
            String seat = clerk.seats(tempest.id()).seats().get("FREE").getFirst();
            proxy.forwarded.clear();
            proxy.badGateway.set(10);
            assertThatThrownBy(() -> clerk.hold(tempest.id(), List.of(seat)))
                    .isInstanceOfSatisfying(CenterProblemException.class, p -> assertThat(p.status()).isEqualTo(502));
            proxy.badGateway.set(0);
            assertThat(proxy.forwarded).hasSize(CenterHttp.MAX_ATTEMPTS);
            assertThat(Set.copyOf(proxy.forwarded)).hasSize(1);
            // the work was done on the first attempt; the seller finds the hold and gives it back
            List<Hold> left = clerk.activeHolds(tempest.id()).stream().filter(h -> h.seatIds().contains(seat)).toList();
            assertThat(left).hasSize(1);
            clerk.releaseHold(left.getFirst().id());
            assertThat(clerk.activeHolds(tempest.id())).extracting(Hold::id).doesNotContain(left.getFirst().id());
        }
    }

    /** Forwards every request to the center; for the next POSTs it was told to, it loses the center's answer. */
    static final class LossyProxy implements AutoCloseable {
        final AtomicInteger dropConnection = new AtomicInteger();
        final AtomicInteger badGateway = new AtomicInteger();
        /** The Idempotency-Key of every POST forwarded to the center ("" for none). */
        final List<String> forwarded = new CopyOnWriteArrayList<>();
        private final URI target;
        private final HttpServer server;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        LossyProxy(URI target) throws IOException {
            this.target = target;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::forward);
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        private void forward(HttpExchange exchange) throws IOException {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                        .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
                for (String header : List.of("Authorization", "Content-Type", "Accept", "Idempotency-Key")) {
                    String value = exchange.getRequestHeaders().getFirst(header);
                    if (value != null) {
                        request.header(header, value);
                    }
                }
                boolean post = exchange.getRequestMethod().equals("POST")
                        && !exchange.getRequestURI().getPath().equals("/api/sessions");
                if (post) {
                    forwarded.add(java.util.Objects.requireNonNullElse(
                            exchange.getRequestHeaders().getFirst("Idempotency-Key"), ""));
                }
                HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (post && dropConnection.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    // the center did the work; the client gets a connection that ends without an answer
                    exchange.sendResponseHeaders(200, 1_000);
                    return;
                }
                if (post && badGateway.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    exchange.sendResponseHeaders(502, -1);
                    return;
                }
                answer.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().set("Content-Type", t));
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            http.shutdownNow();
        }
    }
}
