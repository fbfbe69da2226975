package dev.tessera.core.crypto;

import dev.tessera.core.format.TicketFormatException;
import dev.tessera.core.format.TicketFormatException.Reason;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Callable;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Claim 79: bytes encrypted for one holder chip, so only that chip's P-256 key can open them. ECIES with an
 * ephemeral P-256 key, plain ECDH (x-coordinate), HKDF-SHA256 and AES-128-GCM; layout in docs/ticket-format.md.
 *
 * <pre>
 * 'T' 'E' | version 0x01 | chip id length (1) | chip id | ephemeral key, SEC1 compressed (33) | nonce (12) | ciphertext + tag (16)
 * </pre>
 */
public final class ChipEnvelope {

    public static final int FORMAT_VERSION = 0x01;
    public static final int MIN_CHIP_ID_LENGTH = 1;
    public static final int MAX_CHIP_ID_LENGTH = 255;
    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;
    public static final int KEY_LENGTH = 16;
    private static final String KDF_INFO_PREFIX = "tessera-chip-envelope-v1";

    private static final byte MAGIC_0 = 'T';
    private static final byte MAGIC_1 = 'E';
    private static final int FIXED_HEADER_LENGTH = 4;
    private static final byte[] KDF_INFO_PREFIX_BYTES = KDF_INFO_PREFIX.getBytes(StandardCharsets.US_ASCII);
    private static final String HMAC = "HmacSHA256";
    private static final int HASH_LENGTH = 32;
    // A gate opens an envelope on every tap: one Mac and one Cipher per thread, not a provider look-up each time.
    // The JDK's are used for their AES-NI, CLMUL and SHA-NI intrinsics (GateTapBenchmark, docs/performance.md).
    private static final ThreadLocal<Mac> HMAC_SHA256 = perThread(HMAC, () -> Mac.getInstance(HMAC));
    private static final ThreadLocal<Cipher> AES_GCM = perThread("AES/GCM/NoPadding",
            () -> Cipher.getInstance("AES/GCM/NoPadding"));

    private ChipEnvelope() {
    }

