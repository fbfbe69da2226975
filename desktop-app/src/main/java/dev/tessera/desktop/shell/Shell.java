package dev.tessera.desktop.shell;

import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.counter.VirtualChips;
import dev.tessera.desktop.countertab.CounterWorkspace;
import dev.tessera.desktop.ledger.LedgerStore;
import dev.tessera.desktop.settings.SettingsDialog;
import dev.tessera.desktop.settings.SettingsStore;
import dev.tessera.desktop.settings.SettingsViewModel;
import dev.tessera.desktop.settings.TerminalSettings;
import dev.tessera.desktop.signin.SignInView;
import dev.tessera.desktop.signin.SignInViewModel;
import dev.tessera.desktop.startup.CenterConnection;
import dev.tessera.desktop.startup.StartupSettings;
import dev.tessera.desktop.startup.StartupView;
import dev.tessera.desktop.startup.StartupViewModel;
import dev.tessera.desktop.ui.ConnectionStatus;
import dev.tessera.desktop.ui.DialogService;
import dev.tessera.desktop.ui.Localization;
import dev.tessera.desktop.ui.Stylesheets;
import dev.tessera.desktop.ui.TaskExecutor;
import dev.tessera.desktop.workspace.WorkspaceContext;
import dev.tessera.desktop.workspace.WorkspaceFactory;
import java.time.Clock;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's course: startup window while the center starts, then the sign-in screen and the main
 * window in one stage, and an orderly shutdown that stops the embedded center.
 */
public final class Shell {
    private static final Logger LOG = LoggerFactory.getLogger(Shell.class);
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;

    private final Stage stage;
    private StartupSettings settings;
    private final SettingsStore settingsStore;
    private TerminalSettings saved;
    private final TaskExecutor tasks;
    private final Localization l10n;
    private final DialogService dialogs;
    private final Clock clock;
    private Stage startupStage;
    private Scene scene;
    private CenterConnection connection;
    private CenterClient client;
    private ConnectionStatus status;
    private SignInViewModel signIn;
    private MainViewModel main;
    private MainView mainView;
    private boolean closed;
    private LedgerStore ledger;
    private VirtualChips virtualChips;
    private SettingsDialog settingsDialog;

    public Shell(Stage stage, StartupSettings settings, TaskExecutor tasks, Localization l10n, DialogService dialogs,
                 Clock clock) {
        this.stage = stage;
        this.settings = settings;
        this.settingsStore = new SettingsStore(settings.dataDir());
        this.saved = settingsStore.load();
        // the language switch (header, sign-in) is a setting too: remember it for the next start
        l10n.localeProperty().addListener((obs, old, now) -> {
            if (!saved.language().equals(java.util.Optional.of(now))) {
                saveSettings(saved.withLanguage(now));
            }
        });
        this.tasks = tasks;
        this.l10n = l10n;
        this.dialogs = dialogs;
        this.clock = clock;
    }

    public void start() {
        StartupViewModel startup = new StartupViewModel(settings, tasks, this::virtualChips);
        startupStage = new Stage(StageStyle.UNDECORATED);
        Scene startupScene = new Scene(new StartupView(startup, l10n));
        startupScene.getStylesheets().add(Stylesheets.APP);
        startupStage.setScene(startupScene);
        startupStage.titleProperty().bind(l10n.binding("app.title"));
        startupStage.show();
        startup.failureProperty().addListener((obs, old, failure) -> {
            if (failure == null) {
                return;
            }
            startupStage.hide();
            if (dialogs.askRetryAfterStartupFailure(failure)) {
                startupStage.show();
                startup.start(this::connected);
            } else {
                quit();
            }
        });
        startup.start(this::connected);
    }

