package dev.tessera.core.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One entry of a terminal's append-only journal. Entries carry a per-terminal sequence number and
 * a SHA-256 hash chain, so a gap, a reordering or an edited entry is detected on sync.
 */
public record LedgerEntry(String terminalId, long sequence, LedgerKind kind, Instant at, String payload,
                          byte[] previousHash, byte[] hash) {

    public static final int HASH_LENGTH = 32;
    private static final byte[] GENESIS = new byte[HASH_LENGTH];

    public LedgerEntry {
        Require.text(terminalId, "terminal id", 64);
        Require.positive(sequence, "sequence");
        Require.present(kind, "kind");
        Require.present(at, "time");
        Require.present(payload, "payload");
        if (previousHash == null || previousHash.length != HASH_LENGTH || hash == null || hash.length != HASH_LENGTH) {
            throw new IllegalArgumentException("ledger hashes must be " + HASH_LENGTH + " bytes");
        }
        previousHash = previousHash.clone();
        hash = hash.clone();
        if (!Arrays.equals(hash, digest(terminalId, sequence, kind, at, payload, previousHash))) {
            throw new IllegalArgumentException("ledger entry " + terminalId + "/" + sequence + " fails its hash check");
        }
    }

    /** The first entry of a terminal's journal. */
    public static LedgerEntry first(String terminalId, LedgerKind kind, Instant at, String payload) {
        return new LedgerEntry(terminalId, 1, kind, at, payload, GENESIS,
                digest(terminalId, 1, kind, at, payload, GENESIS));
    }

    /** The entry that follows this one in the same journal. */
    public LedgerEntry next(LedgerKind nextKind, Instant nextAt, String nextPayload) {
        long nextSequence = sequence + 1;
        return new LedgerEntry(terminalId, nextSequence, nextKind, nextAt, nextPayload, hash,
                digest(terminalId, nextSequence, nextKind, nextAt, nextPayload, hash));
    }

    /** True when {@code next} directly follows this entry in the same chain. */
    public boolean isFollowedBy(LedgerEntry next) {
        return next.terminalId.equals(terminalId) && next.sequence == sequence + 1
                && Arrays.equals(next.previousHash, hash);
    }

    private static byte[] digest(String terminalId, long sequence, LedgerKind kind, Instant at, String payload,
                                 byte[] previousHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash);
            sha.update(terminalId.getBytes(StandardCharsets.UTF_8));
            sha.update(ByteBuffer.allocate(Long.BYTES * 3 + Integer.BYTES)
                    .putLong(sequence).putInt(kind.ordinal()).putLong(at.getEpochSecond()).putLong(at.getNano()).array());
            sha.update(payload.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public byte[] previousHash() {
        return previousHash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LedgerEntry e && terminalId.equals(e.terminalId) && sequence == e.sequence
                && Arrays.equals(hash, e.hash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(terminalId, sequence, Arrays.hashCode(hash));
    }

    @Override
    public String toString() {
        return "LedgerEntry[" + terminalId + "/" + sequence + " " + kind + " " + HexFormat.of().formatHex(hash, 0, 6) + "]";
    }
}
