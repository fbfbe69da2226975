package dev.tessera.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tessera.core.format.TicketFormatException;
import dev.tessera.core.format.TicketFormatException.Reason;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;

class ChipEnvelopeTest {

    private static final byte[] TICKET = "TK\u0001 signed ticket bytes".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CHIP_ID = HexFormat.of().parseHex("04a1b2c3d4e5f6");
    private static final int HEADER = 4 + CHIP_ID.length;
    private static final int EPHEMERAL_KEY = HEADER;
    private static final int NONCE = EPHEMERAL_KEY + 33;
    private static final int CIPHERTEXT = NONCE + 12;

    private final SecureRandom random = new SecureRandom();
    private final ChipKeys chip = ChipKeys.generate(random);

    @Test
    void sealedTicketOpensWithTheChipsKey() throws TicketFormatException {
        byte[] envelope = ChipEnvelope.seal(TICKET, chip.publicKeySec1(), CHIP_ID, random);

        assertThat(ChipEnvelope.open(envelope, CHIP_ID, chip.agent())).isEqualTo(TICKET);
    }

    @Test
    void compressedChipPublicKeyIsAccepted() throws TicketFormatException {
        byte[] compressed = P256.decodePoint(chip.publicKeySec1()).getEncoded(true);

        byte[] envelope = ChipEnvelope.seal(TICKET, compressed, CHIP_ID, random);

        assertThat(ChipEnvelope.open(envelope, CHIP_ID, chip.agent())).isEqualTo(TICKET);
    }

    @Test
    void emptyPlaintextRoundTrips() throws TicketFormatException {
        byte[] envelope = ChipEnvelope.seal(new byte[0], chip.publicKeySec1(), CHIP_ID, random);

        assertThat(ChipEnvelope.open(envelope, CHIP_ID, chip.agent())).isEmpty();
    }

    @Test
    void layoutFollowsTheSpec() {
        byte[] envelope = ChipEnvelope.seal(TICKET, chip.publicKeySec1(), CHIP_ID, random);

        assertThat(Arrays.copyOf(envelope, 4)).containsExactly('T', 'E', 0x01, CHIP_ID.length);
        assertThat(Arrays.copyOfRange(envelope, 4, HEADER)).isEqualTo(CHIP_ID);
        assertThat(envelope[EPHEMERAL_KEY]).isIn((byte) 0x02, (byte) 0x03);
        assertThat(ChipKeys.isValidPublicKey(Arrays.copyOfRange(envelope, EPHEMERAL_KEY, NONCE))).isTrue();
        assertThat(envelope).hasSize(CIPHERTEXT + TICKET.length + 16);
    }

    @Test
    void everySealUsesAFreshEphemeralKeyAndNonce() {
        byte[] first = ChipEnvelope.seal(TICKET, chip.publicKeySec1(), CHIP_ID, random);
        byte[] second = ChipEnvelope.seal(TICKET, chip.publicKeySec1(), CHIP_ID, random);

        assertThat(Arrays.copyOfRange(first, EPHEMERAL_KEY, CIPHERTEXT))
                .isNotEqualTo(Arrays.copyOfRange(second, EPHEMERAL_KEY, CIPHERTEXT));
    }

    @Test
    void openingWithAnotherChipIdFailsToDecrypt() {
        byte[] envelope = ChipEnvelope.seal(TICKET, chip.publicKeySec1(), CHIP_ID, random);
        byte[] otherChip = CHIP_ID.clone();
        otherChip[otherChip.length - 1] ^= 1;

        assertReason(() -> ChipEnvelope.open(envelope, otherChip, chip.agent()), Reason.DECRYPTION_FAILED);
    }

    @Test
    void rewritingTheChipIdInTheHeaderFailsToDecrypt() {
        byte[] envelope = ChipEnvelope.seal(TICKET, chip.publicKeySec1(), CHIP_ID, random);
        byte[] otherChip = CHIP_ID.clone();
        otherChip[0] ^= 1;
        System.arraycopy(otherChip, 0, envelope, 4, otherChip.length);

        assertReason(() -> ChipEnvelope.open(envelope, otherChip, chip.agent()), Reason.DECRYPTION_FAILED);
    }

    @Test
    void openingWithAnotherChipsKeyFailsToDecrypt() {
        byte[] envelope = ChipEnvelope.seal(TICKET, chip.publicKeySec1(), CHIP_ID, random);
        ChipKeys otherChip = ChipKeys.generate(random);

        assertReason(() -> ChipEnvelope.open(envelope, CHIP_ID, otherChip.agent()), Reason.DECRYPTION_FAILED);
    }

