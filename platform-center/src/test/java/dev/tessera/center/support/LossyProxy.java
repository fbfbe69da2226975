package dev.tessera.center.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A proxy in front of a real center that loses answers on request: every request is forwarded and the center does the
 * work, then the answer of the next POSTs it was told to is lost (a connection that ends early, or a 502). What a
 * client's retries with Idempotency-Keys are tested against.
 */
public final class LossyProxy implements AutoCloseable {
    private final AtomicInteger dropConnection = new AtomicInteger();
    private final AtomicInteger badGateway = new AtomicInteger();
    /** The Idempotency-Key of every POST forwarded to the center ("" for none). */
    private final List<String> forwarded = new CopyOnWriteArrayList<>();
    private final URI target;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public LossyProxy(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    /** How many of the next POSTs lose their answer to a connection that ends early (the work was done). */
    public AtomicInteger dropConnection() {
        return dropConnection;
    }

    /** How many of the next POSTs answer 502 instead of the center's answer (the work was done). */
    public AtomicInteger badGateway() {
        return badGateway;
    }

    /** The Idempotency-Key of every POST (but sign-ins) forwarded to the center, "" for none, in order. */
    public List<String> forwarded() {
        return forwarded;
    }

    public URI uri() {
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
