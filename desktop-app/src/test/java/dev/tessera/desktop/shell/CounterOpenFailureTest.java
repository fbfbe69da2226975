package dev.tessera.desktop.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tessera.desktop.ledger.LedgerStore;
import dev.tessera.desktop.support.HoldDatabaseOpen;
import dev.tessera.desktop.ui.Localization;
import dev.tessera.desktop.ui.Message;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the counter's tab says when this terminal's ledger does not open: real files, real H2 errors. */
class CounterOpenFailureTest {
    private final Localization english = new Localization(Locale.ENGLISH);
    private final Localization japanese = new Localization(Locale.JAPANESE);

    @TempDir
    Path dataDir;

    @Test
    void aLedgerOpenInAnotherTesseraIsNamedAndOpensOnceItIsFree() throws Exception {
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldDatabaseOpen.class.getName(), dataDir.toString(), "ledger")
                .redirectErrorStream(true).start();
        try {
            assertThat(new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))
                    .readLine()).isEqualTo("open");
            Throwable failure = catchThrowable(() -> LedgerStore.open(dataDir, Clock.systemUTC()));
            Message message = CounterOpenFailure.describe(failure, dataDir);
            assertThat(message.key()).as("%s", failure).isEqualTo("counter.error.ledgerInUse");
            assertThat(english.text(message)).isEqualTo("The counter cannot open: this terminal's ledger "
                    + dataDir.resolve("ledger.mv.db").toAbsolutePath() + " is in use by another Tessera window. Close that"
                    + " window, then sign out and sign in again.");
            assertThat(japanese.text(message)).startsWith("窓口を開けません").contains(dataDir.toString());
        } finally {
            other.getOutputStream().close();
            assertThat(other.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        // signing in again opens it
        LedgerStore.open(dataDir, Clock.systemUTC()).close();
    }

    @Test
    void aFileThatIsNotALedgerIsCalledDamagedAndLeftAsItIs() throws Exception {
        byte[] garbage = "not a ledger\n".repeat(500).getBytes(StandardCharsets.US_ASCII);
        Files.write(dataDir.resolve("ledger.mv.db"), garbage);
        Throwable failure = catchThrowable(() -> LedgerStore.open(dataDir, Clock.systemUTC()));
        Message message = CounterOpenFailure.describe(failure, dataDir);
        assertThat(message.key()).as("%s", failure).isEqualTo("counter.error.ledgerDamaged");
        assertThat(english.text(message)).contains(dataDir.resolve("ledger.mv.db").toAbsolutePath().toString())
                .doesNotContain("Exception");
        assertThat(Files.readAllBytes(dataDir.resolve("ledger.mv.db"))).isEqualTo(garbage);
    }

    @Test
    void aDataFolderThatIsAFileIsExplained() throws Exception {
        Path file = Files.writeString(dataDir.resolve("not-a-folder"), "x");
        Throwable failure = catchThrowable(() -> LedgerStore.open(file, Clock.systemUTC()));
        assertThat(failure).isNotNull();
        Message message = CounterOpenFailure.describe(failure, file);
        assertThat(message).as("%s", failure).isEqualTo(Message.of("counter.error.ledgerFolder", file.toAbsolutePath()));
        assertThat(english.text(message)).startsWith("The counter cannot write its ledger in " + file.toAbsolutePath());
    }

    @Test
    void anythingElseGivesItsReasonInOneLine() {
        Message message = CounterOpenFailure.describe(new IllegalStateException("outer",
                new java.io.IOException("the disk is full\nmore detail")), dataDir);
        assertThat(message).isEqualTo(Message.of("counter.openFailed", "the disk is full"));
    }
}
