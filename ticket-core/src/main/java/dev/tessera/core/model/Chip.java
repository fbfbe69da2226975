package dev.tessera.core.model;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** Claim 31: an information storage chip, a member's card once registered, with its P-256 public key. */
public record Chip(String chipId, byte[] publicKey, Long memberId, ChipStatus status) {
    public Chip {
        chipId = chipId(chipId);
        Require.present(publicKey, "chip public key");
        if (publicKey.length != 33 && publicKey.length != 65) {
            throw new IllegalArgumentException("chip public key must be a SEC1 P-256 point (33 or 65 bytes)");
        }
        publicKey = publicKey.clone();
        Require.present(status, "chip status");
    }

    /** Validates a chip id: lowercase hex, 4 to 32 bytes. */
    public static String chipId(String chipId) {
        if (chipId == null || !chipId.matches("([0-9a-f]{2}){4,32}")) {
            throw new IllegalArgumentException("chip id must be 8 to 64 lowercase hex digits, was " + chipId);
        }
        return chipId;
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Chip c && chipId.equals(c.chipId) && Arrays.equals(publicKey, c.publicKey)
                && Objects.equals(memberId, c.memberId) && status == c.status;
    }

    @Override
    public int hashCode() {
        return Objects.hash(chipId, Arrays.hashCode(publicKey), memberId, status);
    }

    @Override
    public String toString() {
        return "Chip[" + chipId + ", key " + HexFormat.of().formatHex(publicKey, 0, 4) + "…, member "
                + memberId + ", " + status + "]";
    }
}
