package dev.tessera.core.crypto;

import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** An issuer's Ed25519 signing key: the center's, or a terminal key certified for offline sales. */
public final class IssuerKeyPair {

    public static final int PRIVATE_KEY_LENGTH = Ed25519PrivateKeyParameters.KEY_SIZE;

    private final Ed25519PrivateKeyParameters privateKey;
    private final IssuerPublicKey publicKey;

    private IssuerKeyPair(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = IssuerPublicKey.of(privateKey.generatePublicKey());
    }

    public static IssuerKeyPair generate(SecureRandom random) {
        return new IssuerKeyPair(new Ed25519PrivateKeyParameters(Objects.requireNonNull(random, "random")));
    }

    /** @param privateKey the 32-byte RFC 8032 seed */
    public static IssuerKeyPair fromPrivate(byte[] privateKey) {
        Objects.requireNonNull(privateKey, "privateKey");
        if (privateKey.length != PRIVATE_KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 private key is %d bytes, got %d"
                    .formatted(PRIVATE_KEY_LENGTH, privateKey.length));
        }
        return new IssuerKeyPair(new Ed25519PrivateKeyParameters(privateKey));
    }

    /** The 32-byte seed, for sealed storage only. */
    public byte[] privateKeyBytes() {
        return privateKey.getEncoded();
    }

    public IssuerPublicKey publicKey() {
        return publicKey;
    }

    /** A 64-byte Ed25519 signature (pure Ed25519, no context). */
    public byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    @Override
    public String toString() {
        return "IssuerKeyPair[keyId=" + publicKey.keyIdHex() + "]";
    }
}
