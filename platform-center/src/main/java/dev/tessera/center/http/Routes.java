package dev.tessera.center.http;

import static dev.tessera.center.http.CenterRole.GATE;
import static dev.tessera.center.http.CenterRole.MANAGER;
import static dev.tessera.center.http.CenterRole.ORGANIZER;
import static dev.tessera.center.http.CenterRole.SELLER;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;

/** Where the feature classes ({@code *Routes}) register their endpoints: the one way a route gets into the API. */
final class Routes {
    static final CenterRole[] STAFF = {ORGANIZER, SELLER, MANAGER, GATE};
    static final CenterRole[] ANYONE = CenterRole.values();

    private final RoutesConfig config;
    private final IdempotentRequests idempotent;

    Routes(RoutesConfig config, IdempotentRequests idempotent) {
        this.config = config;
        this.idempotent = idempotent;
    }

    /**
     * Registers {@code endpoint}: its method and path, the record its body is read into, the status and the record it
     * answers with, the roles it admits. Every route of the API goes through here, so {@link Endpoints} is what runs.
     */
    <Q, R> void route(Endpoint<Q, R> endpoint, Endpoint.Handler<Q, R> handler, CenterRole... roles) {
        Handler h;
        if (Endpoints.IDEMPOTENT.contains(endpoint)) {
            // exactly-once: the JSON answer is written here, so the first one can be kept for a retry with the same key
            com.fasterxml.jackson.databind.ObjectWriter writer =
                    Json.MAPPER.writerFor(endpoint.response().types().getFirst());
            boolean keyWithWork = Endpoints.KEY_WITH_WORK.contains(endpoint);
            h = ctx -> idempotent.handle(ctx, endpoint.status(), writer::writeValueAsString,
                    () -> handler.handle(ctx, Json.body(ctx, endpoint.request().rawClass())), keyWithWork);
        } else {
            h = ctx -> {
                Q body = endpoint.request().kind() == Endpoint.Kind.JSON ? Json.body(ctx, endpoint.request().rawClass()) : null;
                ctx.status(endpoint.status());
                R result = handler.handle(ctx, body);
                switch (endpoint.response().kind()) {
                    case JSON, ONE_OF -> json(ctx, result);
                    case NONE, RAW, EVENT_STREAM -> {
                        // no body, or one the handler wrote itself
                    }
                }
            };
        }
        switch (endpoint.method()) {
            case "GET" -> config.get(endpoint.path(), h, roles);
            case "POST" -> config.post(endpoint.path(), h, roles);
            case "DELETE" -> config.delete(endpoint.path(), h, roles);
            default -> throw new IllegalArgumentException("no " + endpoint.method() + " routes: " + endpoint);
        }
    }

    /**
     * The answer as JSON, as {@code ctx.json} writes it (a String is taken as JSON already), but encoded to UTF-8 by
     * Jackson as it writes, not written as a Java string and encoded again (issue 13: a page of the sales log is
     * megabytes, and its JSON was a seventh of the center's work in a print of the log).
     */
    private static void json(io.javalin.http.Context ctx, Object result) throws java.io.IOException {
        ctx.contentType(io.javalin.http.ContentType.APPLICATION_JSON);
        if (result instanceof String text) {
            ctx.result(text);
        } else {
            ctx.result(Json.MAPPER.writeValueAsBytes(result));
        }
    }
}
