package dev.tessera.desktop.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.core.model.LedgerEntry;
import dev.tessera.core.model.LedgerKind;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.client.CenterUnreachableException;
import dev.tessera.desktop.support.TestCenter;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger on a real H2 file, synced to a real embedded center. */
class TerminalSyncTest {
    @TempDir
    static Path centerDir;
    @TempDir
    Path terminalDir;
    static TestCenter center;
    static CenterSession clerk;

    @BeforeAll
    static void startCenter() {
        center = TestCenter.start(centerDir);
        clerk = center.clerk();
    }

    @AfterAll
    static void stopCenter() {
        center.close();
    }

    private static String note(int n) {
        return "{\"type\":\"NOTE\",\"n\":" + n + "}";
    }

    @Test
    void everyEntryArrivesOnceAndTheChainHolds() {
        try (LedgerStore ledger = LedgerStore.open(terminalDir, Clock.systemUTC())) {
            String terminal = ledger.identity("clerk", new SecureRandom()).terminalId();
            for (int i = 1; i <= 5; i++) {
                ledger.append(terminal, LedgerKind.SHIFT, note(i));
            }
            assertThat(ledger.pendingCount(terminal)).isEqualTo(5);
            TerminalSync sync = new TerminalSync(ledger, clerk, terminal);
            sync.register();
            assertThat(sync.pushPending()).isZero();
            assertThat(sync.pushPending()).as("nothing left to push").isZero();
            assertThat(clerk.terminal(terminal).lastSequence()).isEqualTo(5);
            assertThat(ledger.chainIsIntact(terminal)).isTrue();
            assertThat(ledger.journal(terminal)).extracting(LedgerEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(ledger.identityOfTerminal(terminal).orElseThrow().certified()).isTrue();
        }
    }

    @Test
    void aPushWhoseAnswerWasLostIsAcknowledgedAgainWithoutEffect() {
        try (LedgerStore ledger = LedgerStore.open(terminalDir, Clock.systemUTC())) {
            String terminal = ledger.identity("clerk", new SecureRandom()).terminalId();
            TerminalSync sync = new TerminalSync(ledger, clerk, terminal);
            sync.register();
            for (int i = 1; i <= 3; i++) {
                ledger.append(terminal, LedgerKind.SHIFT, note(i));
            }
            // the center took the entries, but the answer never came back to the terminal
            clerk.pushJournal(terminal, ledger.pending(terminal, 10).stream().map(TerminalSync::json).toList());
            assertThat(ledger.pendingCount(terminal)).isEqualTo(3);
            ledger.append(terminal, LedgerKind.SHIFT, note(4));

            assertThat(sync.pushPending()).isZero();
            assertThat(clerk.terminal(terminal).lastSequence()).isEqualTo(4);
            assertThat(ledger.outcome(terminal, 1).orElseThrow().detail()).isEqualTo("already received");
        }
    }

    @Test
    void aDroppedConnectionLeavesTheEntriesPendingUntilTheCenterAnswers() {
        try (LedgerStore ledger = LedgerStore.open(terminalDir, Clock.systemUTC())) {
            String terminal = ledger.identity("clerk", new SecureRandom()).terminalId();
            new TerminalSync(ledger, clerk, terminal).register();
            ledger.append(terminal, LedgerKind.SHIFT, note(1));
            ledger.append(terminal, LedgerKind.SHIFT, note(2));
            try (CenterClient dead = new CenterClient(URI.create("http://127.0.0.1:9"))) {
                CenterSession offline = sessionOf(dead);
                assertThatThrownBy(() -> new TerminalSync(ledger, offline, terminal).pushPending())
                        .isInstanceOf(CenterUnreachableException.class);
            }
            assertThat(ledger.pendingCount(terminal)).isEqualTo(2);
            assertThat(new TerminalSync(ledger, clerk, terminal).pushPending()).isZero();
            assertThat(clerk.terminal(terminal).lastSequence()).isEqualTo(2);
        }
    }

    @Test
    void pendingEntriesSurviveARestartAndArriveOnce() {
        String terminal;
        try (LedgerStore ledger = LedgerStore.open(terminalDir, Clock.systemUTC())) {
            terminal = ledger.identity("clerk", new SecureRandom()).terminalId();
            new TerminalSync(ledger, clerk, terminal).register();
            for (int i = 1; i <= 4; i++) {
                ledger.append(terminal, LedgerKind.SHIFT, note(i));
            }
            new TerminalSync(ledger, clerk, terminal).pushPending();
            ledger.append(terminal, LedgerKind.SHIFT, note(5));
            ledger.append(terminal, LedgerKind.SHIFT, note(6));
        }
        try (LedgerStore reopened = LedgerStore.open(terminalDir, Clock.systemUTC())) {
            assertThat(reopened.identity("clerk", new SecureRandom()).terminalId()).as("the same key and id").isEqualTo(terminal);
            assertThat(reopened.pending(terminal, 10)).extracting(LedgerEntry::sequence).containsExactly(5L, 6L);
            TerminalSync sync = new TerminalSync(reopened, clerk, terminal);
            sync.register();
            assertThat(sync.pushPending()).isZero();
            assertThat(clerk.terminal(terminal).lastSequence()).isEqualTo(6);
            assertThat(reopened.chainIsIntact(terminal)).isTrue();
            List<LedgerEntry> journal = reopened.journal(terminal);
            assertThat(journal).hasSize(6);
        }
    }

    /** A session whose every call goes to a center that does not answer. */
    private static CenterSession sessionOf(CenterClient dead) {
        return dead.resume(clerk);
    }
}
