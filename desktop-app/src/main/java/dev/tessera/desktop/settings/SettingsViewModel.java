package dev.tessera.desktop.settings;

import dev.tessera.client.CenterAddress;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.startup.StartupSettings;
import dev.tessera.desktop.ui.ErrorMessages;
import dev.tessera.desktop.ui.Message;
import dev.tessera.desktop.ui.TaskExecutor;
import dev.tessera.reader.pcsc.ReaderUnavailableException;
import dev.tessera.reader.pcsc.Readers;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings dialog's state: which center (embedded or a URL, with a connection test), the language
 * and the counter's reader (the simulated one or a PC/SC reader from the list the service reports).
 */
public final class SettingsViewModel {
    /** The reader list's first entry: the simulated reader with virtual chips. */
    public static final String SIMULATED = "";
    private static final Logger LOG = LoggerFactory.getLogger(SettingsViewModel.class);

    private final TaskExecutor tasks;
    private final Callable<List<String>> readerNames;
    private final BooleanProperty remote = new SimpleBooleanProperty();
    private final StringProperty centerUrl = new SimpleStringProperty("");
    // a PEM file: the CA an https:// center's certificate must come from; empty: this computer's trusted authorities
    private final StringProperty centerCa = new SimpleStringProperty("");
    private final ObjectProperty<Locale> language = new SimpleObjectProperty<>();
    private final ObjectProperty<String> reader = new SimpleObjectProperty<>(SIMULATED);
    private final ObservableList<String> readers = FXCollections.observableArrayList(SIMULATED);
    private final ReadOnlyObjectWrapper<Message> readerProblem = new ReadOnlyObjectWrapper<>();
    private final Callable<List<String>> printerNames;
    private final ObjectProperty<PrinterOption> printer = new SimpleObjectProperty<>(PrinterOption.SYSTEM_DEFAULT);
    private final ObservableList<PrinterOption> printers =
            FXCollections.observableArrayList(PrinterOption.SYSTEM_DEFAULT, PrinterOption.PDF_FILES);
    private final BooleanProperty printAtOnce = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<Message> testResult = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper testOk = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    private final boolean centerFromCommandLine;

    public SettingsViewModel(TerminalSettings current, Locale shownLanguage, boolean centerFromCommandLine,
                             TaskExecutor tasks, Callable<List<String>> readerNames) {
        this(current, shownLanguage, centerFromCommandLine, tasks, readerNames, List::of);
    }

    public SettingsViewModel(TerminalSettings current, Locale shownLanguage, boolean centerFromCommandLine,
                             TaskExecutor tasks, Callable<List<String>> readerNames, Callable<List<String>> printerNames) {
        this.tasks = tasks;
        this.readerNames = readerNames;
        this.printerNames = printerNames;
        TerminalSettings.PaperChoice paper = current.paper();
        PrinterOption saved = PrinterOption.of(paper);
        if (!printers.contains(saved)) {
            printers.add(saved);
        }
        printer.set(saved);
        printAtOnce.set(paper.printAtOnce());
        this.centerFromCommandLine = centerFromCommandLine;
        remote.set(current.center().isPresent());
        centerUrl.set(current.center().map(URI::toString).orElse(""));
        centerCa.set(current.centerCa().map(java.nio.file.Path::toString).orElse(""));
        language.set(current.language().orElse(shownLanguage));
        current.reader().pcscName().ifPresent(name -> {
            readers.add(name);
            reader.set(name);
        });
        centerUrl.addListener((obs, old, now) -> testResult.set(null));
        centerCa.addListener((obs, old, now) -> testResult.set(null));
    }

    /** The PC/SC readers connected to this computer, listed by the smart-card service. */
    public static List<String> pcscReaderNames() throws ReaderUnavailableException {
        return Readers.list(Readers.pcsc()).stream().map(javax.smartcardio.CardTerminal::getName).toList();
    }

    /** Asks the smart-card service for its readers in the background; a missing service is said in words. */
    public void refreshReaders() {
        tasks.execute(readerNames::call, names -> {
            String chosen = reader.get();
            readers.setAll(SIMULATED);
            readers.addAll(names);
            if (!readers.contains(chosen)) {
                readers.add(chosen);
            }
            reader.set(chosen);
            readerProblem.set(names.isEmpty() ? Message.of("settings.reader.none") : null);
        }, failure -> readerProblem.set(Message.of("settings.reader.unavailable", failure.getMessage())));
    }

