package dev.tessera.center.http;

import static dev.tessera.center.http.CenterRole.MEMBER;
import static dev.tessera.center.http.CenterRole.SELLER;

import dev.tessera.center.Services;
import dev.tessera.center.account.Principal;
import dev.tessera.center.transfer.LostCards;
import io.javalin.http.Context;

/** Transfers between members' chips (claims 29 k, 36-40, 63-66, 79), a member's own tickets, lost cards (issue 14). */
final class TransferRoutes {
    private TransferRoutes() {
    }

    static void register(Routes r, Services s) {
        r.route(Endpoints.START_TRANSFER, (ctx, body) -> s.transfers().start(Api.principal(ctx).accountId(), body),
                MEMBER);
        r.route(Endpoints.TRANSFER, (ctx, none) -> s.transfers().find(Api.principal(ctx).accountId(),
                Api.pathId(ctx, "transferId")), MEMBER);
        r.route(Endpoints.ACCEPT_TRANSFER, (ctx, body) -> s.transfers().accept(Api.principal(ctx).accountId(),
                Api.pathId(ctx, "transferId"), body), MEMBER);
        // issue 14: the assignor takes back a transfer still pending
        r.route(Endpoints.CANCEL_TRANSFER, (ctx, none) -> s.transfers().cancel(Api.principal(ctx).accountId(),
                Api.pathId(ctx, "transferId")), MEMBER);
        // issue 14: the member's own wallet: every ticket with its state, the transfers waiting on either side
        r.route(Endpoints.MY_TICKETS, (ctx, none) -> s.memberTickets().tickets(Api.principal(ctx).accountId()), MEMBER);
        r.route(Endpoints.MY_TRANSFERS, (ctx, none) -> s.memberTickets().transfers(Api.principal(ctx).accountId()),
                MEMBER);
        // issue 14: a lost or stolen card, blocked by its member or at the counter; its tickets moved to the new card
        r.route(Endpoints.BLOCK_CHIP, (ctx, body) -> s.lostCards().block(lostCardCaller(ctx), ctx.pathParam("chipId"),
                body), MEMBER, SELLER);
        r.route(Endpoints.REPLACE_CHIP, (ctx, body) -> s.lostCards().replace(lostCardCaller(ctx), ctx.pathParam("chipId"),
                body), MEMBER, SELLER);
    }

    private static LostCards.Caller lostCardCaller(Context ctx) {
        Principal p = Api.principal(ctx);
        return new LostCards.Caller(p.accountId(), p.role());
    }
}
