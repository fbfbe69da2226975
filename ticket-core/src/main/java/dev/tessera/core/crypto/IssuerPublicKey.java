package dev.tessera.core.crypto;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** An issuer's Ed25519 public key (RFC 8032), as gates hold it to verify ticket signatures. Immutable. */
public final class IssuerPublicKey {

    public static final int LENGTH = Ed25519PublicKeyParameters.KEY_SIZE;
    public static final int KEY_ID_LENGTH = 8;
    public static final int SIGNATURE_LENGTH = 64;

    private final Ed25519PublicKeyParameters key;
    private final byte[] encoded;
    private final byte[] keyId;

    private IssuerPublicKey(Ed25519PublicKeyParameters key) {
        this.key = key;
        this.encoded = key.getEncoded();
        this.keyId = keyIdOf(encoded);
    }

    /**
     * @param encoded the 32-byte RFC 8032 encoding
     * @throws IllegalArgumentException if it has another length or is not a point on Ed25519
     */
    public static IssuerPublicKey of(byte[] encoded) {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.length != LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key is %d bytes, got %d".formatted(LENGTH, encoded.length));
        }
        return new IssuerPublicKey(new Ed25519PublicKeyParameters(encoded));
    }

    static IssuerPublicKey of(Ed25519PublicKeyParameters key) {
        return new IssuerPublicKey(key);
    }

    public byte[] encoded() {
        return encoded.clone();
    }

    /** The first 8 bytes of SHA-256 over the raw 32-byte key: names the key inside each signed ticket. */
    public byte[] keyId() {
        return keyId.clone();
    }

    public String keyIdHex() {
        return HexFormat.of().formatHex(keyId);
    }

    /** False, never an exception, for a wrong, malformed or missing signature or message. */
    public boolean verify(byte[] message, byte[] signature) {
        if (message == null || signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        // what Ed25519Signer.verifySignature does, without copying the message into its buffer first
        return key.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IssuerPublicKey that && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "IssuerPublicKey[keyId=" + keyIdHex() + "]";
    }

    private static byte[] keyIdOf(byte[] encodedKey) {
        SHA256Digest sha256 = new SHA256Digest();
        sha256.update(encodedKey, 0, encodedKey.length);
        byte[] digest = new byte[sha256.getDigestSize()];
        sha256.doFinal(digest, 0);
        return Arrays.copyOf(digest, KEY_ID_LENGTH);
    }
}
