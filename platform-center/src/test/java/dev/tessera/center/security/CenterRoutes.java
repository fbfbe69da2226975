package dev.tessera.center.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.PlatformCenter;
import dev.tessera.center.http.CenterApi;
import dev.tessera.center.http.CenterRole;
import dev.tessera.center.support.ApiClient;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The center's routes as docs/openapi.json documents them, and the routes its Javalin router really serves. */
public final class CenterRoutes {
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** One operation; {@code roles} empty means the route is open to everybody. */
    public record Route(String method, String path, Set<CenterRole> roles, boolean jsonBody) {
        public boolean open() {
            return roles.isEmpty();
        }

        public boolean stream() {
            return path.endsWith("/stream");
        }

        /** The path with every {param} replaced by the value the caller gives for it. */
        public String concrete(Map<String, String> params) {
            Matcher m = PARAM.matcher(path);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = params.get(m.group(1));
                if (value == null) {
                    throw new IllegalArgumentException("no value for {" + m.group(1) + "} of " + this);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            return m.appendTail(out).toString();
        }

        public String key() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    private CenterRoutes() {}

    /** Every operation of docs/openapi.json (as the center ships it on its class path), in document order. */
    public static List<Route> documented() {
        JsonNode paths;
        try (InputStream in = CenterApi.class.getResourceAsStream("/openapi.json")) {
            paths = ApiClient.JSON.readTree(in).path("paths");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Route> routes = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String method = op.getKey().toUpperCase(Locale.ROOT);
            if (!HTTP_METHODS.contains(method)) {
                return;
            }
            Set<CenterRole> roles = EnumSet.noneOf(CenterRole.class);
            op.getValue().path("x-roles").forEach(role -> roles.add(CenterRole.valueOf(role.asText())));
            routes.add(new Route(method, path.getKey(), roles, op.getValue().has("requestBody")));
        }));
        return routes;
    }

    /** "METHOD /path" of every HTTP route the center's router registers. */
    public static Set<String> served(PlatformCenter center) {
        Javalin app = Javalin.create(cfg -> new CenterApi(center.services()).configure(cfg));
        Set<String> routes = new TreeSet<>();
        app.unsafe.internalRouter.allHttpHandlers().forEach(parsed -> {
            var endpoint = parsed.endpoint;
            if (HTTP_METHODS.contains(endpoint.method.name())) {
                routes.add(endpoint.method.name() + " " + endpoint.path);
            }
        });
        return routes;
    }
}
