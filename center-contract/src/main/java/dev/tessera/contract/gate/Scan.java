package dev.tessera.contract.gate;

import java.time.Instant;

/**
 * @param scannedAt when a gate that verified the ticket offline admitted it; null for a live scan. A report
 *                  repeated with the same gate, ticket and time (a retried sync) is answered from the first one.
 */
public record Scan(long eventId, String gateId, String ticket, String chipId, Instant scannedAt) {}
