package dev.tessera.reader.wallet;

import dev.tessera.core.crypto.ChipSessionCrypto;
import dev.tessera.reader.applet.WalletProtocol;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The host half of docs/card-protocol.md §4.4-4.5: cryptograms and the C-MAC chain of one session. The key arithmetic
 * is {@link ChipSessionCrypto}, the same code the center runs when it opens a session for a terminal.
 */
final class SessionMac {

    private static final int BLOCK = 16;

    private final byte[] sessionKey;
    private final byte[] hostChallenge;
    private final byte[] cardChallenge;
    private byte[] chaining = new byte[BLOCK];

    private SessionMac(byte[] sessionKey, byte[] hostChallenge, byte[] cardChallenge) {
        this.sessionKey = sessionKey.clone();
        this.hostChallenge = hostChallenge.clone();
        this.cardChallenge = cardChallenge.clone();
    }

    /** A session whose MAC key was derived for this one session (by the center, or from a static key held here). */
    static SessionMac fromSessionKey(byte[] sessionKey, byte[] hostChallenge, byte[] cardChallenge) {
        return new SessionMac(sessionKey, hostChallenge, cardChallenge);
    }

    byte[] cardCryptogram() {
        return ChipSessionCrypto.cardCryptogram(sessionKey, hostChallenge, cardChallenge);
    }

    byte[] hostCryptogram() {
        return ChipSessionCrypto.hostCryptogram(sessionKey, hostChallenge, cardChallenge);
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

    @Override
    public String toString() {
        return "SessionMac[keys not shown]";
    }
}
