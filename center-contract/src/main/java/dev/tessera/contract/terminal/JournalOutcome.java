package dev.tessera.contract.terminal;

public record JournalOutcome(long sequence, JournalOutcomeKind outcome, String detail) {}
