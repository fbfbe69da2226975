package dev.tessera.reader.wallet;

import dev.tessera.reader.applet.WalletProtocol;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** The host half of docs/card-protocol.md §4.4-4.5: session key derivation, cryptograms and the C-MAC chain. */
final class SessionMac {

    private static final int BLOCK = 16;

    private final byte[] sessionKey;
    private final byte[] hostChallenge;
    private final byte[] cardChallenge;
    private byte[] chaining = new byte[BLOCK];

    SessionMac(byte[] chipKey, byte[] hostChallenge, byte[] cardChallenge) {
        this.hostChallenge = hostChallenge.clone();
        this.cardChallenge = cardChallenge.clone();
        this.sessionKey = cmac(chipKey, derivation(WalletProtocol.LABEL_SESSION_MAC_KEY));
    }

    byte[] cardCryptogram() {
        return Arrays.copyOf(cmac(sessionKey, derivation(WalletProtocol.LABEL_CARD_CRYPTOGRAM)), WalletProtocol.CRYPTOGRAM_LENGTH);
    }

    byte[] hostCryptogram() {
        return Arrays.copyOf(cmac(sessionKey, derivation(WalletProtocol.LABEL_HOST_CRYPTOGRAM)), WalletProtocol.CRYPTOGRAM_LENGTH);
    }

    /** The full 16-byte C-MAC over chaining ‖ 84 INS P1 P2 ‖ data; the command carries its first 8 bytes. */
    byte[] mac(byte ins, byte p1, byte p2, byte[] data) {
        CMac mac = new CMac(AESEngine.newInstance());
        mac.init(new KeyParameter(sessionKey));
        mac.update(chaining, 0, BLOCK);
        mac.update(new byte[] {WalletProtocol.CLA_SECURE, ins, p1, p2}, 0, 4);
        mac.update(data, 0, data.length);
        byte[] out = new byte[BLOCK];
        mac.doFinal(out, 0);
        return out;
    }

    /** The card verified this MAC: it becomes the chaining value of the next command. */
    void accepted(byte[] fullMac) {
        chaining = fullMac.clone();
    }

    private byte[] derivation(byte label) {
        byte[] block = new byte[24];
        block[0] = label;
        System.arraycopy(hostChallenge, 0, block, 8, 8);
        System.arraycopy(cardChallenge, 0, block, 16, 8);
        return block;
    }

    private static byte[] cmac(byte[] key, byte[] message) {
        CMac mac = new CMac(AESEngine.newInstance());
        mac.init(new KeyParameter(key));
        mac.update(message, 0, message.length);
        byte[] out = new byte[BLOCK];
        mac.doFinal(out, 0);
        return out;
    }

    @Override
    public String toString() {
        return "SessionMac[keys not shown]";
    }
}
