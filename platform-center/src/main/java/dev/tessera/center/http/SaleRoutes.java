package dev.tessera.center.http;

import static dev.tessera.center.http.CenterRole.GATE;
import static dev.tessera.center.http.CenterRole.MANAGER;
import static dev.tessera.center.http.CenterRole.ORGANIZER;
import static dev.tessera.center.http.CenterRole.SELLER;

import dev.tessera.center.Services;
import dev.tessera.center.saleslog.SalesLogService;
import dev.tessera.contract.saleslog.SalesLog.Filter;
import dev.tessera.core.model.Hold;
import io.javalin.http.Context;
import java.util.List;

/** Holds and sales at the counter (claims 29 g-j, 32, 62) and the sales log (claims 75, 88). */
final class SaleRoutes {
    private SaleRoutes() {
    }

    static void register(Routes r, Services s) {
        r.route(Endpoints.HOLD, (ctx, body) -> s.holds().hold(Api.principal(ctx).accountId(),
                Api.pathId(ctx, "eventId"), body), SELLER);
        r.route(Endpoints.MY_HOLDS, (ctx, none) -> s.holds().activeOf(Api.principal(ctx).accountId(),
                Api.queryId(ctx, "eventId")), SELLER);
        r.route(Endpoints.HOLD_OF_SELLER, (ctx, none) -> ownHold(s, ctx), SELLER);
        r.route(Endpoints.RELEASE_HOLD, (ctx, none) -> {
            s.holds().release(Api.principal(ctx).accountId(), Api.pathId(ctx, "holdId"));
            return null;
        }, SELLER);
        // issue 15: a fresh challenge for a member card's INTERNAL AUTHENTICATE, single use, bound to the caller
        r.route(Endpoints.CHIP_CHALLENGE, (ctx, none) -> s.members().issueChallenge(Api.principal(ctx).accountId()),
                SELLER, GATE);
        r.route(Endpoints.CONFIRM_SALE, (ctx, body) -> {
            var confirmation = s.sales().confirmOnce(Api.principal(ctx).accountId(), body);
            if (confirmation.earlier()) {
                ctx.status(200); // the sale an earlier confirmation of this hold made
            }
            return confirmation.sale();
        }, SELLER);
        r.route(Endpoints.SELL_NOW, (ctx, body) -> s.sales().sellNow(Api.principal(ctx).accountId(),
                Api.pathId(ctx, "eventId"), body), SELLER);
        // issue 13: the log a page of whole sales at a time (keyset by sale time and number)
        r.route(Endpoints.SALES_LOG, (ctx, none) -> {
            String after = ctx.queryParam("after");
            return s.salesLog().page(salesLogFilter(ctx),
                    after == null || after.isBlank() ? null : SalesLogService.Cursor.parse(after), pageLimit(ctx));
        }, SELLER, MANAGER, ORGANIZER);
        r.route(Endpoints.SALES_LOG_GROUPS, (ctx, none) -> s.salesLog().groups(salesLogFilter(ctx)),
                SELLER, MANAGER, ORGANIZER);
    }

    private static Filter salesLogFilter(Context ctx) {
        Long seller = Api.sellerFilter(ctx, "sales");
        String payment = ctx.queryParam("payment");
        if (payment != null && !List.of("CASH", "CARD", "INVOICE").contains(payment)) {
            throw ApiException.badRequest("payment must be CASH, CARD or INVOICE");
        }
        return new Filter(Api.instant(ctx, "from"), Api.instant(ctx, "to"), seller, Api.queryId(ctx, "eventId"), payment);
    }

    private static int pageLimit(Context ctx) {
        String value = ctx.queryParam("limit");
        if (value == null || value.isBlank()) {
            return SalesLogService.DEFAULT_PAGE_SALES;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= SalesLogService.MAX_PAGE_SALES) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below in words
        }
        throw ApiException.badRequest("limit must be a whole number of sales from 1 to " + SalesLogService.MAX_PAGE_SALES);
    }

    private static Hold ownHold(Services s, Context ctx) {
        Hold hold = s.holds().find(Api.pathId(ctx, "holdId"));
        if (hold.sellerId() != Api.principal(ctx).accountId()) {
            throw ApiException.notFound("no hold " + hold.id() + " of this seller");
        }
        return hold;
    }
}
