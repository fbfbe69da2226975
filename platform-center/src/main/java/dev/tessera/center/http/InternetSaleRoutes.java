package dev.tessera.center.http;

import static dev.tessera.center.http.CenterRole.MEMBER;

import dev.tessera.center.Services;

/** The member's purchases at home (issue 14; claims 33, 68, 76), within the internet-sales channel's authorization. */
final class InternetSaleRoutes {
    private InternetSaleRoutes() {
    }

    // issue 14 (claims 33, 68, 76): a member buys at home, within the internet-sales channel's authorization
    static void register(Routes r, Services s) {
        r.route(Endpoints.ON_SALE_ONLINE, (ctx, none) -> s.internetSales().onSale(), MEMBER);
        r.route(Endpoints.MEMBER_HOLD, (ctx, body) -> s.internetSales().hold(Api.principal(ctx).accountId(), body), MEMBER);
        r.route(Endpoints.MEMBER_HOLDS, (ctx, none) -> s.internetSales().active(Api.principal(ctx).accountId()), MEMBER);
        r.route(Endpoints.RELEASE_MEMBER_HOLD, (ctx, none) -> {
            s.internetSales().release(Api.principal(ctx).accountId(), Api.pathId(ctx, "holdId"));
            return null;
        }, MEMBER);
        r.route(Endpoints.PURCHASE, (ctx, body) -> {
            var confirmation = s.internetSales().buy(Api.principal(ctx).accountId(), body);
            if (confirmation.earlier()) {
                ctx.status(200); // the sale an earlier purchase of this hold made
            }
            return confirmation.sale();
        }, MEMBER);
    }
}
