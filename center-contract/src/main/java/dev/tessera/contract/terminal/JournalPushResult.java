package dev.tessera.contract.terminal;

import java.util.List;

public record JournalPushResult(String terminalId, long acknowledged, List<JournalOutcome> outcomes) {}
