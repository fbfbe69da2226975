package dev.tessera.desktop.signin;

import atlantafx.base.theme.Styles;
import dev.tessera.desktop.startup.CenterConnection.DemoAccount;
import dev.tessera.desktop.ui.LanguageSwitch;
import dev.tessera.desktop.ui.Localization;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The sign-in screen: a form, the demo accounts of an embedded center, and the language switch. */
public final class SignInView extends BorderPane {
    private static final double HEADER_HEIGHT = 36;
    private final SignInViewModel viewModel;
    private final Localization l10n;
    private final TextField loginId = new TextField();

    public SignInView(SignInViewModel viewModel, Localization l10n, Runnable openSettings) {
        this.viewModel = viewModel;
        this.l10n = l10n;
        getStyleClass().add("signin");

        HBox card = new HBox(form());
        card.getStyleClass().add("signin-card");
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        if (!viewModel.demoAccounts().isEmpty()) {
            card.getChildren().add(demoAccounts());
        }
        Button settings = new Button();
        settings.setId("openSettings");
        settings.textProperty().bind(l10n.binding("settings.open"));
        settings.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        settings.setOnAction(e -> openSettings.run());
        HBox top = new HBox(10, new LanguageSwitch(l10n), settings);
        top.getStyleClass().add("signin-top");
        top.setAlignment(Pos.CENTER_RIGHT);
        // the centre is added first, so the form comes first in the Tab order and the language switch last
        setCenter(new StackPane(card));
        setTop(top);
    }

    /** Puts the keyboard in the login id field, e.g. when the screen is shown. */
    public void focusLoginId() {
        loginId.requestFocus();
    }

    private VBox form() {
        Label title = new Label();
        title.textProperty().bind(l10n.binding("app.name"));
        title.getStyleClass().addAll(Styles.TITLE_1, "signin-title");
        Label subtitle = new Label();
        subtitle.textProperty().bind(l10n.binding("signin.subtitle"));
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);

        loginId.setId("loginId");
        loginId.textProperty().bindBidirectional(viewModel.loginIdProperty());
        loginId.promptTextProperty().bind(l10n.binding("signin.loginId.prompt"));
        PasswordField password = new PasswordField();
        password.setId("password");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());

        Label error = new Label();
        error.setId("signInError");
        error.textProperty().bind(l10n.binding(viewModel.errorProperty()));
        error.getStyleClass().addAll(Styles.DANGER, "signin-error");
        error.setWrapText(true);
        error.visibleProperty().bind(viewModel.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        Button signIn = new Button();
        signIn.setId("signIn");
        signIn.textProperty().bind(Bindings.when(viewModel.busyProperty())
                .then(l10n.binding("signin.busy")).otherwise(l10n.binding("signin.button")));
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add(Styles.ACCENT);
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.disableProperty().bind(viewModel.busyProperty());
        signIn.setOnAction(e -> viewModel.signIn());
        HBox.setHgrow(signIn, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.getStyleClass().add("signin-busy");
        busy.visibleProperty().bind(viewModel.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        HBox actions = new HBox(signIn, busy);
        actions.getStyleClass().add("signin-actions");
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox form = new VBox(title, subtitle,
                fieldLabel("signin.loginId", loginId), loginId,
                fieldLabel("signin.password", password), password,
                error, actions);
        form.getStyleClass().add("signin-form");
        return form;
    }

    private Label fieldLabel(String key, Node field) {
        Label label = new Label();
        label.textProperty().bind(l10n.binding(key));
        label.setLabelFor(field);
        label.getStyleClass().add("field-label");
        return label;
    }

    private VBox demoAccounts() {
        Label title = new Label();
        title.textProperty().bind(l10n.binding("signin.demo.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label();
        hint.textProperty().bind(l10n.binding("signin.demo.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);

        TableView<DemoAccount> table = new TableView<>(viewModel.demoAccounts());
        table.setId("demoAccounts");
        table.getStyleClass().addAll(Styles.DENSE, "demo-accounts");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("signin.demo.loginId", DemoAccount::loginId, 92));
        table.getColumns().add(column("signin.demo.password", DemoAccount::password, 132));
        table.getColumns().add(column("signin.demo.role", a -> l10n.text("role." + a.role()), 136));
        table.getColumns().add(column("signin.demo.name", DemoAccount::displayName, 130));
        // as tall as its rows: no empty band under the last account
        table.prefHeightProperty().bind(Bindings.size(table.getItems()).multiply(table.fixedCellSizeProperty())
                .add(HEADER_HEIGHT));
        table.setRowFactory(t -> {
            TableRow<DemoAccount> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.signInAs(row.getItem());
                }
            });
            return row;
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            DemoAccount selected = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                e.consume();
                viewModel.signInAs(selected);
            }
        });
        l10n.localeProperty().addListener((obs, old, now) -> table.refresh());

        table.setMaxHeight(USE_PREF_SIZE);
        Label note = new Label();
        note.textProperty().bind(l10n.binding("signin.demo.note"));
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "signin-demo-note");
        note.setWrapText(true);
        VBox box = new VBox(title, hint, table, note);
        box.getStyleClass().add("signin-demo");
        return box;
    }

    private TableColumn<DemoAccount, String> column(String key, Function<DemoAccount, String> value, double width) {
        TableColumn<DemoAccount, String> column = new TableColumn<>();
        column.setPrefWidth(width);
        column.textProperty().bind(l10n.binding(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        column.setReorderable(false);
        return column;
    }
}
