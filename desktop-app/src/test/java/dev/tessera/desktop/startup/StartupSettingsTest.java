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
    void teseraDataWinsOverXdgDataHome() {
        assertThat(StartupSettings.from(List.of(), Map.of("XDG_DATA_HOME", "/xdg"), "/h").dataDir())
                .isEqualTo(Path.of("/xdg/tessera"));
        assertThat(StartupSettings.from(List.of(), Map.of("XDG_DATA_HOME", "/xdg", "TESSERA_DATA", "/data"), "/h")
                .dataDir()).isEqualTo(Path.of("/data"));
    }

    @Test
    void theCommandLineWinsOverTheEnvironment() {
        Map<String, String> env = Map.of("TESSERA_CENTER_URL", "http://env.example:7070");
        assertThat(StartupSettings.from(List.of(), env, "/h").remoteCenter())
                .contains(URI.create("http://env.example:7070"));
        assertThat(StartupSettings.from(List.of("--center-url", "https://cli.example"), env, "/h").remoteCenter())
                .contains(URI.create("https://cli.example"));
        assertThat(StartupSettings.from(List.of("--center-url=http://eq.example:1"), env, "/h").remoteCenter())
                .contains(URI.create("http://eq.example:1"));
    }

    @Test
    void anUnusableUrlIsRefusedInWords() {
        assertThatThrownBy(() -> StartupSettings.from(List.of("--center-url", "ftp://x"), Map.of(), "/h"))
                .hasMessageContaining("not an http:// or https:// address");
        assertThatThrownBy(() -> StartupSettings.from(List.of("--center-url"), Map.of(), "/h"))
                .hasMessageContaining("needs a URL");
    }
}
