package dev.tessera.desktop.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.h2.H2HeaderRepair;
import dev.tessera.core.model.LedgerKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal's ledger after a kill (docs/decisions/0003): a copy of {@code ledger.mv.db} taken right after an
 * append returned is what a SIGKILL at that moment leaves on disk, and the ledger opened from it holds that entry.
 * H2 alone opens such a copy at an older chunk once the file reuses freed space (its header names the chunk before
 * the jump); the ledger points the header at the newest whole chunk before H2 opens it.
 */
class LedgerKilledFileTest {
    private static final int APPENDS = 160;

    @TempDir
    Path dir;

    @Test
    void aLedgerLeftByAKillRightAfterAnAppendOpensWithThatEntry() throws IOException {
        Path live = dir.resolve("live");
        Path killed = dir.resolve("killed");
        Path probe = dir.resolve("probe");
        List<String> lost = new ArrayList<>();
        int staleHeaders = 0;
        try (LedgerStore ledger = LedgerStore.open(live, Clock.systemUTC())) {
            // freed space reused at once (H2 waits 45 s; a terminal that sold for a while has reused space)
            ledger.dsl().execute("SET RETENTION_TIME 0");
            String terminal = ledger.identity("clerk", new SecureRandom()).terminalId();
            for (int n = 1; n <= APPENDS; n++) {
                ledger.append(terminal, LedgerKind.SHIFT, "{\"note\":\"" + "x".repeat(400) + n + "\"}");
                if (n % 10 == 0) {
                    // the center took them: the outbox rows go and their space is free again
                    ledger.acknowledge(terminal, n, List.of());
                }
                copy(live, killed);
                copy(live, probe);
                if (H2HeaderRepair.pointAtNewestChunk(probe.resolve("ledger.mv.db")).isPresent()) {
                    staleHeaders++;
                }
                try (LedgerStore reopened = LedgerStore.open(killed, Clock.systemUTC())) {
                    int entries = reopened.journal(terminal).size();
                    if (entries != n) {
                        lost.add("after append " + n + " the killed ledger opened with " + entries + " entries");
                    }
                }
            }
        }
        assertThat(lost).isEmpty();
        assertThat(staleHeaders).as("copies whose header named a chunk older than the last append").isPositive();
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(to)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.copy(from.resolve("ledger.mv.db"), to.resolve("ledger.mv.db"), StandardCopyOption.REPLACE_EXISTING);
    }
}
