package dev.tessera.center.account;

import dev.tessera.center.problem.DomainException;
import dev.tessera.contract.account.Account;
import dev.tessera.core.model.Role;

/** The signed-in account behind a request. */
public record Principal(long accountId, String loginId, Role role, String displayName) {
    /** The account as the API shows it. */
    public Account account() {
        return new Account(accountId, loginId, role, displayName);
    }

    public void require(Role... allowed) {
        for (Role r : allowed) {
            if (r == role) {
                return;
            }
        }
        throw DomainException.forbidden("a " + role.name().toLowerCase(java.util.Locale.ROOT) + " account may not do this");
    }
}
