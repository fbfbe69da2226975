package dev.tessera.desktop.ledger;

/** What the center did with one pushed journal entry: APPLIED, RECORDED or REJECTED, and why. */
public record SyncOutcome(long sequence, String outcome, String detail) {}
