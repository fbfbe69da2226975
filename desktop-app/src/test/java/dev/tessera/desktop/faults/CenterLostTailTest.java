package dev.tessera.desktop.faults;

import static dev.tessera.center.db.schema.Tables.TERMINAL;
import static dev.tessera.center.db.schema.Tables.TERMINAL_JOURNAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.PlatformCenter;
import dev.tessera.center.demo.DemoData;
import dev.tessera.core.model.LedgerKind;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.ledger.LedgerStore;
import dev.tessera.desktop.ledger.TerminalSync;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found by the center-kill suite: an H2 center killed with SIGKILL came back without journal entries it
 * had acknowledged. The terminal still has them; its next sync sends them again instead of stopping at
 * "journal gap" for good.
 */
class CenterLostTailTest {
    @TempDir
    Path centerDir;
    @TempDir
    Path terminalDir;

    @Test
    void entriesTheCenterLostAfterAcknowledgingThemAreSentAgain() {
        try (PlatformCenter center = PlatformCenter.start(CenterConfig.embedded(centerDir));
             CenterClient client = new CenterClient(center.baseUri());
             LedgerStore ledger = LedgerStore.open(terminalDir, Clock.systemUTC())) {
            DemoData.loadIfEmpty(center.services(), Clock.systemUTC());
            CenterSession clerk = client.signIn("clerk", "clerk-demo");
            String terminal = ledger.identity("clerk", new SecureRandom()).terminalId();
            TerminalSync sync = new TerminalSync(ledger, clerk, terminal);
            sync.register();
            for (int i = 1; i <= 5; i++) {
                ledger.append(terminal, LedgerKind.SHIFT, "{\"type\":\"NOTE\",\"n\":" + i + "}");
            }
            assertThat(sync.pushPending()).isZero();

            // the crash: the center's last two commits are gone, as the kill suite saw on H2
            DSLContext db = center.services().db().dsl();
            db.deleteFrom(TERMINAL_JOURNAL).where(TERMINAL_JOURNAL.TERMINAL_ID.eq(terminal), TERMINAL_JOURNAL.SEQUENCE.gt(3L))
                    .execute();
            db.update(TERMINAL).set(TERMINAL.LAST_SEQUENCE, 3L)
                    .set(TERMINAL.LAST_HASH, HexFormat.of().formatHex(ledger.journal(terminal).get(2).hash()))
                    .where(TERMINAL.TERMINAL_ID.eq(terminal)).execute();
            ledger.append(terminal, LedgerKind.SHIFT, "{\"type\":\"NOTE\",\"n\":6}");

            assertThat(sync.pushPending()).isZero();
            assertThat(clerk.terminal(terminal).lastSequence()).isEqualTo(6);
            assertThat(db.fetchCount(TERMINAL_JOURNAL, TERMINAL_JOURNAL.TERMINAL_ID.eq(terminal))).isEqualTo(6);
        }
    }
}
