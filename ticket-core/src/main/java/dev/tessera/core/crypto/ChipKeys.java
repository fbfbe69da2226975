package dev.tessera.core.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;

/** A chip's P-256 key pair as raw bytes, for the chip simulator and tests; a real chip keeps its private key. */
public final class ChipKeys {

    private final byte[] privateScalar;
    private final byte[] publicKeySec1;

    private ChipKeys(BigInteger scalar) {
        this.privateScalar = P256.encodeScalar(scalar);
        this.publicKeySec1 = P256.DOMAIN.getG().multiply(scalar).normalize().getEncoded(false);
    }

    public static ChipKeys generate(SecureRandom random) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(P256.DOMAIN, Objects.requireNonNull(random, "random")));
        ECPrivateKeyParameters privateKey = (ECPrivateKeyParameters) generator.generateKeyPair().getPrivate();
        return new ChipKeys(privateKey.getD());
    }

    /** @param privateScalar 32 bytes, big-endian, in [1, n-1] */
    public static ChipKeys fromPrivateScalar(byte[] privateScalar) {
        return new ChipKeys(P256.decodePrivateScalar(Objects.requireNonNull(privateScalar, "privateScalar")));
    }

    /** True if the bytes are a SEC1 compressed or uncompressed point on P-256. */
    public static boolean isValidPublicKey(byte[] publicKeySec1) {
        if (publicKeySec1 == null) {
            return false;
        }
        try {
            P256.decodePoint(publicKeySec1);
            return true;
        } catch (IllegalArgumentException notAPoint) {
            return false;
        }
    }

    /** 32 bytes, big-endian. */
    public byte[] privateScalar() {
        return privateScalar.clone();
    }

    /** 65 bytes, SEC1 uncompressed (0x04 || x || y). */
    public byte[] publicKeySec1() {
        return publicKeySec1.clone();
    }

    public SharedSecretAgent agent() {
        return SharedSecretAgent.software(privateScalar);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChipKeys that && Arrays.equals(publicKeySec1, that.publicKeySec1);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKeySec1);
    }

    @Override
    public String toString() {
        return "ChipKeys[P-256, private key not shown]";
    }
}
