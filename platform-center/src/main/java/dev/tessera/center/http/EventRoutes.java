package dev.tessera.center.http;

import static dev.tessera.center.http.CenterRole.GATE;
import static dev.tessera.center.http.CenterRole.MANAGER;
import static dev.tessera.center.http.CenterRole.ORGANIZER;
import static dev.tessera.center.http.CenterRole.SELLER;

import dev.tessera.center.Services;
import dev.tessera.center.account.Principal;
import dev.tessera.center.live.AvailabilityService;
import dev.tessera.center.live.SeatStatusFeed;
import dev.tessera.contract.availability.AreaCount;
import dev.tessera.core.model.Event;
import dev.tessera.core.model.EventStatus;
import dev.tessera.core.model.Role;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import java.util.List;

/**
 * Events (claims 29 b-d, 71, 73, 74): registration, authorizations, live seats and standing areas, cancel and move,
 * tax, revocations.
 */
final class EventRoutes {
    private EventRoutes() {
    }

    static void register(Routes r, Services s) {
        r.route(Endpoints.REGISTER_EVENT, (ctx, body) -> s.events().register(Api.principal(ctx).accountId(), body),
                ORGANIZER);
        r.route(Endpoints.EVENTS, (ctx, none) -> {
            Role role = Api.principal(ctx).role();
            return s.events().list(role != Role.ORGANIZER && role != Role.MANAGER);
        }, Routes.ANYONE);
        r.route(Endpoints.EVENT, (ctx, none) -> visibleEvent(s, ctx), Routes.ANYONE);
        r.route(Endpoints.PUBLISH_EVENT, (ctx, none) -> s.events().publish(Api.pathId(ctx, "eventId")), ORGANIZER);
        r.route(Endpoints.AUTHORIZE_SELLER, (ctx, body) -> s.events().authorize(Api.pathId(ctx, "eventId"), body),
                ORGANIZER);
        r.route(Endpoints.RELEASE_SEATS, (ctx, body) -> s.events().release(Api.pathId(ctx, "eventId"),
                Api.pathId(ctx, "sellerId"), body), ORGANIZER);
        r.route(Endpoints.AUTHORIZATIONS, (ctx, none) -> s.events().authorizations(Api.pathId(ctx, "eventId")),
                ORGANIZER, MANAGER, GATE);
        r.route(Endpoints.MY_AUTHORIZATION, (ctx, none) -> s.events().authorization(Api.pathId(ctx, "eventId"),
                Api.principal(ctx).accountId()), SELLER);
        r.route(Endpoints.TICKET_MASTER, (ctx, none) -> s.events().ticketMaster(Api.pathId(ctx, "eventId")),
                ORGANIZER, MANAGER);
        r.route(Endpoints.SEATS, (ctx, none) -> {
            Event event = visibleEvent(s, ctx);
            Principal p = Api.principal(ctx);
            Long since = Api.queryRevision(ctx, "since");
            if (since != null) {
                return s.availability().since(event.id(), since);
            }
            // a member sees the map as the internet-sales channel sells it: its own block is the member's to pick from
            Long own = p.role() == Role.SELLER ? Long.valueOf(p.accountId())
                    : p.role() == Role.MEMBER ? Long.valueOf(s.internetSales().channel()) : null;
            return s.availability().snapshot(event.id(), own);
        }, Routes.ANYONE);
        r.route(Endpoints.SEAT_STREAM, (ctx, none) -> {
            // the same rules as the event itself (a draft is the organizer's and the manager's only), and the watcher
            // is in place before the 200 goes out: a change made the moment the client sees it is on the stream
            long eventId = visibleEvent(s, ctx).id();
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
        }, Routes.ANYONE);
        r.route(Endpoints.AREAS, (ctx, none) -> s.availability().areas(visibleEvent(s, ctx).id()), Routes.ANYONE);
        r.route(Endpoints.AREA_CAPACITY, (ctx, body) -> {
            long eventId = Api.pathId(ctx, "eventId");
            String areaId = ctx.pathParam("areaId");
            s.events().changeCapacity(eventId, areaId, body);
            return area(s, eventId, areaId);
        }, ORGANIZER);
        r.route(Endpoints.AREA_DOOR, (ctx, body) -> {
            long eventId = Api.pathId(ctx, "eventId");
            String areaId = ctx.pathParam("areaId");
            s.gate().setDoorFull(eventId, areaId, body);
            return area(s, eventId, areaId);
        }, GATE, ORGANIZER);
        // issue 14: cancelled (tickets revoked, refunds listed) or moved (tickets re-issued with the new dates)
        r.route(Endpoints.CANCEL_EVENT, (ctx, body) -> s.eventChanges().cancel(Api.principal(ctx).accountId(),
                Api.pathId(ctx, "eventId"), body), ORGANIZER);
        r.route(Endpoints.MOVE_EVENT, (ctx, body) -> s.eventChanges().move(Api.principal(ctx).accountId(),
                Api.pathId(ctx, "eventId"), body), ORGANIZER);
        r.route(Endpoints.REFUNDS, (ctx, none) -> s.eventChanges().refunds(Api.pathId(ctx, "eventId")), MANAGER, ORGANIZER);
        // issue 17: the tax rates per category and the invoice issuer; sellers read them for receipts and offline sales
        var taxes = s.taxes();
        r.route(Endpoints.EVENT_TAX, (ctx, none) -> taxes.tax(visibleEvent(s, ctx)), ORGANIZER, MANAGER, SELLER);
        r.route(Endpoints.SET_EVENT_TAX, (ctx, body) -> {
            Event event = visibleEvent(s, ctx);
            try {
                return taxes.set(event, body);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        }, ORGANIZER);
        r.route(Endpoints.REVOCATIONS, (ctx, none) -> {
            Long after = Api.queryId(ctx, "after");
            return s.gate().revocations(Api.pathId(ctx, "eventId"), after == null ? 0 : after);
        }, GATE, SELLER, ORGANIZER);
    }

    /** A standing area's counts after a change, pushed to live watchers as well. */
    private static AreaCount area(Services s, long eventId, String areaId) {
        var counts = AvailabilityService.areaCounts(s.db().dsl(), eventId, List.of(areaId));
        s.feed().publish(eventId, List.of(), counts);
        return counts.getFirst();
    }

    /** The event of the path, as far as the caller may see it: a draft is the organizer's and the manager's only. */
    static Event visibleEvent(Services s, Context ctx) {
        Event event = s.events().event(Api.pathId(ctx, "eventId"));
        Role role = Api.principal(ctx).role();
        if (event.status() == EventStatus.DRAFT && role != Role.ORGANIZER && role != Role.MANAGER) {
            throw ApiException.notFound("no event " + event.id());
        }
        return event;
    }
}
