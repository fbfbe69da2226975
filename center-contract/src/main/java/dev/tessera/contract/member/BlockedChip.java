package dev.tessera.contract.member;

import dev.tessera.core.model.ChipStatus;
import java.time.OffsetDateTime;

public record BlockedChip(String chipId, ChipStatus status, int revokedTickets, OffsetDateTime blockedAt) {}
