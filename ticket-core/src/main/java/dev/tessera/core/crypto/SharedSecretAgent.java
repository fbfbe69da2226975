package dev.tessera.core.crypto;

import java.math.BigInteger;
import java.util.Objects;

/**
 * Computes the P-256 ECDH shared secret with a chip's private key, which may never leave the chip: the software
 * agent holds the scalar in memory (simulator, tests); a card agent sends the ephemeral point to the chip.
 */
@FunctionalInterface
public interface SharedSecretAgent {

    /**
     * @param ephemeralPublicKeySec1 a validated P-256 point, SEC1 uncompressed (65 bytes): {@link ChipEnvelope#open}
     *                               decompresses the envelope's key once and hands it on in the form a chip takes
     * @return the 32-byte x-coordinate of the shared point (plain ECDH, no hashing)
     */
    byte[] agree(byte[] ephemeralPublicKeySec1);

    /**
     * @param privateScalar 32 bytes, big-endian, in [1, n-1]
     * @throws IllegalArgumentException if the scalar is not a valid P-256 private key
     */
    static SharedSecretAgent software(byte[] privateScalar) {
        BigInteger scalar = P256.decodePrivateScalar(Objects.requireNonNull(privateScalar, "privateScalar"));
        return ephemeralPublicKeySec1 -> P256.sharedSecret(scalar, P256.decodePoint(ephemeralPublicKeySec1));
    }
}
