package dev.tessera.contract.member;

import java.time.OffsetDateTime;

/** A fresh challenge for a card's INTERNAL AUTHENTICATE (docs/card-protocol.md §4.6). */
public record ChipChallenge(String challengeId, String challenge, OffsetDateTime expiresAt) {}
