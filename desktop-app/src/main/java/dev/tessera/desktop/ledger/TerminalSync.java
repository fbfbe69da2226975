package dev.tessera.desktop.ledger;

import dev.tessera.core.model.LedgerEntry;
import dev.tessera.client.CenterProblemException;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.terminal.JournalEntry;
import dev.tessera.contract.terminal.JournalPushResult;
import dev.tessera.contract.terminal.TerminalRegistration;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flow 4: registers the terminal key and pushes the outbox to the center in sequence order. Safe to
 * repeat at any moment: the center keeps each entry once under (terminal, sequence) and acknowledges a
 * retried push again, so a dropped connection or a crash between push and acknowledgement loses nothing
 * and doubles nothing. Blocking; run it in the background.
 */
public final class TerminalSync {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalSync.class);
    private static final HexFormat HEX = HexFormat.of();
    /** As many entries as the center takes in one push (one transaction there). */
    static final int BATCH = 500;
    private static final int MAX_REALIGNMENTS = 3;

    private final LedgerStore ledger;
    private final CenterSession session;
    private final String terminalId;

    public TerminalSync(LedgerStore ledger, CenterSession session, String terminalId) {
        this.ledger = ledger;
        this.session = session;
        this.terminalId = terminalId;
    }

    /** Certifies the terminal key (again: the same id and key give the same registration). */
    public TerminalRegistration register() {
        TerminalIdentity identity = ledger.identityOfTerminal(terminalId).orElseThrow();
        CrashPoints.reach("register.before");
        TerminalRegistration registration = session.registerTerminal(terminalId,
                HEX.formatHex(identity.key().publicKey().encoded()));
        CrashPoints.reach("register.after-center");
        ledger.certify(terminalId, registration.sellerId(), registration.certificate(), registration.centerKeyId());
        // a push whose answer was lost: the center already holds these entries
        if (registration.lastSequence() > 0) {
            ledger.acknowledge(terminalId, registration.lastSequence(), List.of());
        }
        return registration;
    }

    /** Pushes every pending entry; returns how many are still pending (0 when all arrived). */
    public int pushPending() {
        int realignments = 0;
        while (true) {
            List<LedgerEntry> batch = ledger.pending(terminalId, BATCH);
            if (batch.isEmpty()) {
                return 0;
            }
            JournalPushResult result;
            CrashPoints.reach("sync.before-push");
            try {
                result = session.pushJournal(terminalId, batch.stream().map(TerminalSync::json).toList());
            } catch (CenterProblemException e) {
                if (e.status() == 409 && e.type().contains("journal-gap") && realignments++ < MAX_REALIGNMENTS) {
                    // the center holds more than the outbox says (an acknowledgement lost in a crash)
                    long held = session.terminal(terminalId).lastSequence();
                    if (held < batch.getFirst().sequence() - 1) {
                        // the center lost entries it had acknowledged (a crash ate its last commits): send them again
                        LOG.warn("terminal {}: the center holds entries only up to {}; sending the rest again", terminalId, held);
                        ledger.requeueAfter(terminalId, held);
                    } else {
                        LOG.info("terminal {}: the center holds entries up to {}; realigning the outbox", terminalId, held);
                        ledger.acknowledge(terminalId, held, List.of());
                    }
                    continue;
                }
                throw e;
            }
            CrashPoints.reach("sync.after-push");
            ledger.acknowledge(terminalId, result.acknowledged(), result.outcomes().stream()
                    .map(o -> new SyncOutcome(o.sequence(), o.outcome().name(), o.detail())).toList());
            CrashPoints.reach("sync.after-ack");
            if (result.acknowledged() < batch.getLast().sequence()) {
                return ledger.pendingCount(terminalId);
            }
        }
    }

    static JournalEntry json(LedgerEntry e) {
        return new JournalEntry(e.sequence(), e.kind(), e.at(), e.payload(), HEX.formatHex(e.previousHash()),
                HEX.formatHex(e.hash()));
    }
}
