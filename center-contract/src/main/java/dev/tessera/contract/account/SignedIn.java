package dev.tessera.contract.account;

import java.time.OffsetDateTime;

/** POST /api/sessions: the session a sign-in opens. */
public record SignedIn(String token, Account account, OffsetDateTime expiresAt) {}
