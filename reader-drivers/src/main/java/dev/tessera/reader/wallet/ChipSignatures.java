package dev.tessera.reader.wallet;

import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;

/** Checks INTERNAL AUTHENTICATE signatures (ECDSA P-256 over 'TIA1' ‖ chip id ‖ challenge): see ChipProof. */
public final class ChipSignatures {

    private static final ECDomainParameters P256 = new ECDomainParameters(CustomNamedCurves.getByName("secp256r1"));

    private ChipSignatures() {
    }

    /** False, never an exception, for any malformed key or signature. */
    public static boolean verify(byte[] publicKeySec1, byte[] chipId, byte[] challenge, byte[] derSignature) {
        return dev.tessera.core.crypto.ChipProof.verify(publicKeySec1, chipId, challenge, derSignature);
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
