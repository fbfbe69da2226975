package dev.tessera.center.http;

import static dev.tessera.center.http.CenterRole.SELLER;

import dev.tessera.center.Services;

/** Box-office terminals (flows 3 and 4): registration with a certificate and the exactly-once journal push. */
final class TerminalRoutes {
    private TerminalRoutes() {
    }

    static void register(Routes r, Services s) {
        r.route(Endpoints.REGISTER_TERMINAL, (ctx, body) -> s.terminals().register(Api.principal(ctx).accountId(), body),
                SELLER);
        r.route(Endpoints.TERMINAL, (ctx, none) -> s.terminals().find(Api.principal(ctx).accountId(),
                ctx.pathParam("terminalId")), SELLER);
        r.route(Endpoints.PUSH_JOURNAL, (ctx, body) -> s.terminals().push(Api.principal(ctx).accountId(),
                ctx.pathParam("terminalId"), body), SELLER);
    }
}
