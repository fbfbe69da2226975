package dev.tessera.desktop.ledger;

import dev.tessera.core.crypto.IssuerKeyPair;

/**
 * This terminal as one seller's till: its id, its Ed25519 key (flow 3: signs offline tickets) and, once
 * registered, the seller it is certified for.
 */
public record TerminalIdentity(String loginId, String terminalId, IssuerKeyPair key, Long sellerId, String certificate) {
    public boolean certified() {
        return certificate != null;
    }

    @Override
    public String toString() {
        return "TerminalIdentity[" + terminalId + ", key " + key.publicKey().keyIdHex() + "]";
    }
}
