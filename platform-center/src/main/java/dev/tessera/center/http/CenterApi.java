package dev.tessera.center.http;

import static dev.tessera.center.http.CenterRole.GATE;
import static dev.tessera.center.http.CenterRole.MANAGER;
import static dev.tessera.center.http.CenterRole.MEMBER;
import static dev.tessera.center.http.CenterRole.ORGANIZER;
import static dev.tessera.center.http.CenterRole.SELLER;

import dev.tessera.center.Services;
import dev.tessera.center.account.AccountService;
import dev.tessera.center.account.Principal;
import dev.tessera.center.chipkeys.ChipKeyService;
import dev.tessera.center.chipkeys.ChipSessionService;
import dev.tessera.center.event.EventService.AuthorizeSeller;
import dev.tessera.center.event.EventService.RegisterEvent;
import dev.tessera.center.live.SeatStatusFeed;
import dev.tessera.center.gate.GateService.Scan;
import dev.tessera.center.member.MemberService.RegisterChip;
import dev.tessera.center.member.MemberService.RegisterMember;
import dev.tessera.center.sales.HoldService.HoldRequest;
import dev.tessera.center.sales.SaleService.ConfirmSale;
import dev.tessera.center.sales.AfterSalesService;
import dev.tessera.center.sales.SaleService;
import dev.tessera.center.sales.TicketFactory;
import dev.tessera.center.sales.VoidService;
import dev.tessera.center.saleslog.SalesLogService.Filter;
import dev.tessera.center.shift.ShiftService;
import dev.tessera.center.terminal.TerminalService;
import dev.tessera.center.transfer.TransferService.AcceptTransfer;
import dev.tessera.center.transfer.TransferService.StartTransfer;
import dev.tessera.core.model.Chip;
import dev.tessera.core.model.Event;
import dev.tessera.core.model.EventStatus;
import dev.tessera.core.model.Hold;
import dev.tessera.core.model.Role;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.javalin.http.sse.SseHandler;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The center's HTTP/JSON API (documented in docs/openapi.json). Every route under /api names the
 * roles it admits; the authentication filter refuses everybody else before the handler runs.
 */
public final class CenterApi {
    private static final Logger LOG = LoggerFactory.getLogger(CenterApi.class);
    /** Seat maps of 100,000 seats are several megabytes; every other body is small. */
    public static final long MAX_SEAT_MAP_BYTES = 32L * 1024 * 1024;
    public static final long MAX_BODY_BYTES = 64 * 1024;
    /** A journal push carries up to 500 entries. */
    public static final long MAX_JOURNAL_BYTES = 4L * 1024 * 1024;
    private static final CenterRole[] STAFF = {ORGANIZER, SELLER, MANAGER, GATE};
    private static final CenterRole[] ANYONE = CenterRole.values();
    /** Longer than a healthy database ever takes to lend a connection, shorter than a probe's patience. */
    private static final Duration HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final Services s;
    private final String openApi;
    private final ChipKeyService chipKeys;
    private final ChipSessionService chipSessions;
    private final ShiftService shifts;
    private final AfterSalesService afterSales;