    /** The printers the operating system offers (CUPS, the Windows spooler), in the background. */
    public void refreshPrinters() {
        tasks.execute(printerNames::call, names -> {
            PrinterOption chosen = printer.get();
            printers.setAll(PrinterOption.SYSTEM_DEFAULT, PrinterOption.PDF_FILES);
            names.stream().filter(name -> !name.isBlank()).map(PrinterOption::named).distinct().forEach(printers::add);
            if (!printers.contains(chosen)) {
                printers.add(chosen);
            }
            printer.set(chosen);
        }, failure -> LOG.warn("the printers could not be listed", failure));
    }

    /** Calls the center's health check at the typed URL, in the background. */
    public void testConnection() {
        Optional<Message> invalid = urlProblem();
        if (invalid.isPresent()) {
            testOk.set(false);
            testResult.set(invalid.get());
            return;
        }
        URI uri = StartupSettings.centerUri(centerUrl.get().strip());
        testing.set(true);
        testResult.set(Message.of("settings.center.testing"));
        tasks.execute(() -> {
            try (CenterClient client = new CenterClient(uri, dev.tessera.client.ConnectionListener.NONE,
                    chosenCa().map(dev.tessera.client.CenterTrust::pinned)
                            .orElse(dev.tessera.client.CenterTrust.SYSTEM))) {
                client.checkHealth();
            }
            return uri;
        }, ok -> {
            testing.set(false);
            testOk.set(true);
            testResult.set(Message.of("settings.center.reachable", ok));
        }, failure -> {
            testing.set(false);
            testOk.set(false);
            testResult.set(ErrorMessages.of(failure));
        });
    }

    /** Why the settings cannot be saved as they are, if they cannot. */
    public Optional<Message> urlProblem() {
        if (!remote.get()) {
            return Optional.empty();
        }
        String url = centerUrl.get() == null ? "" : centerUrl.get().strip();
        if (url.isEmpty()) {
            return Optional.of(Message.of("settings.center.missing"));
        }
        try {
            StartupSettings.centerUri(url);
        } catch (CenterAddress.PlainHttpException e) {
            return Optional.of(Message.of("settings.center.insecure", url));
        } catch (IllegalArgumentException e) {
            return Optional.of(Message.of("settings.center.invalid", url));
        }
        Optional<java.nio.file.Path> ca = chosenCa();
        if (ca.isPresent()) {
            try {
                dev.tessera.client.CenterTrust.read(ca.get());
            } catch (java.io.IOException | java.security.GeneralSecurityException e) {
                return Optional.of(Message.of("settings.center.caUnreadable", ca.get(), e.getMessage()));
            }
        }
        return Optional.empty();
    }

    private Optional<java.nio.file.Path> chosenCa() {
        String ca = centerCa.get() == null ? "" : centerCa.get().strip();
        return remote.get() && !ca.isEmpty() ? Optional.of(java.nio.file.Path.of(ca)) : Optional.empty();
    }

    /** The settings as chosen; only call when {@link #urlProblem()} is empty. */
    public TerminalSettings result() {
        Optional<URI> center = remote.get() ? Optional.of(StartupSettings.centerUri(centerUrl.get().strip()))
                : Optional.empty();
        String chosen = reader.get();
        PrinterOption paper = printer.get() == null ? PrinterOption.SYSTEM_DEFAULT : printer.get();
        return new TerminalSettings(center, Optional.of(language.get()),
                chosen == null || chosen.equals(SIMULATED) ? TerminalSettings.ReaderChoice.SIMULATED
                        : TerminalSettings.ReaderChoice.pcsc(chosen),
                paper.choice(printAtOnce.get()), chosenCa());
    }

    public BooleanProperty remoteProperty() {
        return remote;
    }

    public StringProperty centerCaProperty() {
        return centerCa;
    }

    public StringProperty centerUrlProperty() {
        return centerUrl;
    }

    public ObjectProperty<Locale> languageProperty() {
        return language;
    }

    public ObjectProperty<String> readerProperty() {
        return reader;
    }

    public ObservableList<String> readers() {
        return readers;
    }

    public ObjectProperty<PrinterOption> printerProperty() {
        return printer;
    }

    public ObservableList<PrinterOption> printers() {
        return printers;
    }

    public BooleanProperty printAtOnceProperty() {
        return printAtOnce;
    }

    public ReadOnlyObjectProperty<Message> readerProblemProperty() {
        return readerProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testOkProperty() {
        return testOk.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    public boolean centerFromCommandLine() {
        return centerFromCommandLine;
    }
}
