package dev.tessera.contract.terminal;

/** A terminal's certified key (docs/terminal-sync.md), and the last journal entry the center holds of it. */
public record TerminalRegistration(String terminalId, long sellerId, String keyId, String publicKey, String certificate,
                                   String centerKeyId, long lastSequence) {}
