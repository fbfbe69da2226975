package dev.tessera.desktop.shift;

import dev.tessera.core.model.LedgerKind;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.ledger.LedgerStore;
import dev.tessera.desktop.ledger.TerminalIdentity;
import dev.tessera.desktop.ledger.TerminalSync;
import java.util.Map;

/** What a shift needs of the terminal it runs on: its id, its journal, and a push of that journal. */
public interface ShiftTerminal {
    com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    String terminalId();

    /** Appends a SHIFT entry to the terminal's journal; later offline sales belong to the shift it opened. */
    void journal(Map<String, Object> payload);

    /** Blocking: pushes the journal's pending entries to the center; returns how many are still pending. */
    int pushJournal();

    /** Whether the journal already holds the SHIFT entry of this type for the shift. */
    boolean journaled(String type, long shiftId);

    /** This terminal's ledger: {@code appended} runs after each entry (the sync loop's nudge). */
    static ShiftTerminal of(LedgerStore ledger, CenterSession session, String terminalId, Runnable appended) {
        return new ShiftTerminal() {
            @Override
            public String terminalId() {
                return terminalId;
            }

            @Override
            public void journal(Map<String, Object> payload) {
                ledger.append(terminalId, LedgerKind.SHIFT, CenterSession.json(payload));
                appended.run();
            }

            @Override
            public boolean journaled(String type, long shiftId) {
                return ledger.journal(terminalId).stream().filter(e -> e.kind() == LedgerKind.SHIFT).map(e -> {
                    try {
                        return JSON.readTree(e.payload());
                    } catch (java.io.IOException notJson) {
                        return JSON.missingNode();
                    }
                }).anyMatch(p -> type.equals(p.path("type").asText()) && p.path("shiftId").asLong() == shiftId);
            }

            @Override
            public int pushJournal() {
                TerminalSync sync = new TerminalSync(ledger, session, terminalId);
                if (!ledger.identityOfTerminal(terminalId).map(TerminalIdentity::certified).orElse(false)) {
                    sync.register();
                }
                return sync.pushPending();
            }
        };
    }
}
