package dev.tessera.desktop.shell;

import atlantafx.base.theme.Styles;
import dev.tessera.desktop.events.EventsView;
import dev.tessera.desktop.ui.LanguageSwitch;
import dev.tessera.desktop.ui.Localization;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/** The main window's content: header, the Events workspace, status bar. */
public final class MainView extends BorderPane {
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");

    private final EventsView events;

    public MainView(MainViewModel viewModel, Localization l10n, Runnable signOut) {
        getStyleClass().add("main");
        events = new EventsView(viewModel.events(), l10n);
        // the workspace first: Tab starts in the event list, then reaches the header's buttons
        setCenter(events);
        setTop(header(viewModel, l10n, signOut));
        setBottom(statusBar(viewModel.statusBar()));
    }

    public EventsView events() {
        return events;
    }

    private static HBox header(MainViewModel viewModel, Localization l10n, Runnable signOut) {
        Label brand = new Label();
        brand.textProperty().bind(l10n.binding("app.name"));
        brand.getStyleClass().add("brand");
        Label workspace = new Label();
        workspace.textProperty().bind(l10n.binding("workspace.events"));
        workspace.getStyleClass().add("workspace-name");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label name = new Label(viewModel.displayName());
        name.setId("signedInName");
        name.getStyleClass().add("user-name");
        Label role = new Label();
        role.setId("signedInRole");
        role.textProperty().bind(viewModel.roleText());
        role.getStyleClass().add("user-role");
        VBox user = new VBox(name, role);
        user.getStyleClass().add("user");
        user.setAlignment(Pos.CENTER_RIGHT);
        Button signOutButton = new Button();
        signOutButton.setId("signOut");
        signOutButton.textProperty().bind(l10n.binding("main.signOut"));
        signOutButton.getStyleClass().add(Styles.BUTTON_OUTLINED);
        signOutButton.disableProperty().bind(viewModel.signingOutProperty());
        signOutButton.setOnAction(e -> signOut.run());
        HBox header = new HBox(brand, new Separator(Orientation.VERTICAL), workspace, spacer, new LanguageSwitch(l10n),
                user, signOutButton);
        header.getStyleClass().add("header");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private static HBox statusBar(StatusBarViewModel status) {
        Circle dot = new Circle(4);
        dot.getStyleClass().add("status-dot");
        Label connection = new Label();
        connection.setId("connectionStatus");
        connection.textProperty().bind(status.connectionText());
        connection.setGraphic(dot);
        Label center = new Label();
        center.setId("centerUrl");
        center.textProperty().bind(status.centerText());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label lastUpdate = new Label();
        lastUpdate.setId("lastUpdate");
        lastUpdate.textProperty().bind(status.lastUpdateText());
        HBox bar = new HBox(connection, new Separator(Orientation.VERTICAL), center, spacer, lastUpdate);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        Runnable update = () -> bar.pseudoClassStateChanged(OFFLINE, !status.onlineProperty().get());
        status.onlineProperty().addListener((obs, old, now) -> update.run());
        update.run();
        return bar;
    }
}
