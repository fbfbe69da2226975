package dev.tessera.desktop;

import dev.tessera.desktop.settings.SettingsStore;
import dev.tessera.desktop.settings.TerminalSettings;
import dev.tessera.desktop.shell.Shell;
import dev.tessera.desktop.startup.StartupSettings;
import dev.tessera.desktop.ui.BackgroundTaskExecutor;
import dev.tessera.desktop.ui.DialogService;
import dev.tessera.desktop.ui.FxDialogService;
import dev.tessera.desktop.ui.Localization;
import dev.tessera.desktop.ui.Message;
import dev.tessera.desktop.ui.Stylesheets;
import java.time.Clock;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application: reads the settings, sets the theme and hands over to the {@link Shell}. */
public final class TesseraApp extends Application {
    private final StartupSettings presetSettings;
    private final Locale presetLocale;
    private Shell shell;

    public TesseraApp() {
        this(null, null);
    }

    /** For tests: given settings and language instead of the command line and the system's. */
    public TesseraApp(StartupSettings settings, Locale locale) {
        this.presetSettings = settings;
        this.presetLocale = locale;
    }

    @Override
    public void start(Stage stage) {
        Stylesheets.installTheme();
        StartupSettings settings;
        IllegalArgumentException badArguments = null;
        try {
            settings = presetSettings != null ? presetSettings
                    : StartupSettings.from(getParameters().getRaw(), System.getenv(), System.getProperty("user.home"));
        } catch (IllegalArgumentException e) {
            settings = null;
            badArguments = e;
        }
        // what Settings saved: the language, and the center unless the command line names one
        TerminalSettings saved = settings == null ? TerminalSettings.DEFAULTS
                : new SettingsStore(settings.dataDir()).load();
        Locale locale = presetLocale != null ? presetLocale : saved.language().orElse(Localization.defaultLocale());
        Localization l10n = new Localization(locale);
        DialogService dialogs = new FxDialogService(l10n);
        if (badArguments != null) {
            dialogs.showError(Message.of("startup.error.title"), Message.of("startup.error.settings",
                    badArguments.getMessage()));
            Platform.exit();
            return;
        }
        // the saved center unless the command line names one; the CA pinned in Settings either way
        settings = settings.withCenter(settings.remoteCenter().isPresent() ? settings.remoteCenter() : saved.center(),
                saved.trust());
        shell = new Shell(stage, settings, BackgroundTaskExecutor.forJavaFx(), l10n, dialogs, Clock.systemDefaultZone());
        shell.start();
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.close();
        }
    }

    public Shell shell() {
        return shell;
    }
}
