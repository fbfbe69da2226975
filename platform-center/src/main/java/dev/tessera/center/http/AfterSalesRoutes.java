package dev.tessera.center.http;

import static dev.tessera.center.http.CenterRole.MANAGER;
import static dev.tessera.center.http.CenterRole.ORGANIZER;
import static dev.tessera.center.http.CenterRole.SELLER;

import dev.tessera.center.Services;
import dev.tessera.center.sales.AfterSalesService;
import io.javalin.http.Context;
import java.time.Instant;

/** After-sales at the counter (issue 5): search, exchange, reprint, voids and the adjustments of the sales log. */
final class AfterSalesRoutes {
    private AfterSalesRoutes() {
    }

    // issue 5: after-sales at the counter, every step with a reason in the audit trail
    static void register(Routes r, Services s) {
        r.route(Endpoints.FIND_SALES, (ctx, none) -> s.afterSales().find(Api.principal(ctx), new AfterSalesService.Lookup(
                Api.queryId(ctx, "saleId"), ctx.queryParam("ticketId"), ctx.queryParam("chipId"), ctx.queryParam("customer"),
                Api.queryId(ctx, "eventId"), ctx.queryParam("seatId"))), SELLER, MANAGER);
        r.route(Endpoints.VOID_TICKET, (ctx, body) -> s.voids().voidTicket(Api.principal(ctx),
                ctx.pathParam("ticketId"), body), SELLER, MANAGER);
        r.route(Endpoints.EXCHANGE, (ctx, body) -> s.sales().exchange(Api.principal(ctx), body), SELLER);
        r.route(Endpoints.REPRINT, (ctx, body) -> s.afterSales().reprint(Api.principal(ctx), ctx.pathParam("ticketId"), body),
                SELLER, MANAGER);
        r.route(Endpoints.ADJUSTMENTS, (ctx, none) -> {
            Long seller = Api.sellerFilter(ctx, "sales");
            return s.afterSales().adjustments(Api.instant(ctx, "from"), Api.instant(ctx, "to"), seller,
                    Api.queryId(ctx, "eventId"), page(ctx));
        }, SELLER, MANAGER, ORGANIZER);
    }

    /** Issue 13: {@code limit} (and, after the first page, {@code afterAt} and {@code afterTicketId}), or none. */
    private static AfterSalesService.AdjustmentPage page(Context ctx) {
        String limit = ctx.queryParam("limit");
        Instant afterAt = Api.instant(ctx, "afterAt");
        String afterTicketId = ctx.queryParam("afterTicketId");
        if ((afterAt == null) != (afterTicketId == null || afterTicketId.isBlank())) {
            throw ApiException.badRequest("afterAt and afterTicketId go together: the last adjustment of the page before");
        }
        if (limit == null || limit.isBlank()) {
            if (afterAt != null) {
                throw ApiException.badRequest("a page after another needs its limit");
            }
            return null;
        }
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= AfterSalesService.MAX_PAGE_ADJUSTMENTS) {
                return new AfterSalesService.AdjustmentPage(afterAt, afterAt == null ? null : afterTicketId, n);
            }
        } catch (NumberFormatException e) {
            // reported below in words
        }
        throw ApiException.badRequest("limit must be a whole number of adjustments from 1 to "
                + AfterSalesService.MAX_PAGE_ADJUSTMENTS);
    }
}
