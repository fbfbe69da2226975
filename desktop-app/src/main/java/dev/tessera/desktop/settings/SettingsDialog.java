package dev.tessera.desktop.settings;

import atlantafx.base.theme.Styles;
import dev.tessera.desktop.ui.Localization;
import dev.tessera.desktop.ui.Message;
import dev.tessera.desktop.ui.Stylesheets;
import java.util.Locale;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Settings: the platform center, the language, the counter's card reader and its printer. Alt+letter reaches each field. */
public final class SettingsDialog extends Dialog<TerminalSettings> {
    private final SettingsViewModel viewModel;
    private final Localization l10n;
    private final Label problem = new Label();

    public SettingsDialog(Window owner, SettingsViewModel viewModel, Localization l10n) {
        this.viewModel = viewModel;
        this.l10n = l10n;
        initOwner(owner);
        setTitle(l10n.text("settings.title"));
        setHeaderText(l10n.text("settings.header"));
        getDialogPane().getStylesheets().add(Stylesheets.APP);
        getDialogPane().getStyleClass().addAll("tessera-dialog", "settings-dialog");
        getDialogPane().setId("settingsDialog");
        ButtonType save = new ButtonType(l10n.text("settings.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(l10n.text("settings.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().addAll(save, cancel);

        problem.setId("settingsProblem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setVisible(false);
        VBox content = new VBox(section("settings.center.section", center()),
                section("settings.language.section", language()),
                section("settings.reader.section", reader()), section("settings.paper.section", paper()), problem);
        content.getStyleClass().add("settings-content");
        content.setPrefWidth(560);
        getDialogPane().setContent(content);

        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId("settingsSave");
        saveButton.addEventFilter(ActionEvent.ACTION, e -> viewModel.urlProblem().ifPresent(m -> {
            problem.setText(l10n.text(m));
            problem.setVisible(true);
            e.consume();
        }));
        setResultConverter(button -> button == save ? viewModel.result() : null);
        // a problem solved is no longer shown
        viewModel.centerUrlProperty().addListener((obs, old, now) -> problem.setVisible(false));
        viewModel.remoteProperty().addListener((obs, old, now) -> problem.setVisible(false));
        // messages appear and wrap: the window follows its content, so the buttons never fall off the bottom
        content.heightProperty().addListener((obs, old, now) -> javafx.application.Platform.runLater(() -> {
            if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
                getDialogPane().getScene().getWindow().sizeToScene();
            }
        }));
        setOnShown(e -> {
            viewModel.refreshReaders();
            viewModel.refreshPrinters();
        });
    }

    private VBox section(String key, Node body) {
        Label title = new Label();
        title.textProperty().bind(l10n.binding(key));
        title.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(6, title, body);
        box.setPadding(new Insets(0, 0, 12, 0));
        return box;
    }

    private Node center() {
        ToggleGroup group = new ToggleGroup();
        RadioButton embedded = new RadioButton(l10n.text("settings.center.embedded"));
        embedded.setId("centerEmbedded");
        embedded.setToggleGroup(group);
        RadioButton remote = new RadioButton(l10n.text("settings.center.remote"));
        remote.setId("centerRemote");
        remote.setToggleGroup(group);
        group.selectToggle(viewModel.remoteProperty().get() ? remote : embedded);
        group.selectedToggleProperty().addListener((obs, old, now) -> viewModel.remoteProperty().set(now == remote));

        TextField url = new TextField();
        url.setId("centerUrl");
        url.setPromptText("https://center.example");
        url.textProperty().bindBidirectional(viewModel.centerUrlProperty());
        url.disableProperty().bind(viewModel.remoteProperty().not());
        HBox.setHgrow(url, Priority.ALWAYS);
        Button test = new Button(l10n.text("settings.center.test"));
        test.setId("centerTest");
        test.disableProperty().bind(viewModel.remoteProperty().not().or(viewModel.testingProperty()));
        test.setOnAction(e -> viewModel.testConnection());
        remote.setOnAction(e -> url.requestFocus());
        HBox urlRow = new HBox(8, url, test);
        urlRow.setPadding(new Insets(0, 0, 0, 26));

        TextField ca = new TextField();
        ca.setId("centerCa");
        ca.setPromptText("/etc/ssl/tessera/center-ca.pem");
        ca.textProperty().bindBidirectional(viewModel.centerCaProperty());
        ca.disableProperty().bind(viewModel.remoteProperty().not());
        HBox.setHgrow(ca, Priority.ALWAYS);
        Label caLabel = new Label(l10n.text("settings.center.ca"));
        caLabel.setMnemonicParsing(true);
        caLabel.setLabelFor(ca);
        caLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox caRow = new HBox(8, caLabel, ca);
        caRow.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        caRow.setPadding(new Insets(0, 0, 0, 26));

        Label result = new Label();
        result.setId("centerTestResult");
        result.setWrapText(true);
        result.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        result.textProperty().bind(l10n.binding(viewModel.testResultProperty()));
        result.visibleProperty().bind(viewModel.testResultProperty().isNotNull());
        result.managedProperty().bind(result.visibleProperty());
        viewModel.testOkProperty().addListener((obs, old, ok) -> {
            result.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            result.getStyleClass().add(ok ? Styles.SUCCESS : Styles.DANGER);
        });
        result.setPadding(new Insets(0, 0, 0, 26));

        Label caHint = muted(Message.of("settings.center.caHint"));
        caHint.setPadding(new Insets(0, 0, 0, 26));
        VBox box = new VBox(6, embedded, remote, urlRow, caRow, caHint, result);
        if (viewModel.centerFromCommandLine()) {
            Label note = muted(Message.of("settings.center.commandLine"));
            box.getChildren().add(note);
        }
        box.getChildren().add(muted(Message.of("settings.center.reconnect")));
        return box;
    }

    private Node language() {
        ComboBox<Locale> choice = new ComboBox<>();
        choice.setId("settingsLanguage");
        choice.getItems().setAll(Localization.SUPPORTED);
        choice.valueProperty().bindBidirectional(viewModel.languageProperty());
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale locale) {
                return locale == null ? "" : l10n.text(locale.getLanguage().equals("ja") ? "language.japanese"
                        : "language.english");
            }

            @Override
            public Locale fromString(String text) {
                return null;
            }
        });
        return labelled("settings.language.label", choice);
    }

    private Node reader() {
        ComboBox<String> choice = new ComboBox<>(viewModel.readers());
        choice.setId("settingsReader");
        choice.valueProperty().bindBidirectional(viewModel.readerProperty());
        choice.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(choice, Priority.ALWAYS);
        choice.setCellFactory(list -> new ReaderCell());
        choice.setButtonCell(new ReaderCell());
        Button refresh = new Button(l10n.text("settings.reader.refresh"));
        refresh.setId("settingsReaderRefresh");
        refresh.setOnAction(e -> viewModel.refreshReaders());
        Label label = new Label(l10n.text("settings.reader.label"));
        label.setMnemonicParsing(true);
        label.setLabelFor(choice);
        HBox row = new HBox(8, choice, refresh);
        Label problemText = new Label();
        problemText.setId("settingsReaderProblem");
        problemText.setWrapText(true);
        problemText.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        problemText.getStyleClass().add(Styles.WARNING);
        problemText.textProperty().bind(l10n.binding(viewModel.readerProblemProperty()));
        problemText.visibleProperty().bind(viewModel.readerProblemProperty().isNotNull());
        problemText.managedProperty().bind(problemText.visibleProperty());
        return new VBox(6, label, row, problemText, muted(Message.of("settings.reader.note")));
    }

    private Node paper() {
        ComboBox<PrinterOption> choice = new ComboBox<>(viewModel.printers());
        choice.setId("settingsPrinter");
        choice.valueProperty().bindBidirectional(viewModel.printerProperty());
        choice.setMaxWidth(Double.MAX_VALUE);
        StringConverter<PrinterOption> names = new StringConverter<>() {
            @Override
            public String toString(PrinterOption option) {
                return switch (option) {
                    case null -> l10n.text("settings.paper.default");
                    case PrinterOption.SystemDefault d -> l10n.text("settings.paper.default");
                    case PrinterOption.PdfFiles p -> l10n.text("settings.paper.pdf");
                    case PrinterOption.Named n -> n.name();
                };
            }

            @Override
            public PrinterOption fromString(String text) {
                return null;
            }
        };
        choice.setConverter(names);
        Label label = new Label(l10n.text("settings.paper.label"));
        label.setMnemonicParsing(true);
        label.setLabelFor(choice);
        CheckBox atOnce = new CheckBox(l10n.text("settings.paper.atOnce"));
        atOnce.setId("settingsPrintAtOnce");
        atOnce.setMnemonicParsing(true);
        atOnce.setWrapText(true);
        atOnce.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        atOnce.selectedProperty().bindBidirectional(viewModel.printAtOnceProperty());
        return new VBox(6, label, choice, atOnce, muted(Message.of("settings.paper.note")));
    }

    private Node labelled(String key, Node field) {
        Label label = new Label(l10n.text(key));
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        HBox row = new HBox(10, label, field);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private Label muted(Message message) {
        Label label = new Label(l10n.text(message));
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return label;
    }

    private final class ReaderCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null
                    : item.equals(SettingsViewModel.SIMULATED) ? l10n.text("settings.reader.simulated") : item);
        }
    }

}
