package dev.tessera.center.http;

import static dev.tessera.center.http.CenterRole.GATE;
import static dev.tessera.center.http.CenterRole.MANAGER;
import static dev.tessera.center.http.CenterRole.MEMBER;
import static dev.tessera.center.http.CenterRole.ORGANIZER;
import static dev.tessera.center.http.CenterRole.SELLER;

import dev.tessera.center.Services;
import dev.tessera.center.account.AccountService;
import dev.tessera.center.account.Principal;
import dev.tessera.center.problem.DomainException;
import dev.tessera.center.live.SeatStatusFeed;
import dev.tessera.center.sales.AfterSalesService;
import dev.tessera.center.saleslog.SalesLogService.Filter;
import dev.tessera.center.shift.ShiftService;
import dev.tessera.center.transfer.LostCards;
import dev.tessera.core.model.Chip;
import dev.tessera.core.model.Event;
import dev.tessera.core.model.EventStatus;
import dev.tessera.core.model.Hold;
import dev.tessera.core.model.Role;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
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

        route(r, Endpoints.HEALTH, (ctx, none) -> health(ctx));
        route(r, Endpoints.API_DESCRIPTION, (ctx, none) -> {
            ctx.contentType("application/json").result(openApi);
            return null;
        });

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
        internetSales(r);
    }

    // issue 14 (claims 33, 68, 76): a member buys at home, within the internet-sales channel's authorization
    private void internetSales(RoutesConfig r) {
        route(r, Endpoints.ON_SALE_ONLINE, (ctx, none) -> s.internetSales().onSale(), MEMBER);
        route(r, Endpoints.MEMBER_HOLD, (ctx, body) -> s.internetSales().hold(Api.principal(ctx).accountId(), body), MEMBER);
        route(r, Endpoints.MEMBER_HOLDS, (ctx, none) -> s.internetSales().active(Api.principal(ctx).accountId()), MEMBER);
        route(r, Endpoints.RELEASE_MEMBER_HOLD, (ctx, none) -> {
            s.internetSales().release(Api.principal(ctx).accountId(), Api.pathId(ctx, "holdId"));
            return null;
        }, MEMBER);
        route(r, Endpoints.PURCHASE, (ctx, body) -> {
            var confirmation = s.internetSales().buy(Api.principal(ctx).accountId(), body);
            if (confirmation.earlier()) {
                ctx.status(200); // the sale an earlier purchase of this hold made
            }
            return confirmation.sale();
        }, MEMBER);
    }

    /**
     * Registers {@code endpoint}: its method and path, the record its body is read into, the status and the record it
     * answers with, the roles it admits. Every route of the API goes through here, so {@link Endpoints} is what runs.
     */
    private <Q, R> void route(RoutesConfig r, Endpoint<Q, R> endpoint, Endpoint.Handler<Q, R> handler,
                              CenterRole... roles) {
        Handler h;
        if (Endpoints.IDEMPOTENT.contains(endpoint)) {
            // exactly-once: the JSON answer is written here, so the first one can be kept for a retry with the same key
            h = ctx -> idempotent.handle(ctx, () -> {
                Q body = Json.body(ctx, endpoint.request().rawClass());
                ctx.status(endpoint.status());
                return Json.MAPPER.writerFor(endpoint.response().types().getFirst())
                        .writeValueAsString(handler.handle(ctx, body));
            });
        } else {
            h = ctx -> {
                Q body = endpoint.request().kind() == Endpoint.Kind.JSON ? Json.body(ctx, endpoint.request().rawClass()) : null;
                ctx.status(endpoint.status());
                R result = handler.handle(ctx, body);
                switch (endpoint.response().kind()) {
                    case JSON, ONE_OF -> ctx.json(result);
                    case NONE, RAW, EVENT_STREAM -> {
                        // no body, or one the handler wrote itself
                    }
                }
            };
        }
        switch (endpoint.method()) {
            case "GET" -> r.get(endpoint.path(), h, roles);
            case "POST" -> r.post(endpoint.path(), h, roles);
            case "DELETE" -> r.delete(endpoint.path(), h, roles);
            default -> throw new IllegalArgumentException("no " + endpoint.method() + " routes: " + endpoint);
        }
    }

    /** Up only while the database answers: a center whose database is gone says so rather than looking alive. */
    private Endpoints.Health health(Context ctx) {
        if (s.db().answers(HEALTH_CHECK_TIMEOUT)) {
            return new Endpoints.Health(Endpoints.Health.State.UP, s.db().dialect().name());
        }
        ctx.status(503).header("Retry-After", Outages.RETRY_AFTER_SECONDS);
        return new Endpoints.Health(Endpoints.Health.State.DOWN, "unavailable");
    }

    // issue 5: after-sales at the counter, every step with a reason in the audit trail
    private void afterSales(RoutesConfig r) {
        route(r, Endpoints.FIND_SALES, (ctx, none) -> s.afterSales().find(Api.principal(ctx), new AfterSalesService.Lookup(
                Api.queryId(ctx, "saleId"), ctx.queryParam("ticketId"), ctx.queryParam("chipId"), ctx.queryParam("customer"),
                Api.queryId(ctx, "eventId"), ctx.queryParam("seatId"))), SELLER, MANAGER);
        route(r, Endpoints.EXCHANGE, (ctx, body) -> s.sales().exchange(Api.principal(ctx), body), SELLER);
        route(r, Endpoints.REPRINT, (ctx, body) -> s.afterSales().reprint(Api.principal(ctx), ctx.pathParam("ticketId"), body),
                SELLER, MANAGER);
        route(r, Endpoints.ADJUSTMENTS, (ctx, none) -> {
            Long seller = Api.sellerFilter(ctx, "sales");
            return s.afterSales().adjustments(instant(ctx, "from"), instant(ctx, "to"), seller, Api.queryId(ctx, "eventId"));
        }, SELLER, MANAGER, ORGANIZER);
    }

    // issue 5: a seller's shift at a terminal, from the counted float to the closing count
    private void shifts(RoutesConfig r) {
        route(r, Endpoints.DENOMINATIONS, (ctx, none) -> ShiftService.denominations(ctx.pathParam("currency")),
                SELLER, MANAGER, ORGANIZER);
        route(r, Endpoints.OPEN_SHIFT, (ctx, body) -> s.shifts().open(Api.principal(ctx), body), SELLER);
        route(r, Endpoints.SHIFTS, (ctx, none) -> {
            Long seller = Api.sellerFilter(ctx, "shifts");
            return s.shifts().list(new ShiftService.Filter(seller, instant(ctx, "from"), instant(ctx, "to"),
                    ctx.queryParam("status")));
        }, SELLER, MANAGER, ORGANIZER);
        route(r, Endpoints.SHIFT, (ctx, none) -> s.shifts().shift(Api.principal(ctx), Api.pathId(ctx, "shiftId")),
                SELLER, MANAGER, ORGANIZER);
        route(r, Endpoints.CLOSE_SHIFT, (ctx, body) -> s.shifts().close(Api.principal(ctx), Api.pathId(ctx, "shiftId"), body),
                SELLER);
    }

    // claims 35, 72: keys stay at the center. Sessions relayed for entitled callers, a blank card's keys once for
    // PERSONALIZE, the audit of every key use; gate packages (gate keys of one event's chips) for offline gates
    private void chipKeys(RoutesConfig r) {
        route(r, Endpoints.CHIP_SESSION, (ctx, body) -> s.chipSessions().open(Api.principal(ctx), body), ANYONE);
        route(r, Endpoints.CHIP_PERSONALIZATION, (ctx, body) -> s.chipSessions().personalize(Api.principal(ctx), body),
                SELLER);
        route(r, Endpoints.CHIP_KEY_USES, (ctx, none) -> s.chipSessions().uses(ctx.pathParam("chipId")), MANAGER);
        route(r, Endpoints.GATE_PACKAGE, (ctx, none) ->
                s.chipKeys().gatePackage(s.events().event(Api.pathId(ctx, "eventId")).id()), GATE);
    }

    private void accounts(RoutesConfig r) {
        route(r, Endpoints.SIGN_IN, (ctx, login) -> {
            AccountService.Session session = s.accounts().login(login.loginId(),
                    login.password() == null ? null : login.password().toCharArray());
            return new Endpoints.SignedIn(session.token(), session.principal(), session.expiresAt());
        });
        route(r, Endpoints.SIGN_OUT, (ctx, none) -> {
            s.accounts().logout(bearer(ctx));
            return null;
        }, ANYONE);
        route(r, Endpoints.ME, (ctx, none) -> Api.principal(ctx), ANYONE);
        route(r, Endpoints.CREATE_ACCOUNT, (ctx, a) -> {
            if (a.role() == null || a.password() == null) {
                throw ApiException.badRequest("role and password are required");
            }
            long id = s.accounts().create(a.loginId(), a.password().toCharArray(), a.role(), a.displayName());
            return s.accounts().find(id);
        }, ORGANIZER);
        route(r, Endpoints.ACCOUNTS, (ctx, none) -> {
            String role = ctx.queryParam("role");
            Role filter;
            try {
                filter = role == null ? null : Role.valueOf(role);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("role must be one of " + List.of(Role.values()));
            }
            return s.accounts().list(filter);
        }, ORGANIZER, MANAGER);
    }

    private void terminals(RoutesConfig r) {
        route(r, Endpoints.REGISTER_TERMINAL, (ctx, body) -> s.terminals().register(Api.principal(ctx).accountId(), body),
                SELLER);
        route(r, Endpoints.TERMINAL, (ctx, none) -> s.terminals().find(Api.principal(ctx).accountId(),
                ctx.pathParam("terminalId")), SELLER);
        route(r, Endpoints.PUSH_JOURNAL, (ctx, body) -> s.terminals().push(Api.principal(ctx).accountId(),
                ctx.pathParam("terminalId"), body), SELLER);
        route(r, Endpoints.VOID_TICKET, (ctx, body) -> s.voids().voidTicket(Api.principal(ctx),
                ctx.pathParam("ticketId"), body), SELLER, MANAGER);
    }

    private void venues(RoutesConfig r) {
        route(r, Endpoints.CREATE_VENUE, (ctx, v) -> {
            try {
                return s.venues().create(Api.principal(ctx).accountId(), v.name(), v.address());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        }, ORGANIZER);
        route(r, Endpoints.VENUES, (ctx, none) -> s.venues().list(), STAFF);
        route(r, Endpoints.VENUE, (ctx, none) -> s.venues().venue(Api.pathId(ctx, "venueId")), STAFF);
        route(r, Endpoints.ADD_SEAT_MAP, (ctx, none) -> {
            long venueId = Api.pathId(ctx, "venueId");
            String document = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
            int version = s.venues().addSeatMap(venueId, document);
            return new Endpoints.SeatMapAdded(venueId, version, s.venues().seatMap(venueId, version).seatCount());
        }, ORGANIZER);
        route(r, Endpoints.SEAT_MAP, (ctx, none) -> {
            int version = (int) Api.pathId(ctx, "version");
            ctx.contentType("application/json").result(s.venues().seatMapDocument(Api.pathId(ctx, "venueId"), version));
            return null;
        }, ANYONE);
    }

    private void events(RoutesConfig r) {
        route(r, Endpoints.REGISTER_EVENT, (ctx, body) -> s.events().register(Api.principal(ctx).accountId(), body),
                ORGANIZER);
        route(r, Endpoints.EVENTS, (ctx, none) -> {
            Role role = Api.principal(ctx).role();
            return s.events().list(role != Role.ORGANIZER && role != Role.MANAGER);
        }, ANYONE);
        route(r, Endpoints.EVENT, (ctx, none) -> visibleEvent(ctx), ANYONE);
        route(r, Endpoints.PUBLISH_EVENT, (ctx, none) -> s.events().publish(Api.pathId(ctx, "eventId")), ORGANIZER);
        route(r, Endpoints.AUTHORIZE_SELLER, (ctx, body) -> s.events().authorize(Api.pathId(ctx, "eventId"), body),
                ORGANIZER);
        route(r, Endpoints.RELEASE_SEATS, (ctx, body) -> s.events().release(Api.pathId(ctx, "eventId"),
                Api.pathId(ctx, "sellerId"), body), ORGANIZER);
        route(r, Endpoints.AUTHORIZATIONS, (ctx, none) -> s.events().authorizations(Api.pathId(ctx, "eventId")),
                ORGANIZER, MANAGER, GATE);
        route(r, Endpoints.MY_AUTHORIZATION, (ctx, none) -> s.events().authorization(Api.pathId(ctx, "eventId"),
                Api.principal(ctx).accountId()), SELLER);
        route(r, Endpoints.TICKET_MASTER, (ctx, none) -> s.events().ticketMaster(Api.pathId(ctx, "eventId")),
                ORGANIZER, MANAGER);
        route(r, Endpoints.SEATS, (ctx, none) -> {
            Event event = visibleEvent(ctx);
            Principal p = Api.principal(ctx);
            Long since = Api.queryRevision(ctx, "since");
            if (since != null) {
                return s.availability().since(event.id(), since);
            }
            // a member sees the map as the internet-sales channel sells it: its own block is the member's to pick from
            Long own = p.role() == Role.SELLER ? Long.valueOf(p.accountId())
                    : p.role() == Role.MEMBER ? Long.valueOf(s.internetSales().channel()) : null;
            return s.availability().snapshot(event.id(), own);
        }, ANYONE);
        route(r, Endpoints.SEAT_STREAM, (ctx, none) -> {
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
            return null;
        }, ANYONE);
        route(r, Endpoints.AREAS, (ctx, none) -> s.availability().areas(visibleEvent(ctx).id()), ANYONE);
        route(r, Endpoints.AREA_CAPACITY, (ctx, body) -> {
            long eventId = Api.pathId(ctx, "eventId");
            String areaId = ctx.pathParam("areaId");
            s.events().changeCapacity(eventId, areaId, body);
            return area(eventId, areaId);
        }, ORGANIZER);
        route(r, Endpoints.AREA_DOOR, (ctx, body) -> {
            long eventId = Api.pathId(ctx, "eventId");
            String areaId = ctx.pathParam("areaId");
            s.gate().setDoorFull(eventId, areaId, body);
            return area(eventId, areaId);
        }, GATE, ORGANIZER);
        // issue 14: cancelled (tickets revoked, refunds listed) or moved (tickets re-issued with the new dates)
        route(r, Endpoints.CANCEL_EVENT, (ctx, body) -> s.eventChanges().cancel(Api.principal(ctx).accountId(),
                Api.pathId(ctx, "eventId"), body), ORGANIZER);
        route(r, Endpoints.MOVE_EVENT, (ctx, body) -> s.eventChanges().move(Api.principal(ctx).accountId(),
                Api.pathId(ctx, "eventId"), body), ORGANIZER);
        route(r, Endpoints.REFUNDS, (ctx, none) -> s.eventChanges().refunds(Api.pathId(ctx, "eventId")), MANAGER, ORGANIZER);
        // issue 17: the tax rates per category and the invoice issuer; sellers read them for receipts and offline sales
        var taxes = s.taxes();
        route(r, Endpoints.EVENT_TAX, (ctx, none) -> taxes.tax(visibleEvent(ctx)), ORGANIZER, MANAGER, SELLER);
        route(r, Endpoints.SET_EVENT_TAX, (ctx, body) -> {
            Event event = visibleEvent(ctx);
            try {
                return taxes.set(event, body);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        }, ORGANIZER);
        route(r, Endpoints.REVOCATIONS, (ctx, none) -> {
            Long after = Api.queryId(ctx, "after");
            return s.gate().revocations(Api.pathId(ctx, "eventId"), after == null ? 0 : after);
        }, GATE, SELLER, ORGANIZER);
    }

    /** A standing area's counts after a change, pushed to live watchers as well. */
    private dev.tessera.center.live.AvailabilityService.AreaCount area(long eventId, String areaId) {
        var counts = dev.tessera.center.live.AvailabilityService.areaCounts(s.db().dsl(), eventId, List.of(areaId));
        s.feed().publish(eventId, List.of(), counts);
        return counts.getFirst();
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
        route(r, Endpoints.HOLD, (ctx, body) -> s.holds().hold(Api.principal(ctx).accountId(),
                Api.pathId(ctx, "eventId"), body), SELLER);
        route(r, Endpoints.MY_HOLDS, (ctx, none) -> s.holds().activeOf(Api.principal(ctx).accountId(),
                Api.queryId(ctx, "eventId")), SELLER);
        route(r, Endpoints.HOLD_OF_SELLER, (ctx, none) -> ownHold(ctx), SELLER);
        route(r, Endpoints.RELEASE_HOLD, (ctx, none) -> {
            s.holds().release(Api.principal(ctx).accountId(), Api.pathId(ctx, "holdId"));
            return null;
        }, SELLER);
        // issue 15: a fresh challenge for a member card's INTERNAL AUTHENTICATE, single use, bound to the caller
        route(r, Endpoints.CHIP_CHALLENGE, (ctx, none) -> s.members().issueChallenge(Api.principal(ctx).accountId()),
                SELLER, GATE);
        route(r, Endpoints.CONFIRM_SALE, (ctx, body) -> {
            var confirmation = s.sales().confirmOnce(Api.principal(ctx).accountId(), body);
            if (confirmation.earlier()) {
                ctx.status(200); // the sale an earlier confirmation of this hold made
            }
            return confirmation.sale();
        }, SELLER);
        route(r, Endpoints.SALES_LOG, (ctx, none) -> {
            Long seller = Api.sellerFilter(ctx, "sales");
            String payment = ctx.queryParam("payment");
            if (payment != null && !List.of("CASH", "CARD", "INVOICE").contains(payment)) {
                throw ApiException.badRequest("payment must be CASH, CARD or INVOICE");
            }
            return s.salesLog().log(new Filter(instant(ctx, "from"), instant(ctx, "to"), seller,
                    Api.queryId(ctx, "eventId"), payment));
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
        route(r, Endpoints.REGISTER_MEMBER, (ctx, body) -> {
            try {
                return s.accounts().find(s.members().registerMember(body));
            } catch (DomainException e) {
                // issue 14: a member who already has an account (the demo member) gets a card by their own password
                if ("login-taken".equals(e.code()) && body.password() != null) {
                    try {
                        Principal member = s.accounts().verifyMember(body.loginId(), body.password().toCharArray());
                        ctx.status(200);
                        return member;
                    } catch (DomainException refused) {
                        LOG.info("login id {} taken; not the member's password ({})", body.loginId(), refused.code());
                    }
                }
                throw e;
            }
        }, SELLER, ORGANIZER);
        route(r, Endpoints.FIND_MEMBERS, (ctx, none) -> s.members().find(ctx.queryParam("q")), SELLER);
        route(r, Endpoints.REGISTER_CHIP, (ctx, body) -> chipView(s.members().registerChip(body)), SELLER, ORGANIZER);
        route(r, Endpoints.CHIP, (ctx, none) -> chipView(s.members().chip(ctx.pathParam("chipId"))),
                SELLER, GATE, ORGANIZER);
        // Claims 67, 76, 89: the ticket package for one chip, each ticket sealed for that chip.
        route(r, Endpoints.CHIP_TICKETS, (ctx, none) -> {
            Principal p = Api.principal(ctx);
            Chip chip = s.members().chip(ctx.pathParam("chipId"));
            if (p.role() == Role.MEMBER && (chip.memberId() == null || chip.memberId() != p.accountId())) {
                throw ApiException.notFound("chip " + chip.chipId() + " is not one of your chips");
            }
            return new Endpoints.ChipTickets(chip.chipId(), s.sales().ticketsOfChip(chip.chipId()));
        }, MEMBER, SELLER);
        route(r, Endpoints.MY_CHIPS, (ctx, none) -> s.members().chipsOf(Api.principal(ctx).accountId()).stream()
                .map(CenterApi::chipView).toList(), MEMBER);
    }

    private static Endpoints.ChipView chipView(Chip chip) {
        return new Endpoints.ChipView(chip.chipId(), HexFormat.of().formatHex(chip.publicKey()),
                chip.memberId() == null ? 0L : chip.memberId(), chip.status());
    }

    private void transfers(RoutesConfig r) {
        route(r, Endpoints.START_TRANSFER, (ctx, body) -> s.transfers().start(Api.principal(ctx).accountId(), body),
                MEMBER);
        route(r, Endpoints.TRANSFER, (ctx, none) -> s.transfers().find(Api.principal(ctx).accountId(),
                Api.pathId(ctx, "transferId")), MEMBER);
        route(r, Endpoints.ACCEPT_TRANSFER, (ctx, body) -> s.transfers().accept(Api.principal(ctx).accountId(),
                Api.pathId(ctx, "transferId"), body), MEMBER);
        // issue 14: the member's own wallet: every ticket with its state, the transfers waiting on either side
        route(r, Endpoints.MY_TICKETS, (ctx, none) -> s.memberTickets().tickets(Api.principal(ctx).accountId()), MEMBER);
        route(r, Endpoints.MY_TRANSFERS, (ctx, none) -> s.memberTickets().transfers(Api.principal(ctx).accountId()),
                MEMBER);
        // issue 14: a lost or stolen card, blocked by its member or at the counter; its tickets moved to the new card
        route(r, Endpoints.BLOCK_CHIP, (ctx, body) -> s.lostCards().block(lostCardCaller(ctx), ctx.pathParam("chipId"),
                body), MEMBER, SELLER);
        route(r, Endpoints.REPLACE_CHIP, (ctx, body) -> s.lostCards().replace(lostCardCaller(ctx), ctx.pathParam("chipId"),
                body), MEMBER, SELLER);
    }

    private static LostCards.Caller lostCardCaller(Context ctx) {
        Principal p = Api.principal(ctx);
        return new LostCards.Caller(p.accountId(), p.role());
    }

    private void gate(RoutesConfig r) {
        route(r, Endpoints.SCAN, (ctx, body) -> s.gate().scan(Api.principal(ctx).accountId(), body), GATE);
        route(r, Endpoints.GATE_COUNTS, (ctx, none) -> s.gate().counts(Api.pathId(ctx, "eventId")),
                GATE, MANAGER, ORGANIZER);
        route(r, Endpoints.ISSUER_KEYS, (ctx, none) -> s.keys().publicKeys().stream()
                .map(k -> new Endpoints.IssuerKey(k.keyIdHex(), HexFormat.of().formatHex(k.encoded()))).toList(), ANYONE);
        route(r, Endpoints.TERMINAL_KEYS, (ctx, none) -> s.terminals().certifiedKeys(), GATE, SELLER, ORGANIZER);
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
