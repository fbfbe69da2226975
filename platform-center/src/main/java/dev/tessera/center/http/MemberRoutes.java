package dev.tessera.center.http;

import static dev.tessera.center.http.CenterRole.GATE;
import static dev.tessera.center.http.CenterRole.MEMBER;
import static dev.tessera.center.http.CenterRole.ORGANIZER;
import static dev.tessera.center.http.CenterRole.SELLER;

import dev.tessera.center.Services;
import dev.tessera.center.account.Principal;
import dev.tessera.center.problem.DomainException;
import dev.tessera.core.model.Chip;
import dev.tessera.core.model.Role;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.tessera.contract.chip.ChipView;
import dev.tessera.contract.chip.ChipTickets;

/** Members and their chips (claim 31), and the ticket package of a chip (claims 67, 76, 89). */
final class MemberRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(MemberRoutes.class);

    private MemberRoutes() {
    }

    static void register(Routes r, Services s) {
        r.route(Endpoints.REGISTER_MEMBER, (ctx, body) -> {
            try {
                return s.accounts().find(s.members().registerMember(body));
            } catch (DomainException e) {
                // issue 14: a member who already has an account (the demo member) gets a card by their own password
                if ("login-taken".equals(e.code()) && body.password() != null) {
                    try {
                        Principal member = s.accounts().verifyMember(body.loginId(), body.password().toCharArray());
                        ctx.status(200);
                        return member;
                    } catch (DomainException refused) {
                        LOG.info("login id {} taken; not the member's password ({})", body.loginId(), refused.code());
                    }
                }
                throw e;
            }
        }, SELLER, ORGANIZER);
        r.route(Endpoints.FIND_MEMBERS, (ctx, none) -> s.members().find(ctx.queryParam("q")), SELLER);
        r.route(Endpoints.REGISTER_CHIP, (ctx, body) -> chipView(s.members().registerChip(body)), SELLER, ORGANIZER);
        r.route(Endpoints.CHIP, (ctx, none) -> chipView(s.members().chip(ctx.pathParam("chipId"))),
                SELLER, GATE, ORGANIZER);
        // Claims 67, 76, 89: the ticket package for one chip, each ticket sealed for that chip.
        r.route(Endpoints.CHIP_TICKETS, (ctx, none) -> {
            Principal p = Api.principal(ctx);
            Chip chip = s.members().chip(ctx.pathParam("chipId"));
            if (p.role() == Role.MEMBER && (chip.memberId() == null || chip.memberId() != p.accountId())) {
                throw ApiException.notFound("chip " + chip.chipId() + " is not one of your chips");
            }
            return new ChipTickets(chip.chipId(), s.sales().ticketsOfChip(chip.chipId()));
        }, MEMBER, SELLER);
        r.route(Endpoints.MY_CHIPS, (ctx, none) -> s.members().chipsOf(Api.principal(ctx).accountId()).stream()
                .map(MemberRoutes::chipView).toList(), MEMBER);
    }

    private static ChipView chipView(Chip chip) {
        return new ChipView(chip.chipId(), HexFormat.of().formatHex(chip.publicKey()),
                chip.memberId() == null ? 0L : chip.memberId(), chip.status());
    }
}
