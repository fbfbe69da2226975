package dev.tessera.contract.terminal;

import dev.tessera.core.model.LedgerKind;
import java.time.Instant;

public record JournalEntry(long sequence, LedgerKind kind, Instant at, String payload, String previousHash, String hash) {}
