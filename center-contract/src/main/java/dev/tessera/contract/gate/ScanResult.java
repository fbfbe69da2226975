package dev.tessera.contract.gate;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * @param usedAtGate, usedAt for ALREADY_USED: where and when the ticket was admitted first
 * @param attendees for ADMITTED: the attendee names the ticket carries (claim 70), for the gate staff to compare
 *                  with the guest; empty for every refusal
 */
public record ScanResult(Verdict verdict, boolean admitted, String reason, String ticketId, Integer version,
                         String seatId, String usedAtGate, OffsetDateTime usedAt, List<String> attendees) {

    public ScanResult {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
    }
}