    @Test
    void negatedEphemeralKeyIsRejectedAlthoughItGivesTheSameSharedSecret() {
        byte[] envelope = ChipEnvelope.seal(TICKET, chip.publicKeySec1(), CHIP_ID, random);
        envelope[EPHEMERAL_KEY] ^= 0x01; // 02 <-> 03: -R, whose x-coordinate ECDH equals R's

        assertReason(() -> ChipEnvelope.open(envelope, CHIP_ID, chip.agent()), Reason.DECRYPTION_FAILED);
    }

    @Test
    void everyBitFlipIsRejected() {
        byte[] envelope = ChipEnvelope.seal(TICKET, chip.publicKeySec1(), CHIP_ID, random);
        SharedSecretAgent agent = chip.agent();
        for (int i = 0; i < envelope.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = envelope.clone();
                tampered[i] ^= (byte) (1 << bit);
                assertThatThrownBy(() -> ChipEnvelope.open(tampered, CHIP_ID, agent))
                        .as("flip of bit %d in byte %d", bit, i)
                        .isInstanceOf(TicketFormatException.class);
            }
        }
    }

    @Test
    void everyTruncationIsRejected() {
        byte[] envelope = ChipEnvelope.seal(TICKET, chip.publicKeySec1(), CHIP_ID, random);
        for (int length = 0; length < envelope.length; length++) {
            byte[] truncated = Arrays.copyOf(envelope, length);
            Reason expected = length < CIPHERTEXT + 16 ? Reason.TRUNCATED : Reason.DECRYPTION_FAILED;
            assertReason(() -> ChipEnvelope.open(truncated, CHIP_ID, chip.agent()), expected);
        }
    }

    @Test
    void ephemeralKeyOffTheCurveIsMalformed() {
        byte[] envelope = ChipEnvelope.seal(TICKET, chip.publicKeySec1(), CHIP_ID, random);
        Arrays.fill(envelope, EPHEMERAL_KEY + 1, NONCE, (byte) 0xFF); // x >= p

        assertReason(() -> ChipEnvelope.open(envelope, CHIP_ID, chip.agent()), Reason.MALFORMED);
    }

    @Test
    void wrongMagicAndVersionAreTyped() {
        byte[] envelope = ChipEnvelope.seal(TICKET, chip.publicKeySec1(), CHIP_ID, random);
        byte[] badMagic = envelope.clone();
        badMagic[1] = 'K';
        byte[] futureVersion = envelope.clone();
        futureVersion[2] = 0x02;

        assertReason(() -> ChipEnvelope.open(badMagic, CHIP_ID, chip.agent()), Reason.BAD_MAGIC);
        assertReason(() -> ChipEnvelope.open(futureVersion, CHIP_ID, chip.agent()), Reason.UNSUPPORTED_VERSION);
    }

    @Test
    void agentReturningAWrongSizedSecretFailsToDecrypt() {
        byte[] envelope = ChipEnvelope.seal(TICKET, chip.publicKeySec1(), CHIP_ID, random);

        assertReason(() -> ChipEnvelope.open(envelope, CHIP_ID, point -> new byte[31]), Reason.DECRYPTION_FAILED);
        assertReason(() -> ChipEnvelope.open(envelope, CHIP_ID, point -> null), Reason.DECRYPTION_FAILED);
    }

    @Test
    void randomEnvelopesOnlyEverFailWithTicketFormatException() {
        Random fuzz = new Random(79);
        SharedSecretAgent agent = chip.agent();
        byte[] valid = ChipEnvelope.seal(TICKET, chip.publicKeySec1(), CHIP_ID, random);
        for (int i = 0; i < 3_000; i++) {
            byte[] input = i % 2 == 0 ? valid.clone() : new byte[fuzz.nextInt(120)];
            if (i % 2 == 0) {
                for (int edits = 1 + fuzz.nextInt(4); edits > 0; edits--) {
                    input[fuzz.nextInt(input.length)] = (byte) fuzz.nextInt(256);
                }
            } else {
                fuzz.nextBytes(input);
                if (input.length >= 4 && fuzz.nextBoolean()) {
                    input[0] = 'T';
                    input[1] = 'E';
                    input[2] = 0x01;
                    input[3] = (byte) (fuzz.nextBoolean() ? CHIP_ID.length : fuzz.nextInt(256));
                }
            }
            byte[] candidate = input;
            try {
                assertThat(ChipEnvelope.open(candidate, CHIP_ID, agent)).isEqualTo(TICKET);
                assertThat(candidate).isEqualTo(valid);
            } catch (TicketFormatException expected) {
                assertThat(expected.reason()).isNotNull();
            }
        }
    }

    @Test
    void sealingForAPointOffTheCurveIsRefused() {
        byte[] notAPoint = chip.publicKeySec1();
        notAPoint[64] ^= 1;

        assertThatThrownBy(() -> ChipEnvelope.seal(TICKET, notAPoint, CHIP_ID, random))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chip public key");
        assertThat(ChipKeys.isValidPublicKey(notAPoint)).isFalse();
    }

    @Test
    void hybridAndOddSizedEncodingsAreNotPublicKeys() {
        byte[] hybrid = chip.publicKeySec1();
        hybrid[0] = (byte) (0x06 | (hybrid[64] & 1));

        assertThat(ChipKeys.isValidPublicKey(hybrid)).isFalse();
        assertThat(ChipKeys.isValidPublicKey(new byte[] {0x00})).isFalse();
        assertThat(ChipKeys.isValidPublicKey(Arrays.copyOf(chip.publicKeySec1(), 64))).isFalse();
        assertThat(ChipKeys.isValidPublicKey(null)).isFalse();
    }

    @Test
    void randomPointEncodingsAreJudgedWithoutThrowing() {
        Random fuzz = new Random(33);
        int valid = 0;
        for (int i = 0; i < 2_000; i++) {
            byte[] point = new byte[i % 2 == 0 ? 33 : 65];
            fuzz.nextBytes(point);
            point[0] = (byte) (i % 2 == 0 ? 2 + fuzz.nextInt(2) : 4);
            valid += ChipKeys.isValidPublicKey(point) ? 1 : 0;
        }
        assertThat(valid).as("about half of all x-coordinates are on the curve").isBetween(300, 700);
    }

    @Test
    void chipIdLengthIsChecked() {
        assertThatThrownBy(() -> ChipEnvelope.seal(TICKET, chip.publicKeySec1(), new byte[0], random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChipEnvelope.seal(TICKET, chip.publicKeySec1(), new byte[256], random))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void envelopeOpensWithAnIndependentEcdhImplementation() throws Exception {
        // The JDK's SunEC stands in for a chip: its ECDH also returns the plain x-coordinate.
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair jdkChip = generator.generateKeyPair();
        ECPoint w = ((ECPublicKey) jdkChip.getPublic()).getW();
        byte[] publicSec1 = new byte[65];
        publicSec1[0] = 0x04;
        System.arraycopy(unsigned32(w.getAffineX()), 0, publicSec1, 1, 32);
        System.arraycopy(unsigned32(w.getAffineY()), 0, publicSec1, 33, 32);

        byte[] envelope = ChipEnvelope.seal(TICKET, publicSec1, CHIP_ID, random);
        SharedSecretAgent jdkAgent = ephemeral -> {
            try {
                KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
                ecdh.init(jdkChip.getPrivate());
                ecdh.doPhase(jdkPublicKey(ephemeral), true);
                return ecdh.generateSecret();
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        };

        assertThat(ChipEnvelope.open(envelope, CHIP_ID, jdkAgent)).isEqualTo(TICKET);
    }

    @Test
    void chipKeysAreRawP256Bytes() {
        assertThat(chip.privateScalar()).hasSize(32);
        assertThat(chip.publicKeySec1()).hasSize(65).startsWith((byte) 0x04);
        assertThat(ChipKeys.fromPrivateScalar(chip.privateScalar())).isEqualTo(chip);
        assertThat(chip.toString()).doesNotContainIgnoringCase(HexFormat.of().formatHex(chip.privateScalar()));
    }

    @Test
    void softwareAgentRefusesScalarsOutsideTheGroup() {
        byte[] order = unsigned32(P256.DOMAIN.getN());

        assertThatThrownBy(() -> SharedSecretAgent.software(new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedSecretAgent.software(order)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedSecretAgent.software(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertReason(ThrowingOpen open, Reason reason) {
        TicketFormatException thrown = catchThrowableOfType(TicketFormatException.class, open::run);
        assertThat(thrown).as("expected TicketFormatException " + reason).isNotNull();
        assertThat(thrown.reason()).isEqualTo(reason);
        assertThat(thrown.getMessage()).isNotBlank();
    }

    @FunctionalInterface
    private interface ThrowingOpen {
        void run() throws TicketFormatException;
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(32, bytes.length);
        System.arraycopy(bytes, bytes.length - copy, out, 32 - copy, copy);
        return out;
    }

    // Decompresses a SEC1 point with plain BigInteger arithmetic (p ≡ 3 mod 4), independent of BouncyCastle.
    private static ECPublicKey jdkPublicKey(byte[] compressed) throws java.security.GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        BigInteger p = ((java.security.spec.ECFieldFp) spec.getCurve().getField()).getP();
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(compressed, 1, 33));
        BigInteger ySquared = x.pow(3).add(spec.getCurve().getA().multiply(x)).add(spec.getCurve().getB()).mod(p);
        BigInteger y = ySquared.modPow(p.add(BigInteger.ONE).shiftRight(2), p);
        if (y.testBit(0) != (compressed[0] == 0x03)) {
            y = p.subtract(y);
        }
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec));
    }
}
