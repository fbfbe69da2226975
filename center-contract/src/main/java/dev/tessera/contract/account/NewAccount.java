package dev.tessera.contract.account;

import dev.tessera.core.model.Role;

/** POST /api/accounts. */
public record NewAccount(String loginId, String password, Role role, String displayName) {}
