package dev.tessera.contract.account;

/** POST /api/sessions: a sign-in. */
public record Login(String loginId, String password) {}
