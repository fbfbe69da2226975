package dev.tessera.core.crypto;

import java.math.BigInteger;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/** NIST P-256 (secp256r1) points, scalars and plain ECDH, the way a Java Card chip does them. */
final class P256 {

    static final int FIELD_LENGTH = 32;
    static final int COMPRESSED_POINT_LENGTH = 1 + FIELD_LENGTH;
    static final int UNCOMPRESSED_POINT_LENGTH = 1 + 2 * FIELD_LENGTH;
    static final ECDomainParameters DOMAIN = new ECDomainParameters(CustomNamedCurves.getByName("secp256r1"));

    private static final byte EVEN_Y = 0x02;
    private static final byte ODD_Y = 0x03;
    private static final byte UNCOMPRESSED = 0x04;

    private P256() {
    }

    /**
     * Decodes a SEC1 compressed (33) or uncompressed (65) point; hybrid encodings and the point at infinity are refused.
     *
     * @throws IllegalArgumentException if the bytes are no such encoding or the point is not on the curve
     */
    static ECPoint decodePoint(byte[] sec1) {
        boolean compressed = sec1.length == COMPRESSED_POINT_LENGTH && (sec1[0] == EVEN_Y || sec1[0] == ODD_Y);
        boolean uncompressed = sec1.length == UNCOMPRESSED_POINT_LENGTH && sec1[0] == UNCOMPRESSED;
        if (!compressed && !uncompressed) {
            throw new IllegalArgumentException("not a SEC1 P-256 point encoding (%d bytes)".formatted(sec1.length));
        }
        return DOMAIN.validatePublicPoint(DOMAIN.getCurve().decodePoint(sec1));
    }

    /** @throws IllegalArgumentException unless it is 32 bytes, big-endian, in [1, n-1] */
    static BigInteger decodePrivateScalar(byte[] scalar) {
        if (scalar.length != FIELD_LENGTH) {
            throw new IllegalArgumentException("a P-256 private scalar is %d bytes, got %d".formatted(FIELD_LENGTH, scalar.length));
        }
        return DOMAIN.validatePrivateScalar(new BigInteger(1, scalar));
    }

    static byte[] encodeScalar(BigInteger scalar) {
        return BigIntegers.asUnsignedByteArray(FIELD_LENGTH, scalar);
    }

    /** The x-coordinate of d·Q, 32 bytes: what Java Card's ALG_EC_SVDP_DH_PLAIN returns. */
    static byte[] sharedSecret(BigInteger privateScalar, ECPoint publicPoint) {
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(new ECPrivateKeyParameters(privateScalar, DOMAIN));
        BigInteger x = agreement.calculateAgreement(new ECPublicKeyParameters(publicPoint, DOMAIN));
        return BigIntegers.asUnsignedByteArray(FIELD_LENGTH, x);
    }
}
