package dev.tessera.desktop.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupSettingsTest {

    @Test
    void withoutSettingsTheCenterIsEmbeddedUnderTheUsersDataFolder() {
        StartupSettings s = StartupSettings.from(List.of(), Map.of(), "/home/ann");
        assertThat(s.remoteCenter()).isEmpty();
        assertThat(s.dataDir()).isEqualTo(Path.of("/home/ann/.local/share/tessera"));
    }

    @Test
    void theSimulatedCardsLiveBesideTheDataFolderAndTheTestsSetUpHasNone() {
        assertThat(StartupSettings.from(List.of(), Map.of(), "/home/ann").simulatedCards())
                .contains(Path.of("/home/ann/.local/share/tessera-simulated-cards"));
        assertThat(StartupSettings.from(List.of(), Map.of("TESSERA_DATA", "/x/demo/"), "/h").simulatedCards())
                .contains(Path.of("/x/demo-simulated-cards"));
        assertThat(StartupSettings.embedded(Path.of("/x/demo")).simulatedCards()).isEmpty();
    }

    @Test
    void teseraDataWinsOverXdgDataHome() {
        assertThat(StartupSettings.from(List.of(), Map.of("XDG_DATA_HOME", "/xdg"), "/h").dataDir())
                .isEqualTo(Path.of("/xdg/tessera"));
        assertThat(StartupSettings.from(List.of(), Map.of("XDG_DATA_HOME", "/xdg", "TESSERA_DATA", "/data"), "/h")
                .dataDir()).isEqualTo(Path.of("/data"));
    }

    @Test
    void theCommandLineWinsOverTheEnvironment() {
        Map<String, String> env = Map.of("TESSERA_CENTER_URL", "https://env.example:7070");
        assertThat(StartupSettings.from(List.of(), env, "/h").remoteCenter())
                .contains(URI.create("https://env.example:7070"));
        assertThat(StartupSettings.from(List.of("--center-url", "https://cli.example"), env, "/h").remoteCenter())
                .contains(URI.create("https://cli.example"));
        assertThat(StartupSettings.from(List.of("--center-url=https://eq.example:1"), env, "/h").remoteCenter())
                .contains(URI.create("https://eq.example:1"));
    }

    @Test
    void anUnusableUrlIsRefusedInWords() {
        assertThatThrownBy(() -> StartupSettings.from(List.of("--center-url", "ftp://x"), Map.of(), "/h"))
                .hasMessageContaining("not an http:// or https:// address");
        assertThatThrownBy(() -> StartupSettings.from(List.of("--center-url"), Map.of(), "/h"))
                .hasMessageContaining("needs a URL");
    }

    @Test
    void aRemoteCenterOverPlainHttpIsRefusedInWordsExceptOnThisComputer() {
        assertThatThrownBy(() -> StartupSettings.centerUri("http://center.example:8410"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be reached over https://");
        assertThatThrownBy(() -> StartupSettings.centerUri("http://192.168.1.20:8410"))
                .hasMessageContaining("must be reached over https://");
        assertThatThrownBy(() -> StartupSettings.centerUri("http://127.0.0.1.example:8410"))
                .hasMessageContaining("must be reached over https://");
        assertThat(StartupSettings.centerUri("http://127.0.0.1:8410")).hasHost("127.0.0.1");
        assertThat(StartupSettings.centerUri("http://localhost:8410")).hasHost("localhost");
        assertThat(StartupSettings.centerUri("http://[::1]:8410")).hasPort(8410);
        assertThat(StartupSettings.centerUri("https://center.example")).hasHost("center.example");
    }
}
