package dev.tessera.desktop.center;

import java.time.Instant;
import java.util.List;

/** The center's JSON for gates (claim 67; docs/openapi.json): what an offline gate needs, and scan reports. */
public final class GateApiTypes {
    private GateApiTypes() {}

    public record IssuerKey(String keyId, String publicKey) {}

    public record GateChip(String chipId, String publicKey, String gateKey) {
        @Override
        public String toString() {
            return "GateChip[" + chipId + ", keys not shown]";
        }
    }

    public record GatePackage(long eventId, Instant issuedAt, List<GateChip> chips) {
        public GatePackage {
            chips = chips == null ? List.of() : List.copyOf(chips);
        }
    }

    public record Revocation(long id, String ticketId, int version, String reason, Instant revokedAt) {}

    /** An admission the gate made, reported to the center; {@code scannedAt} makes a retried report count once. */
    public record ScanReport(long eventId, String gateId, String ticket, String chipId, Instant scannedAt) {}

    public record ScanResult(String verdict, boolean admitted, String reason, String ticketId, Integer version,
                             String seatId, String usedAtGate, Instant usedAt) {}

    public record GateCount(String gateId, int admitted, int refused) {}
}
