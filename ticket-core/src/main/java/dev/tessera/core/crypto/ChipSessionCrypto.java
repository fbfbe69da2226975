package dev.tessera.core.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The wallet card's key arithmetic (docs/card-protocol.md §4.4, §7), shared by the center, which holds the static
 * keys, and the terminal, which holds only one session's MAC key:
 * <ul>
 *   <li>chip key {@code = AES-CMAC(master, label ‖ chip id)};</li>
 *   <li>session MAC key {@code S = AES-CMAC(K, 01 ‖ 00×7 ‖ RND.H ‖ RND.C)};</li>
 *   <li>card cryptogram {@code = AES-CMAC(S, 02 ‖ 00×7 ‖ RND.H ‖ RND.C)[0..8]}, host cryptogram the same with {@code 03}.</li>
 * </ul>
 */
public final class ChipSessionCrypto {
    public static final int KEY_LENGTH = 16;
    public static final int CHALLENGE_LENGTH = 8;
    public static final int CRYPTOGRAM_LENGTH = 8;
    public static final byte LABEL_SESSION_MAC_KEY = 0x01;
    public static final byte LABEL_CARD_CRYPTOGRAM = 0x02;
    public static final byte LABEL_HOST_CRYPTOGRAM = 0x03;

    private ChipSessionCrypto() {}

    /** AES-CMAC(master, label ‖ chip id): one block, the chip's static AES-128 key for that label. */
    public static byte[] diversify(byte[] master, byte label, byte[] chipId) {
        CMac cmac = new CMac(AESEngine.newInstance());
        cmac.init(new KeyParameter(requireKey(master, "master")));
        cmac.update(label);
        cmac.update(chipId, 0, chipId.length);
        byte[] key = new byte[KEY_LENGTH];
        cmac.doFinal(key, 0);
        return key;
    }

    /** S, the session's MAC key, from the static key and both challenges. */
    public static byte[] sessionMacKey(byte[] staticKey, byte[] hostChallenge, byte[] cardChallenge) {
        return cmac(requireKey(staticKey, "static key"), derivation(LABEL_SESSION_MAC_KEY, hostChallenge, cardChallenge));
    }

    public static byte[] cardCryptogram(byte[] sessionKey, byte[] hostChallenge, byte[] cardChallenge) {
        return Arrays.copyOf(cmac(requireKey(sessionKey, "session key"),
                derivation(LABEL_CARD_CRYPTOGRAM, hostChallenge, cardChallenge)), CRYPTOGRAM_LENGTH);
    }

    public static byte[] hostCryptogram(byte[] sessionKey, byte[] hostChallenge, byte[] cardChallenge) {
        return Arrays.copyOf(cmac(requireKey(sessionKey, "session key"),
                derivation(LABEL_HOST_CRYPTOGRAM, hostChallenge, cardChallenge)), CRYPTOGRAM_LENGTH);
    }

    /** True if the card's cryptogram proves it holds the static key behind {@code sessionKey}; constant time. */
    public static boolean cardCryptogramMatches(byte[] sessionKey, byte[] hostChallenge, byte[] cardChallenge,
                                                byte[] cardCryptogram) {
        return cardCryptogram != null && cardCryptogram.length == CRYPTOGRAM_LENGTH
                && MessageDigest.isEqual(cardCryptogram(sessionKey, hostChallenge, cardChallenge), cardCryptogram);
    }

    /** AES-CMAC, one full 16-byte block. */
    public static byte[] cmac(byte[] key, byte[] message) {
        CMac mac = new CMac(AESEngine.newInstance());
        mac.init(new KeyParameter(key));
        mac.update(message, 0, message.length);
        byte[] out = new byte[KEY_LENGTH];
        mac.doFinal(out, 0);
        return out;
    }

    private static byte[] derivation(byte label, byte[] hostChallenge, byte[] cardChallenge) {
        requireChallenge(hostChallenge, "RND.H");
        requireChallenge(cardChallenge, "RND.C");
        byte[] block = new byte[24];
        block[0] = label;
        System.arraycopy(hostChallenge, 0, block, 8, CHALLENGE_LENGTH);
        System.arraycopy(cardChallenge, 0, block, 16, CHALLENGE_LENGTH);
        return block;
    }

    private static byte[] requireKey(byte[] key, String what) {
        if (Objects.requireNonNull(key, what).length != KEY_LENGTH) {
            throw new IllegalArgumentException(what + " must be " + KEY_LENGTH + " bytes");
        }
        return key;
    }

    private static void requireChallenge(byte[] challenge, String what) {
        if (Objects.requireNonNull(challenge, what).length != CHALLENGE_LENGTH) {
            throw new IllegalArgumentException(what + " must be " + CHALLENGE_LENGTH + " bytes");
        }
    }
}
