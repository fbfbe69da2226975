package dev.tessera.desktop.support;

import static org.assertj.core.api.Assertions.fail;

import dev.tessera.desktop.settings.SettingsStore;
import dev.tessera.desktop.settings.TerminalSettings;
import dev.tessera.reader.sim.PcscdProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.smartcardio.CardTerminal;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * pcscd with the vpcd reader for a test class on the real PC/SC path. Used as
 * <pre>{@code @RegisterExtension static final Pcscd pcscd = new Pcscd();}</pre>
 * Without pcscd the class is skipped, unless -Dtessera.test.pcsc=required (./tessera test), where it fails and says
 * what to install.
 *
 * <p>One pcscd serves the whole test run: the first class that needs it starts it (10 s to show the reader), and it
 * stops when the run ends. A second pcscd would not do: the JDK's PC/SC provider opens its context with the service
 * once per JVM, so a JVM never sees a pcscd started after the one it first talked to.
 */
public final class Pcscd implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Pcscd.class);

    /** The vpcd reader's name as the PC/SC service lists it, without the slot numbers it adds. */
    private static final String VPCD_READER = "Virtual PCD";

    private Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<String> missing = PcscdProcess.missing();
        if (missing.isPresent()) {
            if ("required".equals(System.getProperty("tessera.test.pcsc"))) {
                fail(missing.get() + " (-Dtessera.test.pcsc=required)");
            }
            Assumptions.abort(missing.get());
        }
        running = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, k -> Running.start(),
                Running.class);
    }

    /** The virtual reader as the PC/SC service lists it: where the tests put their simulated chips. */
    public CardTerminal reader() {
        return running.process().reader();
    }

    /**
     * Settings in the terminal's data folder that choose the vpcd reader, as a person would in Settings, before the app
     * starts on that folder.
     */
    public void chooseReaderIn(Path data) {
        new SettingsStore(data).save(TerminalSettings.DEFAULTS.withReader(
                TerminalSettings.ReaderChoice.pcsc(VPCD_READER)));
    }

    /** pcscd with its log in a folder of its own, both gone when the test run closes the root store. */
    private record Running(Path dir, PcscdProcess process) implements AutoCloseable {
        static Running start() {
            try {
                Path dir = Files.createTempDirectory("tessera-pcscd");
                return new Running(dir, PcscdProcess.start(dir, Duration.ofSeconds(10)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws Exception {
            process.close();
            Files.deleteIfExists(process.log());
            Files.deleteIfExists(dir);
        }
    }
}
