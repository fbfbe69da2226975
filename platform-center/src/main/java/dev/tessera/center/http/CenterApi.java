package dev.tessera.center.http;


import dev.tessera.center.Services;
import dev.tessera.center.account.Principal;
import dev.tessera.center.problem.DomainException;
import dev.tessera.contract.health.Health;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.tessera.contract.problem.Problem;

/**
 * The center's HTTP/JSON API (documented in docs/openapi.json): the server's settings, the authentication filter, the
 * mapping of every failure to a problem document, and the routes of each feature ({@code *Routes}). Every route under
 * /api names the roles it admits; the authentication filter refuses everybody else before the handler runs.
 */
public final class CenterApi {
    private static final Logger LOG = LoggerFactory.getLogger(CenterApi.class);
    /** Seat maps of 100,000 seats are several megabytes; every other body is small. */
    public static final long MAX_SEAT_MAP_BYTES = 32L * 1024 * 1024;
    public static final long MAX_BODY_BYTES = 64 * 1024;
    /** A journal push carries up to 500 entries. */
    public static final long MAX_JOURNAL_BYTES = 4L * 1024 * 1024;
    /** Longer than a healthy database ever takes to lend a connection, shorter than a probe's patience. */
    private static final Duration HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final Services s;
    private final String openApi;
    private final IdempotentRequests idempotent;

    /** Routes to the services {@link Services#wire} built; it builds none of its own. */
    public CenterApi(Services services) {
        this.s = services;
        this.openApi = loadOpenApi();
        this.idempotent = new IdempotentRequests(services.idempotency());
    }

    public void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = MAX_SEAT_MAP_BYTES;
        // RFC 9110 §15.5.6: a path that exists under another method is 405 with Allow, not 404
        config.http.prefer405over404 = true;
        // requests Jetty refuses before routing (found by CenterJsonFuzzTest) answer with a problem document too
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(new ProblemErrorHandler());
            // Javalin attaches its servlet context inside this wrapper: every request passes the limit first
            server.setHandler(new BodyLimitHandler(CenterApi::bodyLimitOf));
        });
        config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new ProblemErrorHandler()));
        config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        RoutesConfig r = config.routes;
        r.beforeMatched(this::authenticate);
        r.exception(ApiException.class, (e, ctx) -> problem(ctx, e));
        r.exception(DomainException.class, (e, ctx) -> problem(ctx, ApiException.of(e)));
        // A value the checks above missed and the database refused: the client's fault, not ours.
        r.exception(DataAccessException.class, (e, ctx) -> {
            String state = e.sqlState();
            if (state != null && state.startsWith("22")) {
                problem(ctx, ApiException.badRequest("a value is too long or out of range for the center"));
            } else if (state != null && state.startsWith("23")) {
                problem(ctx, ApiException.conflict("constraint", "the change conflicts with data the center holds"));
            } else {
                internalError(ctx, e);
            }
        });
        r.exception(Exception.class, (e, ctx) -> internalError(ctx, e));
        r.exception(MethodNotAllowedResponse.class, (e, ctx) -> {
            String allowed = e.getDetails().getOrDefault("availableMethods", "");
            ctx.header("Allow", allowed);
            problem(ctx, new ApiException(405, "method-not-allowed", "Method not allowed",
                    ctx.method() + " is not allowed on " + ctx.path() + "; it takes " + allowed));
        });
        r.error(404, ctx -> problemIfEmpty(ctx, ApiException.notFound("there is no " + ctx.method() + " " + ctx.path())));
        r.error(405, ctx -> problemIfEmpty(ctx, new ApiException(405, "method-not-allowed", "Method not allowed",
                ctx.method() + " is not allowed on " + ctx.path())));
        r.error(413, ctx -> problemIfEmpty(ctx, ApiException.tooLarge("the body exceeds " + MAX_SEAT_MAP_BYTES + " bytes")));

        Routes routes = new Routes(r, idempotent);
        routes.route(Endpoints.HEALTH, (ctx, none) -> health(ctx));
        routes.route(Endpoints.API_DESCRIPTION, (ctx, none) -> {
            ctx.contentType("application/json").result(openApi);
            return null;
        });
        // one class of routes per feature, each naming the roles every route admits
        AccountRoutes.register(routes, s);
        TerminalRoutes.register(routes, s);
        VenueRoutes.register(routes, s);
        EventRoutes.register(routes, s);
        SaleRoutes.register(routes, s);
        MemberRoutes.register(routes, s);
        TransferRoutes.register(routes, s);
        GateRoutes.register(routes, s);
        ChipKeyRoutes.register(routes, s);
        ShiftRoutes.register(routes, s);
        AfterSalesRoutes.register(routes, s);
        InternetSaleRoutes.register(routes, s);
    }

    /** Up only while the database answers: a center whose database is gone says so rather than looking alive. */
    private Health health(Context ctx) {
        if (s.db().answers(HEALTH_CHECK_TIMEOUT)) {
            return new Health(Health.State.UP, s.db().dialect().name());
        }
        ctx.status(503).header("Retry-After", Outages.RETRY_AFTER_SECONDS);
        return new Health(Health.State.DOWN, "unavailable");
    }

    private void authenticate(Context ctx) {
        var roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            return;
        }
        Principal principal = s.accounts().authenticate(Api.bearer(ctx));
        if (!roles.contains(CenterRole.of(principal.role()))) {
            throw ApiException.forbidden("a " + principal.role().name().toLowerCase(java.util.Locale.ROOT)
                    + " account may not use " + ctx.method() + " " + ctx.path());
        }
        ctx.attribute(Api.PRINCIPAL, principal);
    }

    /** Seat maps and journal pushes are large by nature; every other body is small. */
    static long bodyLimitOf(String path) {
        return path.endsWith("/seat-maps") ? MAX_SEAT_MAP_BYTES : path.endsWith("/journal") ? MAX_JOURNAL_BYTES
                : MAX_BODY_BYTES;
    }

    private static void internalError(Context ctx, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.HttpException http && http.getCode() == BodyLimitHandler.CONTENT_TOO_LARGE) {
                problem(ctx, ApiException.tooLarge(t.getMessage()));
                return;
            }
        }
        if (Outages.databaseAway(e)) {
            LOG.warn("database unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", Outages.RETRY_AFTER_SECONDS);
            problem(ctx, Outages.databaseUnavailable());
            return;
        }
        if (Outages.clientHungUp(e)) {
            LOG.info("the client hung up during {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            problem(ctx, ApiException.badRequest("the request ended before its body was complete"));
            return;
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("internal error {} on {} {}", reference, ctx.method(), ctx.path(), e);
        problem(ctx, new ApiException(500, "internal", "Internal error",
                "the center could not complete the request; quote reference " + reference));
    }

    private static void problem(Context ctx, ApiException e) {
        if (e.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"tessera\"");
        }
        if (e.retryAfterSeconds() > 0) {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        ctx.status(e.status()).contentType(Problem.CONTENT_TYPE)
                .result(writeProblem(e.problem(ctx.path())));
    }

    private static void problemIfEmpty(Context ctx, ApiException e) {
        String type = ctx.res().getContentType();
        if (type == null || !type.startsWith(Problem.CONTENT_TYPE)) {
            problem(ctx, e);
        }
    }

    static String writeProblem(Problem p) {
        try {
            return Json.MAPPER.writeValueAsString(p);
        } catch (IOException e) {
            throw new IllegalStateException("a problem record always serializes", e);
        }
    }

    private static String loadOpenApi() {
        try (InputStream in = CenterApi.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read openapi.json", e);
        }
    }
}