    /**
     * @param chipPublicKeySec1 the chip's P-256 public key, SEC1 compressed (33) or uncompressed (65)
     * @param chipId            the holder chip's id, 1..255 bytes; bound into the key and the authenticated data
     * @throws IllegalArgumentException if the public key is not a point on P-256 or the chip id length is out of range
     */
    public static byte[] seal(byte[] plaintext, byte[] chipPublicKeySec1, byte[] chipId, SecureRandom random) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(chipPublicKeySec1, "chipPublicKeySec1");
        Objects.requireNonNull(random, "random");
        checkChipId(chipId);
        ECPoint chipKey;
        try {
            chipKey = P256.decodePoint(chipPublicKeySec1);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("chip public key is not a valid P-256 point: " + e.getMessage(), e);
        }
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(P256.DOMAIN, random));
        BigInteger ephemeralScalar = ((ECPrivateKeyParameters) generator.generateKeyPair().getPrivate()).getD();
        byte[] ephemeralPublic = P256.DOMAIN.getG().multiply(ephemeralScalar).normalize().getEncoded(true);
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);

        byte[] associatedData = associatedData(chipId, ephemeralPublic);
        byte[] key = deriveKey(P256.sharedSecret(ephemeralScalar, chipKey), chipId);
        byte[] ciphertext;
        try {
            ciphertext = aesGcm(true, key, nonce, associatedData, plaintext, 0, plaintext.length);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("AES-GCM encryption cannot fail", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        byte[] envelope = Arrays.copyOf(associatedData, associatedData.length + NONCE_LENGTH + ciphertext.length);
        System.arraycopy(nonce, 0, envelope, associatedData.length, NONCE_LENGTH);
        System.arraycopy(ciphertext, 0, envelope, associatedData.length + NONCE_LENGTH, ciphertext.length);
        return envelope;
    }

    /**
     * @param chipId the id of the chip opening the envelope; an envelope sealed for another id fails
     * @param agent  computes ECDH with the chip's private key; its own unchecked exceptions (card removed) pass through
     * @throws TicketFormatException TRUNCATED, BAD_MAGIC, UNSUPPORTED_VERSION or MALFORMED for bad structure,
     *                               DECRYPTION_FAILED for another chip's envelope, a wrong key or altered bytes
     */
    public static byte[] open(byte[] envelope, byte[] chipId, SharedSecretAgent agent) throws TicketFormatException {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(agent, "agent");
        checkChipId(chipId);
        if ((envelope.length > 0 && envelope[0] != MAGIC_0) || (envelope.length > 1 && envelope[1] != MAGIC_1)) {
            throw new TicketFormatException(Reason.BAD_MAGIC, "not a chip envelope: it does not start with 'TE'");
        }
        require(envelope, FIXED_HEADER_LENGTH, "envelope header");
        if (envelope[2] != FORMAT_VERSION) {
            throw new TicketFormatException(Reason.UNSUPPORTED_VERSION,
                    "chip envelope version %d is not supported (expected %d)".formatted(envelope[2] & 0xFF, FORMAT_VERSION));
        }
        int chipIdLength = envelope[3] & 0xFF;
        if (chipIdLength < MIN_CHIP_ID_LENGTH) {
            throw new TicketFormatException(Reason.MALFORMED, "chip envelope has an empty chip id");
        }
        int ephemeralOffset = FIXED_HEADER_LENGTH + chipIdLength;
        int nonceOffset = ephemeralOffset + P256.COMPRESSED_POINT_LENGTH;
        int ciphertextOffset = nonceOffset + NONCE_LENGTH;
        require(envelope, ciphertextOffset + TAG_LENGTH, "chip envelope");

        byte[] sealedFor = Arrays.copyOfRange(envelope, FIXED_HEADER_LENGTH, ephemeralOffset);
        if (!Arrays.equals(sealedFor, chipId)) {
            throw new TicketFormatException(Reason.DECRYPTION_FAILED, "the envelope is sealed for another chip");
        }
        ECPoint ephemeral;
        try {
            // 33 bytes can only pass as a compressed point
            ephemeral = P256.decodePoint(Arrays.copyOfRange(envelope, ephemeralOffset, nonceOffset));
        } catch (IllegalArgumentException e) {
            throw new TicketFormatException(Reason.MALFORMED,
                    "the envelope's ephemeral key is not a compressed point on P-256");
        }
        // decompressed once here (a square root): the agent and a chip take the point uncompressed
        byte[] sharedSecret = agent.agree(ephemeral.getEncoded(false));
        if (sharedSecret == null || sharedSecret.length != P256.FIELD_LENGTH) {
            throw new TicketFormatException(Reason.DECRYPTION_FAILED,
                    "the chip returned no 32-byte ECDH secret");
        }
        byte[] key = deriveKey(sharedSecret, chipId);
        Arrays.fill(sharedSecret, (byte) 0);
        try {
            return decrypt(envelope, key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * The envelope's AES-128 key: HKDF-SHA256 of the ECDH secret, no salt, info "tessera-chip-envelope-v1" ‖ chip id
     * (docs/ticket-format.md). A step of {@link #open}, public so that the gate's micro-benchmark can time it alone.
     */
    public static byte[] deriveKey(byte[] sharedSecret, byte[] chipId) {
        Objects.requireNonNull(sharedSecret, "sharedSecret");
        checkChipId(chipId);
        Mac hmac = HMAC_SHA256.get();
        byte[] pseudoRandomKey = null;
        byte[] block = null;
        try {
            // RFC 5869 with no salt: extract under 32 zero bytes, then one block of expand (info ‖ 0x01)
            hmac.init(new SecretKeySpec(new byte[HASH_LENGTH], HMAC));
            pseudoRandomKey = hmac.doFinal(sharedSecret);
            hmac.init(new SecretKeySpec(pseudoRandomKey, HMAC));
            hmac.update(KDF_INFO_PREFIX_BYTES);
            hmac.update(chipId);
            hmac.update((byte) 0x01);
            block = hmac.doFinal();
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 takes any key", e);
        } finally {
            if (pseudoRandomKey != null) {
                Arrays.fill(pseudoRandomKey, (byte) 0);
            }
        }
        byte[] key = Arrays.copyOf(block, KEY_LENGTH);
        Arrays.fill(block, (byte) 0);
        return key;
    }

    /**
     * AES-128-GCM of the envelope's ciphertext under {@code key}, the header and ephemeral key as authenticated data:
     * the last step of {@link #open}, public so that the gate's micro-benchmark can time it alone.
     *
     * @throws TicketFormatException TRUNCATED for an envelope too short for its header, DECRYPTION_FAILED for a wrong
     *                               key or altered bytes
     */
    public static byte[] decrypt(byte[] envelope, byte[] key) throws TicketFormatException {
        Objects.requireNonNull(key, "key");
        require(envelope, FIXED_HEADER_LENGTH, "envelope header");
        int nonceOffset = FIXED_HEADER_LENGTH + (envelope[3] & 0xFF) + P256.COMPRESSED_POINT_LENGTH;
        int ciphertextOffset = nonceOffset + NONCE_LENGTH;
        require(envelope, ciphertextOffset + TAG_LENGTH, "chip envelope");
        byte[] nonce = Arrays.copyOfRange(envelope, nonceOffset, ciphertextOffset);
        try {
            return aesGcm(false, key, nonce, Arrays.copyOf(envelope, nonceOffset),
                    envelope, ciphertextOffset, envelope.length - ciphertextOffset);
        } catch (AEADBadTagException e) {
            throw new TicketFormatException(Reason.DECRYPTION_FAILED,
                    "the envelope does not open with this chip's key, or it was altered", e);
        }
    }

    // The ephemeral key is authenticated too: with x-only ECDH, R and -R give the same secret, so an
    // unauthenticated key would let anyone flip its 02/03 prefix and still have the envelope open.
    private static byte[] associatedData(byte[] chipId, byte[] ephemeralPublic) {
        byte[] aad = new byte[FIXED_HEADER_LENGTH + chipId.length + ephemeralPublic.length];
        aad[0] = MAGIC_0;
        aad[1] = MAGIC_1;
        aad[2] = FORMAT_VERSION;
        aad[3] = (byte) chipId.length;
        System.arraycopy(chipId, 0, aad, FIXED_HEADER_LENGTH, chipId.length);
        System.arraycopy(ephemeralPublic, 0, aad, FIXED_HEADER_LENGTH + chipId.length, ephemeralPublic.length);
        return aad;
    }

    private static byte[] aesGcm(boolean encrypt, byte[] key, byte[] nonce, byte[] associatedData,
                                 byte[] input, int offset, int length) throws AEADBadTagException {
        try {
            // a Cipher refuses to encrypt twice under one key and nonce, which a seeded random in a test may repeat:
            // sealing (a counter's work, not a gate's) takes a fresh one
            Cipher gcm = encrypt ? Cipher.getInstance("AES/GCM/NoPadding") : AES_GCM.get();
            gcm.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_LENGTH * Byte.SIZE, nonce));
            gcm.updateAAD(associatedData);
            return gcm.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128-GCM with a 12-byte nonce is part of every Java platform", e);
        }
    }

    private static <T> ThreadLocal<T> perThread(String what, Callable<T> make) {
        return ThreadLocal.withInitial(() -> {
            try {
                return make.call();
            } catch (Exception e) {
                throw new IllegalStateException(what + " is part of every Java platform", e);
            }
        });
    }

    private static void checkChipId(byte[] chipId) {
        Objects.requireNonNull(chipId, "chipId");
        if (chipId.length < MIN_CHIP_ID_LENGTH || chipId.length > MAX_CHIP_ID_LENGTH) {
            throw new IllegalArgumentException("chip id must be %d..%d bytes, was %d"
                    .formatted(MIN_CHIP_ID_LENGTH, MAX_CHIP_ID_LENGTH, chipId.length));
        }
    }

    private static void require(byte[] envelope, int length, String what) throws TicketFormatException {
        if (envelope.length < length) {
            throw new TicketFormatException(Reason.TRUNCATED,
                    "%s truncated: %d bytes, needs at least %d".formatted(what, envelope.length, length));
        }
    }
}
