package dev.tessera.desktop.settings;

import static dev.tessera.desktop.support.Fx.fx;
import static dev.tessera.desktop.support.Fx.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.desktop.support.AppUnderTest;
import dev.tessera.desktop.support.Screenshots;
import dev.tessera.desktop.support.TestCenter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Settings: the store on disk, and the dialog switching the app to another center and language, kept across starts. */
class SettingsTest {
    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest();
    private final FxRobot robot = ui.robot();

    @Test
    void theStoreKeepsWhatWasSavedAndSetsADamagedFileAside(@TempDir Path data) throws Exception {
        SettingsStore store = new SettingsStore(data);
        assertThat(store.load()).isEqualTo(TerminalSettings.DEFAULTS);
        TerminalSettings chosen = new TerminalSettings(Optional.of(URI.create("https://center.example:7443")),
                Optional.of(Locale.JAPANESE), TerminalSettings.ReaderChoice.pcsc("ACS ACR1252 Dual Reader PICC 00 00"))
                .withCenterCa(Optional.of(Path.of("/etc/ssl/tessera/center-ca.pem")));
        store.save(chosen);
        assertThat(new SettingsStore(data).load()).isEqualTo(chosen);
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(SettingsStore.FILE);
        }

        Files.writeString(store.file(), "center.url=\\uZZZZ\n");
        assertThat(store.load()).as("a damaged file gives the defaults").isEqualTo(TerminalSettings.DEFAULTS);
        assertThat(data.resolve(SettingsStore.FILE + ".damaged")).exists();
        assertThat(store.file()).doesNotExist();

        Files.writeString(store.file(), "center.url=ftp://nowhere\nlanguage=ja\n");
        assertThat(store.load()).as("an unusable center falls back to the embedded one, the rest stays")
                .isEqualTo(new TerminalSettings(Optional.empty(), Optional.of(Locale.JAPANESE),
                        TerminalSettings.ReaderChoice.SIMULATED));
    }

    @Test
    void theDialogMovesTheTerminalToAnotherCenterAndTheNextStartRemembersItAndTheLanguage(@TempDir Path data,
            @TempDir Path remoteData) throws Exception {
        try (TestCenter remote = TestCenter.start(remoteData)) {
            ui.start(data, Locale.ENGLISH);
            assertThat(fx(() -> ui.app().shell().connection().orElseThrow().isEmbedded())).isTrue();

            robot.clickOn("#openSettings");
            waitFor(10, "the settings dialog", () -> ui.app().shell().settingsDialog().isPresent()
                    && robot.lookup("#centerRemote").tryQuery().isPresent());
            ComboBox<?> readers = robot.lookup("#settingsReader").queryAs(ComboBox.class);
            waitFor(15, "the reader list asked of the smart-card service", () -> readers.getItems().size() > 1
                    || robot.lookup("#settingsReaderProblem").queryAs(Label.class).isVisible());
            assertThat(fx(() -> readers.getItems().getFirst())).as("the simulated reader comes first")
                    .isEqualTo(SettingsViewModel.SIMULATED);

            robot.clickOn("#centerRemote");
            robot.clickOn("#centerUrl").write("center.example");
            robot.clickOn("#settingsSave");
            waitFor(5, "the problem in words", () -> robot.lookup("#settingsProblem").queryAs(Label.class).isVisible());
            assertThat(fx(() -> robot.lookup("#settingsProblem").queryAs(Label.class).getText()))
                    .contains("is not an http:// or https:// address");

            TextField url = robot.lookup("#centerUrl").queryAs(TextField.class);
            fx(() -> {
                url.setText(remote.baseUri().toString());
                return null;
            });
            robot.clickOn("#centerTest");
            Label result = robot.lookup("#centerTestResult").queryAs(Label.class);
            waitFor(15, "the connection test", () -> result.getText().contains("answers"));
            Screenshots.take(robot.lookup("#settingsDialog").query().getScene(), "80-settings");

            @SuppressWarnings("unchecked")
            ComboBox<Locale> language = robot.lookup("#settingsLanguage").queryAs(ComboBox.class);
            fx(() -> {
                language.setValue(Locale.JAPANESE);
                return null;
            });
            robot.clickOn("#settingsSave");

            waitFor(60, "signed out and at the remote center's sign-in", () -> ui.app().shell().signIn().isPresent()
                    && ui.app().shell().connection().map(c -> c.baseUri().equals(remote.baseUri())).orElse(false)
                    && robot.lookup("#loginId").tryQuery().isPresent());
            assertThat(fx(() -> ui.app().shell().connection().orElseThrow().isEmbedded())).isFalse();
            assertThat(fx(() -> ui.app().shell().localization().getLocale())).isEqualTo(Locale.JAPANESE);
            assertThat(Files.readString(data.resolve(SettingsStore.FILE)))
                    .contains("center.url=" + remote.baseUri().toString().replace(":", "\\:"))
                    .contains("language=ja");
            Screenshots.take(robot.lookup("#loginId").query().getScene(), "81-settings-remote-signin-ja");

            ui.stop();
            // the next start: the saved center and language, no command line needed
            ui.start(data, null);
            assertThat(fx(() -> ui.app().shell().connection().orElseThrow().baseUri())).isEqualTo(remote.baseUri());
            assertThat(fx(() -> ui.app().shell().localization().getLocale())).isEqualTo(Locale.JAPANESE);
        }
    }

    @Test
    void theLanguageSwitchIsRememberedForTheNextStart(@TempDir Path data) throws Exception {
        ui.start(data, Locale.ENGLISH);
        robot.clickOn("#languageJapanese");
        waitFor(10, "the language saved", () -> Files.exists(data.resolve(SettingsStore.FILE))
                && Files.readString(data.resolve(SettingsStore.FILE)).contains("language=ja"));
        ui.stop();
        ui.start(data, null);
        assertThat(fx(() -> ui.app().shell().localization().getLocale())).isEqualTo(Locale.JAPANESE);
        assertThat(fx(() -> ui.app().shell().connection().orElseThrow().isEmbedded())).isTrue();
    }
}
