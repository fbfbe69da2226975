package dev.tessera.center.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.http.CenterRole;
import dev.tessera.center.security.CenterRoutes.Route;
import dev.tessera.center.support.ApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of docs/openapi.json × every role × {no token, garbage token, expired token, signed-out token, valid
 * token}: each invalid token gets 401, a valid token of a role outside the route's x-roles gets 403, and a valid token
 * of an admitted role gets neither. The documented routes are exactly the routes the center serves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixTest {
    private static final Duration SESSION_TTL = Duration.ofHours(12);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;

    private CenterWorld world;

    private enum Token { NONE, GARBAGE, EXPIRED, SIGNED_OUT, VALID }

    @BeforeAll
    void start() {
        world = new CenterWorld(dir);
    }

    @AfterAll
    void stop() {
        world.close();
    }

    @Test
    void everyRouteAdmitsExactlyItsRolesAndOnlyLiveSessions() {
        List<Route> routes = CenterRoutes.documented();
        assertThat(routes.stream().map(Route::key).sorted().toList())
                .as("the documented routes are the served routes").containsExactlyElementsOf(CenterRoutes.served(world.fx.center));

        Map<CenterRole, String> expired = new EnumMap<>(CenterRole.class);
        Map<CenterRole, String> signedOut = new EnumMap<>(CenterRole.class);
        for (CenterRole role : CenterRole.values()) {
            expired.put(role, world.signIn(role).token());
            ApiClient leaving = world.signIn(role);
            assertThat(leaving.delete("/api/sessions").status()).isEqualTo(204);
            signedOut.put(role, leaving.token());
        }
        world.fx.clock.advance(SESSION_TTL.plusMinutes(1));
        Map<CenterRole, ApiClient> valid = new EnumMap<>(CenterRole.class);
        for (CenterRole role : CenterRole.values()) {
            valid.put(role, world.signIn(role));
        }
        Map<String, String> params = world.pathParams();

        List<String> violations = new ArrayList<>();
        Map<String, int[]> outcomes = new TreeMap<>(); // "401", "403", "other" per token kind
        Map<Route, Map<CenterRole, Integer>> validStatus = new LinkedHashMap<>();
        Map<Route, int[]> refused = new HashMap<>(); // invalid-token requests answered 401
        int requests = 0;
        for (Route route : routes) {
            String path = route.concrete(params);
            if (route.open()) {
                int status = send(route, path, null);
                requests++;
                if (status == 401 || status == 403) {
                    violations.add(route + " is documented as open but answered " + status + " without a token");
                }
                continue;
            }
            for (CenterRole role : CenterRole.values()) {
                Map<Token, String> tokens = new EnumMap<>(Token.class);
                tokens.put(Token.NONE, null);
                tokens.put(Token.GARBAGE, "garbage-" + role + "-not-a-session-token");
                tokens.put(Token.EXPIRED, expired.get(role));
                tokens.put(Token.SIGNED_OUT, signedOut.get(role));
                // signing out a session kills it: that route gets a session of its own
                tokens.put(Token.VALID, route.key().equals("DELETE /api/sessions") ? world.signIn(role).token()
                        : valid.get(role).token());
                for (var entry : tokens.entrySet()) {
                    int status = send(route, path, entry.getValue());
                    requests++;
                    String cell = route + " as " + role + " with " + entry.getKey() + " token";
                    boolean admitted = route.roles().contains(role);
                    int expected = entry.getKey() != Token.VALID ? 401 : admitted ? -1 : 403;
                    if (expected == -1 ? status == 401 || status == 403 : status != expected) {
                        violations.add(cell + ": " + status + (expected == -1 ? ", an admitted role" : ", expected " + expected));
                    }
                    if (entry.getKey() == Token.VALID) {
                        validStatus.computeIfAbsent(route, r -> new EnumMap<>(CenterRole.class)).put(role, status);
                    } else if (status == 401) {
                        refused.computeIfAbsent(route, r -> new int[1])[0]++;
                    }
                    String kind = status == 401 ? "401" : status == 403 ? "403" : "other";
                    outcomes.computeIfAbsent(entry.getKey() + " " + kind, k -> new int[1])[0]++;
                }
            }
        }
        printSummary(routes, requests, outcomes, validStatus, refused);
        assertThat(violations).isEmpty();
        long open = routes.stream().filter(Route::open).count();
        assertThat(requests).isEqualTo(open + (routes.size() - open) * CenterRole.values().length * Token.values().length);
    }

    /** One row a route: the status each role's valid token got (* = admitted), and how many invalid tokens got 401. */
    private static void printSummary(List<Route> routes, int requests, Map<String, int[]> outcomes,
                                     Map<Route, Map<CenterRole, Integer>> validStatus, Map<Route, int[]> refused) {
        int invalidPerRoute = CenterRole.values().length * (Token.values().length - 1);
        StringBuilder out = new StringBuilder("security matrix: %d routes x %d roles x %d tokens, %d requests%n"
                .formatted(routes.size(), CenterRole.values().length, Token.values().length, requests));
        out.append(String.format("%-47s", "route (valid token: status, * admitted)"));
        for (CenterRole role : CenterRole.values()) {
            out.append(String.format(" %9s", role));
        }
        out.append("  invalid->401\n");
        for (Route r : routes) {
            out.append(String.format("%-47s", r.key()));
            if (r.open()) {
                out.append("  open to everybody\n");
                continue;
            }
            for (CenterRole role : CenterRole.values()) {
                out.append(String.format(" %9s", validStatus.get(r).get(role) + (r.roles().contains(role) ? "*" : " ")));
            }
            out.append(String.format("  %d/%d%n", refused.getOrDefault(r, new int[1])[0], invalidPerRoute));
        }
        outcomes.forEach((k, v) -> out.append(String.format("  %-20s %5d%n", k, v[0])));
        System.out.print(out);
    }

    /** The status of one request; a live stream is closed as soon as its status arrives. */
    private int send(Route route, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(world.fx.center.baseUri().resolve(path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (route.stream()) {
            request.header("Accept", "text/event-stream");
        }
        String body = route.jsonBody() ? "{}" : "";
        request.header("Content-Type", "application/json")
                .method(route.method(), route.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (!route.stream() || response.statusCode() != 200) {
                    in.readAllBytes();
                }
            }
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(route + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
