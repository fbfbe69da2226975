package dev.tessera.reader.applet;

import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.Util;
import javacard.security.AESKey;
import javacard.security.KeyBuilder;
import javacard.security.RandomData;
import javacard.security.Signature;

/**
 * Mutual authentication with an AES-128 chip key and the C-MAC chain of the session it opens
 * (docs/card-protocol.md §4.4, §4.5; claims 35, 72). Session state lives in RAM and dies with deselection.
 */
final class SecureSession implements WalletProtocol {

    static final short VERIFIED = (short) 0x7FFF;

    private static final short RND_HOST = 0;
    private static final short RND_CARD = 8;
    private static final short CHAINING = 16;
    private static final short MAC_OUT = 32;
    private static final short BLOCK = 48;
    private static final short BLOCK_LENGTH = 24;
    private static final short HEADER = 72;
    /** The event a gate session is scoped to (§4.4, §7): 8 bytes, zero for an access session. */
    private static final short EVENT = 76;
    private static final short RAM_LENGTH = 84;
    private static final short PENDING_KEY = 0;
    private static final short ACTIVE_KEY = 1;

    private final AESKey accessKey;
    private final AESKey gateKey;
    private final AESKey eventGateKey;
    private final AESKey sessionKey;
    private final Signature cmac;
    private final RandomData random;
    private final byte[] ram;
    private final byte[] flags;
    private byte triesLeft = MAX_AUTH_TRIES;

    SecureSession() {
        accessKey = (AESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_AES, KeyBuilder.LENGTH_AES_128, false);
        gateKey = (AESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_AES, KeyBuilder.LENGTH_AES_128, false);
        eventGateKey = (AESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_AES_TRANSIENT_DESELECT, KeyBuilder.LENGTH_AES_128, false);
        sessionKey = (AESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_AES_TRANSIENT_DESELECT, KeyBuilder.LENGTH_AES_128, false);
        cmac = Signature.getInstance(Signature.ALG_AES_CMAC_128, false);
        random = RandomData.getInstance(RandomData.ALG_TRNG);
        ram = JCSystem.makeTransientByteArray(RAM_LENGTH, JCSystem.CLEAR_ON_DESELECT);
        flags = JCSystem.makeTransientByteArray((short) 2, JCSystem.CLEAR_ON_DESELECT);
    }

    void installKeys(byte[] buf, short accessOffset, short gateOffset) {
        accessKey.setKey(buf, accessOffset);
        TearingProbe.written();
        gateKey.setKey(buf, gateOffset);
        TearingProbe.written();
        triesLeft = MAX_AUTH_TRIES;
        TearingProbe.written();
    }

    byte triesLeft() {
        return triesLeft;
    }

    /**
     * AUTH INIT: returns RND.C ‖ card cryptogram (16 bytes) at {@code out}. A gate session is keyed with the event's
     * gate key, AES-CMAC(gate key, 04 ‖ event id), the event id following RND.H in the command: a gate holds only its
     * own event's key, and the session sees only that event's tickets.
     */
    short begin(byte keyRef, byte[] buf, short hostChallenge, short out) {
        close();
        Util.arrayCopyNonAtomic(buf, hostChallenge, ram, RND_HOST, CHALLENGE_LENGTH);
        random.nextBytes(ram, RND_CARD, CHALLENGE_LENGTH);
        if (keyRef == KEY_GATE) {
            Util.arrayCopyNonAtomic(buf, (short) (hostChallenge + CHALLENGE_LENGTH), ram, EVENT, EVENT_ID_LENGTH);
            ram[BLOCK] = LABEL_EVENT_GATE_KEY;
            Util.arrayCopyNonAtomic(ram, EVENT, ram, (short) (BLOCK + 1), EVENT_ID_LENGTH);
            cmac.init(gateKey, Signature.MODE_SIGN);
            cmac.sign(ram, BLOCK, (short) (1 + EVENT_ID_LENGTH), ram, MAC_OUT);
            eventGateKey.setKey(ram, MAC_OUT);
            Util.arrayFillNonAtomic(ram, MAC_OUT, (short) 16, (byte) 0);
        }
        cmac.init(keyRef == KEY_GATE ? eventGateKey : accessKey, Signature.MODE_SIGN);
        cmac.sign(derivationBlock(LABEL_SESSION_MAC_KEY), BLOCK, BLOCK_LENGTH, ram, MAC_OUT);
        sessionKey.setKey(ram, MAC_OUT);
        Util.arrayCopyNonAtomic(ram, RND_CARD, buf, out, CHALLENGE_LENGTH);
        cryptogram(LABEL_CARD_CRYPTOGRAM);
        Util.arrayCopyNonAtomic(ram, MAC_OUT, buf, (short) (out + CHALLENGE_LENGTH), CRYPTOGRAM_LENGTH);
        flags[PENDING_KEY] = keyRef;
        return (short) (CHALLENGE_LENGTH + CRYPTOGRAM_LENGTH);
    }

