package dev.tessera.center.http;

import static dev.tessera.center.http.CenterRole.ORGANIZER;

import dev.tessera.center.Services;
import dev.tessera.contract.venue.SeatMapAdded;
import java.nio.charset.StandardCharsets;

/** Venues and their seat-map versions (claims 29 b-d, 30). */
final class VenueRoutes {
    private VenueRoutes() {
    }

    static void register(Routes r, Services s) {
        r.route(Endpoints.CREATE_VENUE, (ctx, v) -> {
            try {
                return s.venues().create(Api.principal(ctx).accountId(), v.name(), v.address());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        }, ORGANIZER);
        r.route(Endpoints.VENUES, (ctx, none) -> s.venues().list(), Routes.STAFF);
        r.route(Endpoints.VENUE, (ctx, none) -> s.venues().venue(Api.pathId(ctx, "venueId")), Routes.STAFF);
        r.route(Endpoints.ADD_SEAT_MAP, (ctx, none) -> {
            long venueId = Api.pathId(ctx, "venueId");
            String document = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
            int version = s.venues().addSeatMap(venueId, document);
            return new SeatMapAdded(venueId, version, s.venues().seatMap(venueId, version).seatCount());
        }, ORGANIZER);
        r.route(Endpoints.SEAT_MAP, (ctx, none) -> {
            int version = (int) Api.pathId(ctx, "version");
            ctx.contentType("application/json").result(s.venues().seatMapDocument(Api.pathId(ctx, "venueId"), version));
            return null;
        }, Routes.ANYONE);
    }
}
