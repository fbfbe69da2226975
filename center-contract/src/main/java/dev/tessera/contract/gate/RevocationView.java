package dev.tessera.contract.gate;

import java.time.OffsetDateTime;

public record RevocationView(long id, String ticketId, int version, String reason, OffsetDateTime revokedAt) {}
