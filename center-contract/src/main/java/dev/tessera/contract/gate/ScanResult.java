package dev.tessera.contract.gate;

import java.time.OffsetDateTime;

/** @param usedAtGate, usedAt for ALREADY_USED: where and when the ticket was admitted first */
public record ScanResult(Verdict verdict, boolean admitted, String reason, String ticketId, Integer version,
                         String seatId, String usedAtGate, OffsetDateTime usedAt) {}
