package dev.tessera.contract.terminal;

public record RegisterTerminal(String terminalId, String publicKey) {}
