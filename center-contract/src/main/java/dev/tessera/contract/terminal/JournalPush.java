package dev.tessera.contract.terminal;

import java.util.List;

public record JournalPush(List<JournalEntry> entries) {}
