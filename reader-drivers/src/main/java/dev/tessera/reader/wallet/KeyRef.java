package dev.tessera.reader.wallet;

import dev.tessera.reader.applet.WalletProtocol;

/** The chip's two AES keys (docs/card-protocol.md §4.4): access for the counter and the wallet, gate for MARK USED. */
public enum KeyRef {
    ACCESS(WalletProtocol.KEY_ACCESS),
    GATE(WalletProtocol.KEY_GATE);

    private final byte p2;

    KeyRef(byte p2) {
        this.p2 = p2;
    }

    public byte p2() {
        return p2;
    }
}
