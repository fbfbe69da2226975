package dev.tessera.center.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for tests: real requests to a real running center. */
public final class ApiClient {
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final URI base;
    private final HttpClient http;
    private final String token;

    public record Response(int status, String contentType, String body, JsonNode json,
                           java.util.Map<String, java.util.List<String>> headers) {
        public Response(int status, String contentType, String body, JsonNode json) {
            this(status, contentType, body, json, java.util.Map.of());
        }

        public JsonNode get(String field) {
            return json.path(field);
        }

        /** The first value of a response header, its name in any case. */
        public java.util.Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    public ApiClient(URI base) {
        this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), null);
    }

    private ApiClient(URI base, HttpClient http, String token) {
        this.base = base;
        this.http = http;
        this.token = token;
    }

    public String token() {
        return token;
    }

    public ApiClient as(String newToken) {
        return new ApiClient(base, http, newToken);
    }

    /** Signs in and returns a client that sends the session token. */
    public ApiClient login(String loginId, String password) {
        Response r = post("/api/sessions", java.util.Map.of("loginId", loginId, "password", password));
        if (r.status() != 201) {
            throw new IllegalStateException("login of " + loginId + " failed: " + r.status() + " " + r.body());
        }
        return as(r.get("token").asText());
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    public Response post(String path, Object body) {
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return postRaw(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A POST with an Idempotency-Key header. */
    public Response post(String path, Object body, String idempotencyKey) {
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(text)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response postRaw(String path, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Response send(HttpRequest.Builder builder) {
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.timeout(Duration.ofSeconds(60)).build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = MissingNode.getInstance();
            if (type.contains("json") && !response.body().isEmpty()) {
                json = JSON.readTree(response.body());
            }
            return new Response(response.statusCode(), type, response.body(), json, response.headers().map());
        } catch (IOException e) {
            // which request, and how long it waited: a connection the center closed says more with both
            throw new UncheckedIOException(new IOException("%s %s failed after %d ms: %s".formatted(request.method(),
                    request.uri(), (System.nanoTime() - started) / 1_000_000, e.getMessage()), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
