package dev.tessera.center.http;

import static dev.tessera.center.http.CenterRole.GATE;
import static dev.tessera.center.http.CenterRole.MANAGER;
import static dev.tessera.center.http.CenterRole.ORGANIZER;
import static dev.tessera.center.http.CenterRole.SELLER;

import dev.tessera.center.Services;
import java.util.HexFormat;
import dev.tessera.contract.gate.IssuerKey;

/** The gate (claim 67): scans, counts, and the keys a gate verifies tickets with. */
final class GateRoutes {
    private GateRoutes() {
    }

    static void register(Routes r, Services s) {
        r.route(Endpoints.SCAN, (ctx, body) -> s.gate().scan(Api.principal(ctx).accountId(), body), GATE);
        r.route(Endpoints.GATE_COUNTS, (ctx, none) -> s.gate().counts(Api.pathId(ctx, "eventId")),
                GATE, MANAGER, ORGANIZER);
        r.route(Endpoints.ISSUER_KEYS, (ctx, none) -> s.keys().publicKeys().stream()
                .map(k -> new IssuerKey(k.keyIdHex(), HexFormat.of().formatHex(k.encoded()))).toList(), Routes.ANYONE);
        r.route(Endpoints.TERMINAL_KEYS, (ctx, none) -> s.terminals().certifiedKeys(), GATE, SELLER, ORGANIZER);
    }
}