    boolean pending() {
        return flags[PENDING_KEY] != 0;
    }

    /**
     * AUTH VERIFY: the try counter goes down before the comparison, so pulling the card cannot save a wrong guess.
     *
     * @return {@link #VERIFIED}, or the tries left after a wrong cryptogram
     */
    short verify(byte[] buf, short hostCryptogram) {
        triesLeft--;
        TearingProbe.written();
        cryptogram(LABEL_HOST_CRYPTOGRAM);
        if (Util.arrayCompare(ram, MAC_OUT, buf, hostCryptogram, CRYPTOGRAM_LENGTH) != 0) {
            close();
            return triesLeft;
        }
        triesLeft = MAX_AUTH_TRIES;
        TearingProbe.written();
        flags[ACTIVE_KEY] = flags[PENDING_KEY];
        flags[PENDING_KEY] = 0;
        Util.arrayFillNonAtomic(ram, CHAINING, (short) 16, (byte) 0);
        return VERIFIED;
    }

    byte activeKey() {
        return flags[ACTIVE_KEY];
    }

    /** True when a gate session is open and the event id at {@code offset} is not its event (§4.8: invisible). */
    boolean scopedOut(byte[] eventIds, short offset) {
        return flags[ACTIVE_KEY] == KEY_GATE
                && Util.arrayCompare(ram, EVENT, eventIds, offset, EVENT_ID_LENGTH) != 0;
    }

    void close() {
        flags[PENDING_KEY] = 0;
        flags[ACTIVE_KEY] = 0;
        Util.arrayFillNonAtomic(ram, (short) 0, RAM_LENGTH, (byte) 0);
        eventGateKey.clearKey();
    }

    /** Starts the C-MAC of one command: chaining value, then CLA INS P1 P2 with the chaining bit cleared. */
    void macBegin(byte ins, byte p1, byte p2) {
        cmac.init(sessionKey, Signature.MODE_SIGN);
        cmac.update(ram, CHAINING, (short) 16);
        ram[HEADER] = CLA_SECURE;
        ram[(short) (HEADER + 1)] = ins;
        ram[(short) (HEADER + 2)] = p1;
        ram[(short) (HEADER + 3)] = p2;
        cmac.update(ram, HEADER, (short) 4);
    }

    void macUpdate(byte[] buf, short offset, short length) {
        if (length > 0) {
            cmac.update(buf, offset, length);
        }
    }

    /** Ends the C-MAC; a mismatch closes the session, a match makes this MAC the next chaining value. */
    void macVerify(byte[] buf, short macOffset) {
        cmac.sign(ram, (short) 0, (short) 0, ram, MAC_OUT);
        if (Util.arrayCompare(ram, MAC_OUT, buf, macOffset, MAC_LENGTH) != 0) {
            close();
            ISOException.throwIt(SW_MAC_INVALID);
        }
        Util.arrayCopyNonAtomic(ram, MAC_OUT, ram, CHAINING, (short) 16);
    }

    /** The C-MAC check of a one-APDU command whose MAC is the last 8 bytes of its data. */
    void verifyCommand(byte[] buf, short dataOffset, short dataLength) {
        if (dataLength < MAC_LENGTH) {
            close();
            ISOException.throwIt(SW_MAC_MISSING);
        }
        macBegin(buf[1], buf[2], buf[3]);
        macUpdate(buf, dataOffset, (short) (dataLength - MAC_LENGTH));
        macVerify(buf, (short) (dataOffset + dataLength - MAC_LENGTH));
    }

    private void cryptogram(byte label) {
        cmac.init(sessionKey, Signature.MODE_SIGN);
        cmac.sign(derivationBlock(label), BLOCK, BLOCK_LENGTH, ram, MAC_OUT);
    }

    private byte[] derivationBlock(byte label) {
        Util.arrayFillNonAtomic(ram, BLOCK, (short) 8, (byte) 0);
        ram[BLOCK] = label;
        Util.arrayCopyNonAtomic(ram, RND_HOST, ram, (short) (BLOCK + 8), (short) 16);
        return ram;
    }
}
