package dev.tessera.core.model;

/** The kinds of append-only journal entries a terminal writes. */
public enum LedgerKind { HOLD, SALE, VOID, REFUND, ISSUE, TRANSFER, SCAN, SHIFT }