    private void connected(CenterConnection newConnection) {
        connection = newConnection;
        status = new ConnectionStatus(connection.baseUri(), connection.isEmbedded(), tasks, clock);
        client = new CenterClient(connection.baseUri(), status, settings.trust());
        status.reachable();
        scene = new Scene(new Region(), WIDTH, HEIGHT);
        scene.getStylesheets().add(Stylesheets.APP);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), this::quit);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), this::refresh);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN), this::openSettings);
        stage.setScene(scene);
        stage.titleProperty().bind(l10n.binding("app.title"));
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.setOnCloseRequest(e -> {
            e.consume();
            quit();
        });
        showSignIn();
        startupStage.close();
        stage.show();
        // the startup window had the keyboard; give it to the main window, not to whatever was behind
        stage.toFront();
        stage.requestFocus();
    }

    private void showSignIn() {
        main = null;
        mainView = null;
        signIn = new SignInViewModel(client, tasks, connection.demoAccounts(), this::signedIn);
        SignInView view = new SignInView(signIn, l10n, this::openSettings);
        show(view);
        Platform.runLater(view::focusLoginId);
    }

    private void signedIn(CenterSession session) {
        LOG.info("{} signed in as {}", session.account().loginId(), session.account().role());
        signIn = null;
        main = new MainViewModel(session, tasks, l10n, new StatusBarViewModel(status, l10n));
        MainViewModel signedIn = main;
        mainView = new MainView(main, l10n, () -> signedIn.signOut(this::showSignIn), this::openSettings);
        show(mainView);
        main.start();
        if (signedIn.isSeller()) {
            openCounter(signedIn);
        }
        openWorkspaces(signedIn);
    }

    /** The role's workspaces, each opened in the background and added as a tab when ready. */
    private void openWorkspaces(MainViewModel signedIn) {
        TaskExecutor sessionTasks = signedIn.tasks();
        WorkspaceContext context = new WorkspaceContext(signedIn.session(), client, status, sessionTasks, l10n, dialogs, clock,
                settings.dataDir(), new WorkspaceContext.Resources() {
                    @Override
                    public LedgerStore ledger() throws java.io.IOException {
                        return Shell.this.ledger();
                    }

                    @Override
                    public VirtualChips virtualChips() {
                        return Shell.this.virtualChips();
                    }

                    @Override
                    public Optional<String> pcscReader() {
                        return saved.reader().pcscName();
                    }
                });
        for (WorkspaceFactory factory : Workspaces.forRole(signedIn.account().role())) {
            sessionTasks.execute(() -> factory.open(context), signedIn::attach,
                    failure -> {
                        LOG.error("a workspace could not open", failure);
                        dialogs.showError(dev.tessera.desktop.ui.Message.of("workspace.failed"),
                                dev.tessera.desktop.ui.ErrorMessages.of(failure));
                    });
        }
    }

    /** The ledger file is opened in the background; the counter tab appears when it is ready. */
    private void openCounter(MainViewModel signedIn) {
        StatusBarViewModel statusBar = signedIn.statusBar();
        TaskExecutor sessionTasks = signedIn.tasks();
        sessionTasks.execute(() -> CounterWorkspace.open(signedIn.session(), client, ledger(), settings.dataDir(), counterReader(), virtualChips(),
                status.onlineProperty(), sessionTasks, l10n, dialogs, clock, statusBar::syncState, () -> saved.paper()),
                signedIn::attachCounter,
                failure -> {
                    LOG.error("the counter could not open its ledger", failure);
                    signedIn.counterFailed(CounterOpenFailure.describe(failure, settings.dataDir()));
                });
    }

    private synchronized LedgerStore ledger() throws java.io.IOException {
        if (ledger == null) {
            java.nio.file.Files.createDirectories(settings.dataDir());
            ledger = LedgerStore.open(settings.dataDir(), Clock.systemUTC());
        }
        return ledger;
    }

    /** The reader chosen in Settings: a PC/SC reader by name, else the simulated one with the virtual chip tray. */
    private dev.tessera.desktop.counter.CounterReader counterReader() {
        return saved.reader().pcscName().<dev.tessera.desktop.counter.CounterReader>map(name ->
                new dev.tessera.desktop.counter.PcscCounterReader(name, new java.security.SecureRandom()))
                .orElseGet(this::virtualChips);
    }

    private synchronized VirtualChips virtualChips() {
        if (virtualChips == null) {
            // the cards stand for physical ones and keep their own keys, outside the terminal's data folder, which
            // holds no chip key (docs/decisions/0015; CounterFlowTest.assertNoChipKeyIn)
            virtualChips = new VirtualChips(new java.security.SecureRandom(),
                    settings.simulatedCards().map(folder -> folder.resolve(VirtualChips.FILE_NAME)).orElse(null));
        }
        return virtualChips;
    }

    public Optional<LedgerStore> ledgerStore() {
        return Optional.ofNullable(ledger);
    }

    public Optional<VirtualChips> chipTray() {
        return Optional.ofNullable(virtualChips);
    }

    /** Settings (Ctrl+, anywhere): center, language, reader; a new center signs out and connects again. */
    public void openSettings() {
        TerminalSettings shown = saved.withCenter(settings.remoteCenter());
        SettingsViewModel model = new SettingsViewModel(shown, l10n.getLocale(), centerFromCommandLine(), tasks,
                SettingsViewModel::pcscReaderNames, () -> dev.tessera.reports.print.ReportPrinter.system().printers().stream()
                        .map(dev.tessera.reports.print.ReportPrinter.Printer::name).toList());
        settingsDialog = new SettingsDialog(stage, model, l10n);
        dialogs.show(settingsDialog).ifPresent(this::applySettings);
        settingsDialog = null;
    }

    private boolean centerFromCommandLine() {
        return settings.remoteCenter().isPresent() && !settings.remoteCenter().equals(saved.center());
    }

    private void applySettings(TerminalSettings chosen) {
        boolean newCenter = !chosen.center().equals(settings.remoteCenter())
                || !chosen.trust().equals(settings.trust());
        saveSettings(chosen);
        chosen.language().ifPresent(l10n::setLocale);
        if (newCenter) {
            reconnect(settings.withCenter(chosen.center(), chosen.trust()));
        }
    }

    private void saveSettings(TerminalSettings next) {
        saved = next;
        tasks.execute(() -> {
            settingsStore.save(next);
            return null;
        }, done -> LOG.info("settings saved to {}", settingsStore.file()),
                failure -> dialogs.showError(dev.tessera.desktop.ui.Message.of("settings.saveFailed"),
                        dev.tessera.desktop.ui.Message.of("error.center", failure.getMessage())));
    }

    /** Signs out, stops the current center connection (and the embedded center) and starts over with new settings. */
    private void reconnect(StartupSettings next) {
        MainViewModel signedIn = main;
        main = null;
        mainView = null;
        signIn = null;
        if (signedIn != null) {
            signedIn.close();
        }
        CenterClient oldClient = client;
        CenterConnection oldConnection = connection;
        stage.hide();
        tasks.execute(() -> {
            if (signedIn != null) {
                signedIn.endSessionQuietly();
            }
            if (oldClient != null) {
                oldClient.close();
            }
            if (oldConnection != null) {
                oldConnection.close();
            }
            return null;
        }, done -> {
            settings = next;
            start();
        }, failure -> {
            LOG.warn("the old center connection did not close cleanly", failure);
            settings = next;
            start();
        });
    }

    /** The open settings dialog, for tests. */
    public Optional<SettingsDialog> settingsDialog() {
        return Optional.ofNullable(settingsDialog);
    }

    public TerminalSettings savedSettings() {
        return saved;
    }

    private void show(Parent root) {
        scene.setRoot(root);
    }

    private void refresh() {
        if (main != null) {
            main.refresh();
        }
    }

    /** Ctrl+Q and the window's close button: hide at once, stop the center in the background, then exit. */
    public void quit() {
        // hiding the last window would otherwise stop the app (and the embedded center) before the sign-out below
        Platform.setImplicitExit(false);
        stage.hide();
        if (startupStage != null) {
            startupStage.hide();
        }
        MainViewModel signedIn = main;
        if (signedIn != null) {
            signedIn.close();
            main = null;
        }
        Thread shutdown = new Thread(() -> {
            try {
                if (signedIn != null) {
                    signedIn.endSessionQuietly();
                }
                close();
            } finally {
                Platform.exit();
            }
        }, "tessera-shutdown");
        shutdown.start();
    }

    /**
     * Stops everything this shell started and waits for its background work, so nothing writes into the data
     * folder once this returns; safe to call twice and from any thread.
     */
    public void close() {
        MainViewModel signedIn;
        CenterClient openClient;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            signedIn = main;
            openClient = client;
        }
        // outside the lock: background work under way may still need ledger() or virtualChips()
        if (signedIn != null) {
            signedIn.close();
        }
        if (openClient != null) {
            // first, so that requests under way fail now instead of holding up the wait below
            openClient.close();
        }
        tasks.close();
        synchronized (this) {
            if (virtualChips != null) {
                virtualChips.close();
            }
            if (ledger != null) {
                ledger.close();
            }
        }
        if (connection != null) {
            connection.close();
        }
        LOG.info("desktop closed");
    }

    public Optional<SignInViewModel> signIn() {
        return Optional.ofNullable(signIn);
    }

    public Optional<MainViewModel> main() {
        return Optional.ofNullable(main);
    }

    public Optional<MainView> mainView() {
        return Optional.ofNullable(mainView);
    }

    public Optional<CenterConnection> connection() {
        return Optional.ofNullable(connection);
    }

    public Localization localization() {
        return l10n;
    }
}
