package dev.tessera.center.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.http.CenterRole;
import dev.tessera.center.security.CenterRoutes;
import dev.tessera.center.security.CenterRoutes.Route;
import dev.tessera.center.security.CenterWorld;
import dev.tessera.center.support.ApiClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every route of the center, with a signed-in role it admits, on fuzzed input: the input's first line names the
 * route ("POST /api/sales"; anything else picks one by hash), the rest is the JSON body, or for GET and DELETE the
 * last path parameter and a query after '?'. $EVENT, $HOLD, $TICKET, ... stand for real ids of the world. The center
 * answers 2xx or an RFC 9457 problem document, never a 5xx.
 */
class CenterJsonFuzzTest {
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Path dir;
    private static CenterWorld world;
    private static List<Route> routes;
    private static Map<CenterRole, String> tokens;
    private static Map<String, String> placeholders;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("center-fuzz");
        world = new CenterWorld(dir);
        // a stream never ends, and signing out would end the fuzzer's own sessions
        routes = CenterRoutes.documented().stream()
                .filter(r -> !r.stream() && !r.key().equals("DELETE /api/sessions")).toList();
        tokens = new EnumMap<>(CenterRole.class);
        for (CenterRole role : CenterRole.values()) {
            tokens.put(role, world.signIn(role).token());
        }
        Map<String, String> params = world.pathParams();
        placeholders = Map.of("$EVENT", params.get("eventId"), "$VENUE", params.get("venueId"),
                "$HOLD", params.get("holdId"), "$TICKET", params.get("ticketId"), "$CHIP", params.get("chipId"),
                "$TRANSFER", params.get("transferId"), "$TERMINAL", params.get("terminalId"),
                "$SELLER", Long.toString(world.sellerA.id()), "$MEMBER", Long.toString(world.memberA.id()));
    }

    @AfterAll
    static void stop() throws IOException {
        world.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void everyRouteAnswers2xxOrAProblem(byte[] input) throws IOException, InterruptedException {
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String name = newline < 0 ? text : text.substring(0, newline);
        String rest = newline < 0 ? "" : text.substring(newline + 1);
        Route route = routes.stream().filter(r -> r.key().equals(name)).findFirst()
                .orElse(routes.get(Math.floorMod(name.hashCode(), routes.size())));
        for (var p : placeholders.entrySet()) {
            rest = rest.replace(p.getKey(), p.getValue());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(route, rest)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json");
        if (!route.open()) {
            request.header("Authorization", "Bearer " + tokens.get(route.roles().iterator().next()));
        }
        request.method(route.method(), route.method().equals("POST")
                ? HttpRequest.BodyPublishers.ofString(rest, StandardCharsets.UTF_8) : HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> response;
        try (SilentCloseable _ = allowLoopbackOnly()) {
            response = send(request.build());
        }

        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertThat(status).as("%s %s -> %s", route, rest, response.body()).isLessThan(500);
        if (status >= 400) {
            assertThat(type).as("%s %s -> %d", route, rest, status).startsWith("application/problem+json");
            JsonNode problem = ApiClient.JSON.readTree(response.body());
            assertThat(problem.path("status").asInt()).isEqualTo(status);
            assertThat(problem.path("title").asText()).isNotBlank();
        } else if (!response.body().isEmpty()) {
            assertThat(type).as("%s -> %d", route, status).contains("json");
        }
    }

    /** One retry: a pooled keep-alive connection the server had already closed is no finding; a second failure is. */
    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException staleConnection) {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * The center is reached over loopback; any other connection stays a finding. Jazzer resets its network sanitizer
     * for every input, and installs it only with its agent, which a plain run may not have.
     */
    private static SilentCloseable allowLoopbackOnly() {
        try {
            return BugDetectors.allowNetworkConnections((host, port) -> host.equals("127.0.0.1") || host.equals("localhost"));
        } catch (IllegalStateException noSanitizerInThisRun) {
            return () -> { };
        }
    }

    /** POST: the route's own ids. GET and DELETE: the fuzzed text up to '?' as the last path parameter, then a query. */
    private static URI uri(Route route, String rest) {
        Map<String, String> params = new HashMap<>(world.pathParams());
        String query = "";
        if (!route.method().equals("POST")) {
            int q = rest.indexOf('?');
            String value = q < 0 ? rest : rest.substring(0, q);
            query = q < 0 ? "" : "?" + encodeQuery(rest.substring(q + 1));
            Matcher param = PARAM.matcher(route.path());
            String last = null;
            while (param.find()) {
                last = param.group(1);
            }
            if (last != null && !value.isEmpty()) {
                params.put(last, URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return world.fx.center.baseUri().resolve(route.concrete(params) + query);
    }

    /** Keeps a query's structure (= and &), percent-encodes everything else that is not plainly safe. */
    private static String encodeQuery(String query) {
        StringBuilder out = new StringBuilder();
        for (String part : query.split("(?<=[=&])|(?=[=&])")) {
            out.append(part.equals("=") || part.equals("&") ? part : URLEncoder.encode(part, StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
