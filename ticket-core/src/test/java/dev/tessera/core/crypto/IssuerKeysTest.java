package dev.tessera.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IssuerKeysTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] MESSAGE = "TK ticket bytes".getBytes(StandardCharsets.US_ASCII);

    private final IssuerKeyPair issuer = IssuerKeyPair.generate(new SecureRandom());

    @Test
    void signatureVerifiesUnderThePublicKey() {
        byte[] signature = issuer.sign(MESSAGE);

        assertThat(signature).hasSize(IssuerPublicKey.SIGNATURE_LENGTH);
        assertThat(issuer.publicKey().verify(MESSAGE, signature)).isTrue();
    }

    @Test
    void tamperedMessageOrSignatureDoesNotVerify() {
        byte[] signature = issuer.sign(MESSAGE);
        byte[] otherMessage = MESSAGE.clone();
        otherMessage[0] ^= 1;
        byte[] otherSignature = signature.clone();
        otherSignature[10] ^= 1;

        assertThat(issuer.publicKey().verify(otherMessage, signature)).isFalse();
        assertThat(issuer.publicKey().verify(MESSAGE, otherSignature)).isFalse();
    }

    @Test
    void badInputVerifiesAsFalseWithoutThrowing() {
        IssuerPublicKey key = issuer.publicKey();
        byte[] signature = issuer.sign(MESSAGE);

        assertThat(key.verify(null, signature)).isFalse();
        assertThat(key.verify(MESSAGE, null)).isFalse();
        assertThat(key.verify(MESSAGE, new byte[0])).isFalse();
        assertThat(key.verify(MESSAGE, Arrays.copyOf(signature, 63))).isFalse();
        assertThat(key.verify(MESSAGE, Arrays.copyOf(signature, 65))).isFalse();
        byte[] allOnes = new byte[64];
        Arrays.fill(allOnes, (byte) 0xFF);
        assertThat(key.verify(MESSAGE, allOnes)).isFalse();
    }

    @Test
    void signatureFromAnotherIssuerDoesNotVerify() {
        IssuerKeyPair other = IssuerKeyPair.generate(new SecureRandom());

        assertThat(issuer.publicKey().verify(MESSAGE, other.sign(MESSAGE))).isFalse();
    }

    @Test
    void privateKeyBytesRestoreTheSameKeyPair() {
        IssuerKeyPair restored = IssuerKeyPair.fromPrivate(issuer.privateKeyBytes());

        assertThat(restored.publicKey()).isEqualTo(issuer.publicKey());
        assertThat(issuer.publicKey().verify(MESSAGE, restored.sign(MESSAGE))).isTrue();
    }

    @Test
    void publicKeyRoundTripsThroughItsEncoding() {
        IssuerPublicKey decoded = IssuerPublicKey.of(issuer.publicKey().encoded());

        assertThat(decoded).isEqualTo(issuer.publicKey()).hasSameHashCodeAs(issuer.publicKey());
    }

    @Test
    void keyIdIsTheFirstEightBytesOfSha256OverThePublicKey() throws Exception {
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(issuer.publicKey().encoded());

        assertThat(issuer.publicKey().keyId()).isEqualTo(Arrays.copyOf(sha256, 8));
        assertThat(issuer.publicKey().keyIdHex()).isEqualTo(HEX.formatHex(sha256, 0, 8));
    }

    @Test
    void rfc8032TestVectorOne() {
        IssuerKeyPair vector = IssuerKeyPair.fromPrivate(
                HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

        assertThat(HEX.formatHex(vector.publicKey().encoded()))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(HEX.formatHex(vector.sign(new byte[0]))).isEqualTo(
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    }

    @Test
    void toStringNeverShowsPrivateMaterial() {
        String privateHex = HEX.formatHex(issuer.privateKeyBytes());

        assertThat(issuer.toString()).doesNotContainIgnoringCase(privateHex)
                .contains(issuer.publicKey().keyIdHex());
        assertThat(issuer.publicKey().toString()).doesNotContainIgnoringCase(privateHex);
    }

    @Test
    void accessorsReturnCopies() {
        IssuerPublicKey key = issuer.publicKey();
        key.encoded()[0] ^= 1;
        key.keyId()[0] ^= 1;
        issuer.privateKeyBytes()[0] ^= 1;

        assertThat(key).isEqualTo(IssuerPublicKey.of(issuer.publicKey().encoded()));
        assertThat(IssuerKeyPair.fromPrivate(issuer.privateKeyBytes()).publicKey()).isEqualTo(key);
    }

    @Test
    void bytesThatAreNoCurvePointAreRefusedAsPublicKeys() {
        java.util.Random fuzz = new java.util.Random(25519);
        int refused = 0;
        for (int i = 0; i < 500; i++) {
            byte[] candidate = new byte[32];
            fuzz.nextBytes(candidate);
            try {
                assertThat(IssuerPublicKey.of(candidate).verify(MESSAGE, issuer.sign(MESSAGE))).isFalse();
            } catch (IllegalArgumentException notAPoint) {
                refused++;
            }
        }
        assertThat(refused).as("about half of all 32-byte strings encode no Ed25519 point").isBetween(150, 350);
    }

    @Test
    void wrongKeyLengthsAreRefused() {
        assertThatThrownBy(() -> IssuerKeyPair.fromPrivate(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IssuerPublicKey.of(new byte[33])).isInstanceOf(IllegalArgumentException.class);
    }
}
