package dev.tessera.center.http;

import static dev.tessera.center.http.CenterRole.MANAGER;
import static dev.tessera.center.http.CenterRole.ORGANIZER;

import dev.tessera.center.Services;
import dev.tessera.center.account.AccountService;
import dev.tessera.core.model.Role;
import java.util.List;
import dev.tessera.contract.account.SignedIn;

/** Sign-in and sign-out, the caller, the accounts an organizer creates. */
final class AccountRoutes {
    private AccountRoutes() {
    }

    static void register(Routes r, Services s) {
        r.route(Endpoints.SIGN_IN, (ctx, login) -> {
            AccountService.Session session = s.accounts().login(login.loginId(),
                    login.password() == null ? null : login.password().toCharArray());
            return new SignedIn(session.token(), session.principal().account(), session.expiresAt());
        });
        r.route(Endpoints.SIGN_OUT, (ctx, none) -> {
            s.accounts().logout(Api.bearer(ctx));
            return null;
        }, Routes.ANYONE);
        r.route(Endpoints.ME, (ctx, none) -> Api.principal(ctx), Routes.ANYONE);
        r.route(Endpoints.CREATE_ACCOUNT, (ctx, a) -> {
            if (a.role() == null || a.password() == null) {
                throw ApiException.badRequest("role and password are required");
            }
            long id = s.accounts().create(a.loginId(), a.password().toCharArray(), a.role(), a.displayName());
            return s.accounts().find(id);
        }, ORGANIZER);
        r.route(Endpoints.ACCOUNTS, (ctx, none) -> {
            String role = ctx.queryParam("role");
            Role filter;
            try {
                filter = role == null ? null : Role.valueOf(role);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("role must be one of " + List.of(Role.values()));
            }
            return s.accounts().list(filter);
        }, ORGANIZER, MANAGER);
    }
}
