package dev.tessera.reader.wallet;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/** Checks INTERNAL AUTHENTICATE signatures (ECDSA P-256 over 'TIA1' ‖ chip id ‖ challenge) with BouncyCastle. */
public final class ChipSignatures {

    private static final ECDomainParameters P256 = new ECDomainParameters(CustomNamedCurves.getByName("secp256r1"));
    private static final byte[] TAG = "TIA1".getBytes(StandardCharsets.US_ASCII);

    private ChipSignatures() {
    }

    /** False, never an exception, for any malformed key or signature. */
    public static boolean verify(byte[] publicKeySec1, byte[] chipId, byte[] challenge, byte[] derSignature) {
        try {
            ECPoint q = P256.validatePublicPoint(P256.getCurve().decodePoint(publicKeySec1));
            ASN1Sequence seq = ASN1Sequence.getInstance(derSignature);
            if (seq.size() != 2) {
                return false;
            }
            BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getPositiveValue();
            BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getPositiveValue();
            SHA256Digest sha = new SHA256Digest();
            sha.update(TAG, 0, TAG.length);
            sha.update(chipId, 0, chipId.length);
            sha.update(challenge, 0, challenge.length);
            byte[] digest = new byte[32];
            sha.doFinal(digest, 0);
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, new ECPublicKeyParameters(q, P256));
            return verifier.verifySignature(digest, r, s);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException malformed) {
            return false;
        }
    }

    /** A SEC1 point (compressed or not) as the uncompressed form a Java Card's ECDH takes. */
    static byte[] uncompressed(byte[] sec1) throws CardProtocolException {
        try {
            return P256.validatePublicPoint(P256.getCurve().decodePoint(sec1)).getEncoded(false);
        } catch (IllegalArgumentException e) {
            throw new CardProtocolException("not a P-256 point", e);
        }
    }
}
