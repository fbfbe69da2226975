package dev.tessera.core.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;

/**
 * INTERNAL AUTHENTICATE (docs/card-protocol.md §4.6): a chip's ECDSA P-256 / SHA-256 signature, DER, over
 * {@code 'T' 'I' 'A' '1' ‖ chip id ‖ challenge}. The one place that builds and checks that message, for the
 * center, the gate and the host driver alike.
 */
public final class ChipProof {

    private static final byte[] TAG = "TIA1".getBytes(StandardCharsets.US_ASCII);

    private ChipProof() {
    }

    /** The signed message: 'TIA1' ‖ chip id ‖ challenge. */
    public static byte[] message(byte[] chipId, byte[] challenge) {
        byte[] m = new byte[TAG.length + chipId.length + challenge.length];
        System.arraycopy(TAG, 0, m, 0, TAG.length);
        System.arraycopy(chipId, 0, m, TAG.length, chipId.length);
        System.arraycopy(challenge, 0, m, TAG.length + chipId.length, challenge.length);
        return m;
    }

    /** False, never an exception, for any malformed key or signature. */
    public static boolean verify(byte[] publicKeySec1, byte[] chipId, byte[] challenge, byte[] derSignature) {
        if (publicKeySec1 == null || chipId == null || challenge == null || derSignature == null) {
            return false;
        }
        try {
            ECPoint q = P256.decodePoint(publicKeySec1);
            ASN1Sequence seq = ASN1Sequence.getInstance(derSignature);
            if (seq.size() != 2) {
                return false;
            }
            BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getPositiveValue();
            BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getPositiveValue();
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, new ECPublicKeyParameters(q, P256.DOMAIN));
            return verifier.verifySignature(digest(chipId, challenge), r, s);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException malformed) {
            return false;
        }
    }

    /** What a chip answers to INTERNAL AUTHENTICATE, for simulators and tests (a real chip keeps its key). */
    public static byte[] sign(ChipKeys keys, byte[] chipId, byte[] challenge) {
        Objects.requireNonNull(keys, "keys");
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(P256.decodePrivateScalar(keys.privateScalar()), P256.DOMAIN));
        BigInteger[] rs = signer.generateSignature(digest(chipId, challenge));
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(rs[0]));
        v.add(new ASN1Integer(rs[1]));
        try {
            return new DERSequence(v).getEncoded(ASN1Encoding.DER);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] digest(byte[] chipId, byte[] challenge) {
        byte[] m = message(chipId, challenge);
        SHA256Digest sha = new SHA256Digest();
        sha.update(m, 0, m.length);
        byte[] digest = new byte[32];
        sha.doFinal(digest, 0);
        return digest;
    }
}
