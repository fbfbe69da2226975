package dev.tessera.contract.account;

import dev.tessera.core.model.Role;

/** An account as the API shows it: the caller (GET /api/me), a sign-in's account, the accounts an organizer lists. */
public record Account(long accountId, String loginId, Role role, String displayName) {}
