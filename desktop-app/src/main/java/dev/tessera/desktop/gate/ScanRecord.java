package dev.tessera.desktop.gate;

import dev.tessera.reader.gate.Verdict;
import java.time.Instant;

/**
 * One tap or scan as the ledger keeps it. {@code reportedVerdict} is the center's answer to an admission
 * (null until reported); anything but ADMITTED there means the ticket had entered elsewhere: a duplicate.
 */
public record ScanRecord(long id, String gateId, Instant at, String medium, Verdict verdict, String ticketId,
                         String seatId, String chipId, String detail, String reportedVerdict, String reportedReason,
                         String usedAtGate, Instant usedAt) {

    public boolean admitted() {
        return verdict == Verdict.ADMITTED;
    }

    public boolean duplicate() {
        return admitted() && reportedVerdict != null && !Verdict.ADMITTED.name().equals(reportedVerdict);
    }
}
