package dev.tessera.center.http;

import static dev.tessera.center.http.CenterRole.GATE;
import static dev.tessera.center.http.CenterRole.MANAGER;
import static dev.tessera.center.http.CenterRole.SELLER;

import dev.tessera.center.Services;

/**
 * Chip keys that stay at the center (claims 35, 72): sessions, personalization, the audit of key uses, gate packages.
 */
final class ChipKeyRoutes {
    private ChipKeyRoutes() {
    }

    // claims 35, 72: keys stay at the center. Sessions relayed for entitled callers, a blank card's keys once for
    // PERSONALIZE, the audit of every key use; gate packages (gate keys of one event's chips) for offline gates
    static void register(Routes r, Services s) {
        r.route(Endpoints.CHIP_SESSION, (ctx, body) -> s.chipSessions().open(Api.principal(ctx), body), Routes.ANYONE);
        r.route(Endpoints.CHIP_PERSONALIZATION, (ctx, body) -> s.chipSessions().personalize(Api.principal(ctx), body),
                SELLER);
        r.route(Endpoints.CHIP_KEY_USES, (ctx, none) -> s.chipSessions().uses(ctx.pathParam("chipId")), MANAGER);
        r.route(Endpoints.GATE_PACKAGE, (ctx, none) ->
                s.chipKeys().gatePackage(s.events().event(Api.pathId(ctx, "eventId")).id()), GATE);
    }
}