    public CenterApi(Services services) {
        this.s = services;
        this.openApi = loadOpenApi();
        this.chipKeys = services.chipKeys();
        this.chipSessions = new ChipSessionService(services.db(), services.clock(), chipKeys);
        this.shifts = new ShiftService(services.db(), java.time.Clock.systemUTC());
        this.afterSales = new AfterSalesService(services.db(), new TicketFactory(services.keys()), java.time.Clock.systemUTC());
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

        r.get("/health", this::health);
        r.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));

        accounts(r);
        terminals(r);
        venues(r);
        events(r);
        sales(r);
        members(r);
        transfers(r);
        gate(r);
        chipKeys(r);
        shifts(r);
        afterSales(r);
    }

    /** Up only while the database answers: a center whose database is gone says so rather than looking alive. */
    private void health(Context ctx) {
        if (s.db().answers(HEALTH_CHECK_TIMEOUT)) {
            ctx.json(Map.of("status", "up", "database", s.db().dialect().name()));
        } else {
            ctx.status(503).header("Retry-After", Outages.RETRY_AFTER_SECONDS)
                    .json(Map.of("status", "down", "database", "unavailable"));
        }
    }

    // issue 5: after-sales at the counter, every step with a reason in the audit trail
    private void afterSales(RoutesConfig r) {
        r.get("/api/sales", ctx -> ctx.json(afterSales.find(Api.principal(ctx), new AfterSalesService.Lookup(
                Api.queryId(ctx, "saleId"), ctx.queryParam("ticketId"), ctx.queryParam("chipId")))), SELLER, MANAGER);
        r.post("/api/exchanges", ctx -> ctx.status(201).json(s.sales().exchange(Api.principal(ctx),
                Json.body(ctx, SaleService.Exchange.class))), SELLER);
        r.post("/api/tickets/{ticketId}/reprints", ctx -> ctx.status(201).json(afterSales.reprint(Api.principal(ctx),
                ctx.pathParam("ticketId"), Json.body(ctx, AfterSalesService.Reprint.class))), SELLER, MANAGER);
        r.get("/api/sales-log/adjustments", ctx -> {
            Long seller = Api.sellerFilter(ctx, "sales");
            ctx.json(afterSales.adjustments(instant(ctx, "from"), instant(ctx, "to"), seller, Api.queryId(ctx, "eventId")));
        }, SELLER, MANAGER, ORGANIZER);
    }

    // issue 5: a seller's shift at a terminal, from the counted float to the closing count
    private void shifts(RoutesConfig r) {
        r.get("/api/currencies/{currency}/denominations", ctx -> ctx.json(
                ShiftService.denominations(ctx.pathParam("currency"))), SELLER, MANAGER, ORGANIZER);
        r.post("/api/shifts", ctx -> ctx.status(201).json(shifts.open(Api.principal(ctx),
                Json.body(ctx, ShiftService.OpenShift.class))), SELLER);
        r.get("/api/shifts", ctx -> {
            Long seller = Api.sellerFilter(ctx, "shifts");
            ctx.json(shifts.list(new ShiftService.Filter(seller, instant(ctx, "from"), instant(ctx, "to"),
                    ctx.queryParam("status"))));
        }, SELLER, MANAGER, ORGANIZER);
        r.get("/api/shifts/{shiftId}", ctx -> ctx.json(shifts.shift(Api.principal(ctx), Api.pathId(ctx, "shiftId"))),
                SELLER, MANAGER, ORGANIZER);
        r.post("/api/shifts/{shiftId}/close", ctx -> ctx.json(shifts.close(Api.principal(ctx), Api.pathId(ctx, "shiftId"),
                Json.body(ctx, ShiftService.CloseShift.class))), SELLER);
    }

    // claims 35, 72: keys stay at the center. Sessions relayed for entitled callers, a blank card's keys once for
    // PERSONALIZE, the audit of every key use; gate packages (gate keys of one event's chips) for offline gates
    private void chipKeys(RoutesConfig r) {
        r.post("/api/chip-sessions", ctx -> ctx.json(chipSessions.open(Api.principal(ctx),
                Json.body(ctx, ChipSessionService.SessionRequest.class))), ANYONE);
        r.post("/api/chip-personalizations", ctx -> ctx.status(201).json(chipSessions.personalize(Api.principal(ctx),
                Json.body(ctx, ChipSessionService.PersonalizationRequest.class))), SELLER);
        r.get("/api/chips/{chipId}/key-uses", ctx -> ctx.json(chipSessions.uses(ctx.pathParam("chipId"))), MANAGER);
        r.get("/api/events/{eventId}/gate-package", ctx -> {
            long eventId = s.events().event(Api.pathId(ctx, "eventId")).id();
            ctx.json(chipKeys.gatePackage(eventId));
        }, GATE);
    }

    private void accounts(RoutesConfig r) {
        record Login(String loginId, String password) {}
        record NewAccount(String loginId, String password, Role role, String displayName) {}
        r.post("/api/sessions", ctx -> {
            Login login = Json.body(ctx, Login.class);
            AccountService.Session session = s.accounts().login(login.loginId(),
                    login.password() == null ? null : login.password().toCharArray());
            ctx.status(201).json(Map.of("token", session.token(), "account", session.principal(),
                    "expiresAt", session.expiresAt()));
        });
        r.delete("/api/sessions", ctx -> {
            s.accounts().logout(bearer(ctx));
            ctx.status(204);
        }, ANYONE);
        r.get("/api/me", ctx -> ctx.json(Api.principal(ctx)), ANYONE);
        r.post("/api/accounts", ctx -> {
            NewAccount a = Json.body(ctx, NewAccount.class);
            if (a.role() == null || a.password() == null) {
                throw ApiException.badRequest("role and password are required");
            }
            long id = s.accounts().create(a.loginId(), a.password().toCharArray(), a.role(), a.displayName());
            ctx.status(201).json(s.accounts().find(id));
        }, ORGANIZER);
        r.get("/api/accounts", ctx -> {
            String role = ctx.queryParam("role");
            Role filter;
            try {
                filter = role == null ? null : Role.valueOf(role);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("role must be one of " + List.of(Role.values()));
            }
            ctx.json(s.accounts().list(filter));
        }, ORGANIZER, MANAGER);
    }

    private void terminals(RoutesConfig r) {
        r.post("/api/terminals", ctx -> ctx.status(201).json(s.terminals().register(Api.principal(ctx).accountId(),
                Json.body(ctx, TerminalService.RegisterTerminal.class))), SELLER);
        r.get("/api/terminals/{terminalId}", ctx -> ctx.json(s.terminals().find(Api.principal(ctx).accountId(),
                ctx.pathParam("terminalId"))), SELLER);
        r.post("/api/terminals/{terminalId}/journal", ctx -> ctx.json(s.terminals().push(Api.principal(ctx).accountId(),
                ctx.pathParam("terminalId"), Json.body(ctx, TerminalService.Push.class))), SELLER);
        r.post("/api/tickets/{ticketId}/void", ctx -> ctx.json(s.voids().voidTicket(Api.principal(ctx),
                ctx.pathParam("ticketId"), Json.body(ctx, VoidService.VoidTicket.class))), SELLER, MANAGER);
    }

    private void venues(RoutesConfig r) {
        record NewVenue(String name, String address) {}
        r.post("/api/venues", ctx -> {
            NewVenue v = Json.body(ctx, NewVenue.class);
            try {
                ctx.status(201).json(s.venues().create(Api.principal(ctx).accountId(), v.name(), v.address()));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        }, ORGANIZER);
        r.get("/api/venues", ctx -> ctx.json(s.venues().list()), STAFF);
        r.get("/api/venues/{venueId}", ctx -> ctx.json(s.venues().venue(Api.pathId(ctx, "venueId"))), STAFF);
        r.post("/api/venues/{venueId}/seat-maps", ctx -> {
            long venueId = Api.pathId(ctx, "venueId");
            String document = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
            int version = s.venues().addSeatMap(venueId, document);
            ctx.status(201).json(Map.of("venueId", venueId, "version", version,
                    "seatCount", s.venues().seatMap(venueId, version).seatCount()));
        }, ORGANIZER);
        r.get("/api/venues/{venueId}/seat-maps/{version}", ctx -> {
            int version = (int) Api.pathId(ctx, "version");
            ctx.contentType("application/json").result(s.venues().seatMapDocument(Api.pathId(ctx, "venueId"), version));
        }, ANYONE);
    }

    private void events(RoutesConfig r) {
        r.post("/api/events", ctx -> ctx.status(201).json(
                s.events().register(Api.principal(ctx).accountId(), Json.body(ctx, RegisterEvent.class))), ORGANIZER);
        r.get("/api/events", ctx -> {
            Role role = Api.principal(ctx).role();
            ctx.json(s.events().list(role != Role.ORGANIZER && role != Role.MANAGER));
        }, ANYONE);
        r.get("/api/events/{eventId}", ctx -> ctx.json(visibleEvent(ctx)), ANYONE);
        r.post("/api/events/{eventId}/publish", ctx -> ctx.json(s.events().publish(Api.pathId(ctx, "eventId"))), ORGANIZER);
        r.post("/api/events/{eventId}/authorizations", ctx -> ctx.status(201).json(
                s.events().authorize(Api.pathId(ctx, "eventId"), Json.body(ctx, AuthorizeSeller.class))), ORGANIZER);
        r.post("/api/events/{eventId}/authorizations/{sellerId}/release", ctx -> ctx.json(s.events().release(
                Api.pathId(ctx, "eventId"), Api.pathId(ctx, "sellerId"), Json.body(ctx, dev.tessera.center.event.EventService.ReleaseSeats.class))),
                ORGANIZER);
        r.get("/api/events/{eventId}/authorizations", ctx -> ctx.json(
                s.events().authorizations(Api.pathId(ctx, "eventId"))), ORGANIZER, MANAGER, GATE);
        r.get("/api/events/{eventId}/authorizations/me", ctx -> ctx.json(
                s.events().authorization(Api.pathId(ctx, "eventId"), Api.principal(ctx).accountId())), SELLER);
        r.get("/api/events/{eventId}/ticket-master", ctx -> ctx.json(
                s.events().ticketMaster(Api.pathId(ctx, "eventId"))), ORGANIZER, MANAGER);
        r.get("/api/events/{eventId}/seats", ctx -> {
            Event event = visibleEvent(ctx);
            Principal p = Api.principal(ctx);
            Long since = Api.queryRevision(ctx, "since");
            if (since != null) {
                ctx.json(s.availability().since(event.id(), since));
            } else {
                ctx.json(s.availability().snapshot(event.id(), p.role() == Role.SELLER ? p.accountId() : null));
            }
        }, ANYONE);
        r.get("/api/events/{eventId}/seats/stream", ctx -> {
            // the same rules as the event itself (a draft is the organizer's and the manager's only), and the watcher
            // is in place before the 200 goes out: a change made the moment the client sees it is on the stream
            long eventId = visibleEvent(ctx).id();
            if (!"text/event-stream".equals(ctx.header("Accept"))) {
                throw new ApiException(406, "not-acceptable", "Not acceptable",
                        "the live stream answers only requests with Accept: text/event-stream");
            }
            SeatStatusFeed.Watcher watcher = s.feed().watch(eventId);
            try {
                long startsAfter = s.availability().latestRevision(eventId);
                new SseHandler(0, client -> s.feed().attach(watcher, client, startsAfter)).handle(ctx);
            } catch (RuntimeException e) {
                watcher.cancel();
                throw e;
            }
        }, ANYONE);
        r.get("/api/events/{eventId}/revocations", ctx -> {
            Long after = Api.queryId(ctx, "after");
            ctx.json(s.gate().revocations(Api.pathId(ctx, "eventId"), after == null ? 0 : after));
        }, GATE, SELLER, ORGANIZER);
    }

    private Event visibleEvent(Context ctx) {
        Event event = s.events().event(Api.pathId(ctx, "eventId"));
        Role role = Api.principal(ctx).role();
        if (event.status() == EventStatus.DRAFT && role != Role.ORGANIZER && role != Role.MANAGER) {
            throw ApiException.notFound("no event " + event.id());
        }
        return event;
    }

    private void sales(RoutesConfig r) {
        r.post("/api/events/{eventId}/holds", ctx -> {
            Hold hold = s.holds().hold(Api.principal(ctx).accountId(), Api.pathId(ctx, "eventId"),
                    Json.body(ctx, HoldRequest.class));
            ctx.status(201).json(hold);
        }, SELLER);
        r.get("/api/holds/{holdId}", ctx -> ctx.json(ownHold(ctx)), SELLER);
        r.delete("/api/holds/{holdId}", ctx -> {
            s.holds().release(Api.principal(ctx).accountId(), Api.pathId(ctx, "holdId"));
            ctx.status(204);
        }, SELLER);
        // issue 15: a fresh challenge for a member card's INTERNAL AUTHENTICATE, single use, bound to the caller
        r.post("/api/chip-challenges", ctx -> ctx.status(201).json(
                s.members().issueChallenge(Api.principal(ctx).accountId())), SELLER, GATE);
        r.post("/api/sales", ctx -> ctx.status(201).json(
                s.sales().confirm(Api.principal(ctx).accountId(), Json.body(ctx, ConfirmSale.class))), SELLER);
        r.get("/api/sales-log", ctx -> {
            Long seller = Api.sellerFilter(ctx, "sales");
            String payment = ctx.queryParam("payment");
            if (payment != null && !List.of("CASH", "CARD", "INVOICE").contains(payment)) {
                throw ApiException.badRequest("payment must be CASH, CARD or INVOICE");
            }
            ctx.json(s.salesLog().log(new Filter(instant(ctx, "from"), instant(ctx, "to"), seller,
                    Api.queryId(ctx, "eventId"), payment)));
        }, SELLER, MANAGER, ORGANIZER);
    }

    private Hold ownHold(Context ctx) {
        Hold hold = s.holds().find(Api.pathId(ctx, "holdId"));
        if (hold.sellerId() != Api.principal(ctx).accountId()) {
            throw ApiException.notFound("no hold " + hold.id() + " of this seller");
        }
        return hold;
    }

    private void members(RoutesConfig r) {
        r.post("/api/members", ctx -> {
            long id = s.members().registerMember(Json.body(ctx, RegisterMember.class));
            ctx.status(201).json(s.accounts().find(id));
        }, SELLER, ORGANIZER);
        r.post("/api/chips", ctx -> ctx.status(201).json(chipView(s.members().registerChip(
                Json.body(ctx, RegisterChip.class)))), SELLER, ORGANIZER);
        r.get("/api/chips/{chipId}", ctx -> ctx.json(chipView(s.members().chip(ctx.pathParam("chipId")))),
                SELLER, GATE, ORGANIZER);
        // Claims 67, 76, 89: the ticket package for one chip, each ticket sealed for that chip.
        r.get("/api/chips/{chipId}/tickets", ctx -> {
            Principal p = Api.principal(ctx);
            Chip chip = s.members().chip(ctx.pathParam("chipId"));
            if (p.role() == Role.MEMBER && (chip.memberId() == null || chip.memberId() != p.accountId())) {
                throw ApiException.notFound("chip " + chip.chipId() + " is not one of your chips");
            }
            ctx.json(Map.of("chipId", chip.chipId(), "tickets", s.sales().ticketsOfChip(chip.chipId())));
        }, MEMBER, SELLER);
        r.get("/api/me/chips", ctx -> ctx.json(s.members().chipsOf(Api.principal(ctx).accountId()).stream()
                .map(CenterApi::chipView).toList()), MEMBER);
    }

    private static Map<String, Object> chipView(Chip chip) {
        return Map.of("chipId", chip.chipId(), "publicKey", HexFormat.of().formatHex(chip.publicKey()),
                "memberId", chip.memberId() == null ? 0L : chip.memberId(), "status", chip.status());
    }

    private void transfers(RoutesConfig r) {
        r.post("/api/transfers", ctx -> ctx.status(201).json(
                s.transfers().start(Api.principal(ctx).accountId(), Json.body(ctx, StartTransfer.class))), MEMBER);
        r.get("/api/transfers/{transferId}", ctx -> ctx.json(s.transfers().find(Api.principal(ctx).accountId(),
                Api.pathId(ctx, "transferId"))), MEMBER);
        r.post("/api/transfers/{transferId}/accept", ctx -> ctx.json(s.transfers().accept(Api.principal(ctx).accountId(),
                Api.pathId(ctx, "transferId"), Json.body(ctx, AcceptTransfer.class))), MEMBER);
    }

    private void gate(RoutesConfig r) {
        r.post("/api/gate/scans", ctx -> ctx.json(s.gate().scan(Api.principal(ctx).accountId(),
                Json.body(ctx, Scan.class))), GATE);
        r.get("/api/events/{eventId}/gate-counts", ctx -> ctx.json(s.gate().counts(Api.pathId(ctx, "eventId"))),
                GATE, MANAGER, ORGANIZER);
        r.get("/api/issuer-keys", ctx -> ctx.json(s.keys().publicKeys().stream()
                .map(k -> Map.of("keyId", k.keyIdHex(), "publicKey", HexFormat.of().formatHex(k.encoded()))).toList()),
                ANYONE);
        r.get("/api/terminal-keys", ctx -> ctx.json(s.terminals().certifiedKeys()), GATE, SELLER, ORGANIZER);
    }

    private void authenticate(Context ctx) {
        var roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            return;
        }
        Principal principal = s.accounts().authenticate(bearer(ctx));
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

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }

    private static Instant instant(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be a date (2026-11-25) or an instant (2026-11-25T10:00:00Z)");
        }
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
                .result(writeProblem(Problem.of(e, ctx.path())));
    }

    private static void problemIfEmpty(Context ctx, ApiException e) {
        String type = ctx.res().getContentType();
        if (type == null || !type.startsWith(Problem.CONTENT_TYPE)) {
            problem(ctx, e);
        }
    }

    private static String writeProblem(Problem p) {
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
