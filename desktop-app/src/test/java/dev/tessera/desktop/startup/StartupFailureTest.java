package dev.tessera.desktop.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tessera.desktop.support.HoldDatabaseOpen;
import dev.tessera.desktop.ui.Localization;
import dev.tessera.desktop.ui.Message;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


class StartupFailureTest {
    private final Localization english = new Localization(Locale.ENGLISH);

    @TempDir
    Path dataDir;

    @Test
    void aDatabaseOpenInAnotherTesseraIsExplainedInWords() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process other = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                HoldDatabaseOpen.class.getName(), dataDir.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("open");

            Throwable failure = catchThrowable(() -> CenterStarter.connect(StartupSettings.embedded(dataDir), m -> {}));
            assertThat(failure).isNotNull();
            Message message = StartupFailure.describe(failure, StartupSettings.embedded(dataDir));
            assertThat(message.key()).isEqualTo("startup.error.inUse");
            assertThat(english.text(message)).startsWith("Tessera is already open on this computer")
                    .contains(dataDir.toString()).doesNotContain("Exception");
        } finally {
            other.getOutputStream().close();
            assertThat(other.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        try (CenterConnection c = CenterStarter.connect(StartupSettings.embedded(dataDir), m -> {})) {
            assertThat(c.isEmbedded()).isTrue();
        }
    }

    @Test
    void aDataFolderThatCannotBeMadeIsExplained() throws Exception {
        Path file = Files.writeString(dataDir.resolve("not-a-folder"), "x");
        StartupSettings settings = StartupSettings.embedded(file.resolve("tessera"));
        Throwable failure = catchThrowable(() -> CenterStarter.connect(settings, m -> {}));
        assertThat(StartupFailure.describe(failure, settings).key()).isEqualTo("startup.error.dataFolder");
    }

    @Test
    void anUnreachableRemoteCenterIsNamed() {
        StartupSettings settings = StartupSettings.from(List.of("--center-url", "http://127.0.0.1:9"), Map.of(), "/h");
        Throwable failure = catchThrowable(() -> CenterStarter.connect(settings, m -> {}));
        Message message = StartupFailure.describe(failure, settings);
        assertThat(message).isEqualTo(Message.of("startup.error.unreachable", URI.create("http://127.0.0.1:9")));
        assertThat(english.text(message)).startsWith("Cannot reach the platform center at http://127.0.0.1:9.");
    }
}
