package dev.tessera.center.http;

import static dev.tessera.center.http.CenterRole.MANAGER;
import static dev.tessera.center.http.CenterRole.ORGANIZER;
import static dev.tessera.center.http.CenterRole.SELLER;

import dev.tessera.center.Services;
import dev.tessera.center.shift.ShiftService;

/** A seller's shift at a terminal (issue 5), from the counted float to the closing count. */
final class ShiftRoutes {
    private ShiftRoutes() {
    }

    // issue 5: a seller's shift at a terminal, from the counted float to the closing count
    static void register(Routes r, Services s) {
        r.route(Endpoints.DENOMINATIONS, (ctx, none) -> ShiftService.denominations(ctx.pathParam("currency")),
                SELLER, MANAGER, ORGANIZER);
        r.route(Endpoints.OPEN_SHIFT, (ctx, body) -> s.shifts().open(Api.principal(ctx), body), SELLER);
        r.route(Endpoints.SHIFTS, (ctx, none) -> {
            Long seller = Api.sellerFilter(ctx, "shifts");
            return s.shifts().list(new ShiftService.Filter(seller, Api.instant(ctx, "from"), Api.instant(ctx, "to"),
                    ctx.queryParam("status")));
        }, SELLER, MANAGER, ORGANIZER);
        r.route(Endpoints.SHIFT, (ctx, none) -> s.shifts().shift(Api.principal(ctx), Api.pathId(ctx, "shiftId")),
                SELLER, MANAGER, ORGANIZER);
        r.route(Endpoints.CLOSE_SHIFT, (ctx, body) -> s.shifts().close(Api.principal(ctx), Api.pathId(ctx, "shiftId"), body),
                SELLER);
    }
}
