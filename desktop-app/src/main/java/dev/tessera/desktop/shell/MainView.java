package dev.tessera.desktop.shell;

import atlantafx.base.theme.Styles;
import dev.tessera.desktop.countertab.CounterView;
import dev.tessera.desktop.countertab.CounterWorkspace;
import dev.tessera.desktop.events.EventsView;
import dev.tessera.desktop.ui.LanguageSwitch;
import dev.tessera.desktop.ui.Localization;
import dev.tessera.desktop.ui.Message;
import dev.tessera.desktop.workspace.Workspace;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/** The main window's content: header, the workspaces (Events; the Counter for sellers), status bar. */
public final class MainView extends BorderPane {
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");

    private final EventsView events;
    private final TabPane workspaces;
    private final Tab eventsTab;
    private CounterView counter;
    private Tab counterTab;

    public MainView(MainViewModel viewModel, Localization l10n, Runnable signOut, Runnable openSettings) {
        getStyleClass().add("main");
        events = new EventsView(viewModel.events(), l10n);
        eventsTab = new Tab();
        eventsTab.setId("eventsTab");
        eventsTab.textProperty().bind(l10n.binding("workspace.events"));
        workspaces = new TabPane(eventsTab);
        workspaces.setId("workspaces");
        workspaces.getStyleClass().add("workspaces");
        workspaces.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // the workspace first: Tab starts in the event list, then reaches the header's buttons
        setCenter(workspaces);
        setTop(header(viewModel, l10n, signOut, openSettings, workspaces));
        setBottom(statusBar(viewModel.statusBar()));
        if (viewModel.isSeller()) {
            // the seller's counter tab is shown at once, opening, while its ledger opens in the background
            addCounterTab(opening(viewModel, l10n), l10n);
        }
        viewModel.counterProperty().addListener((obs, old, now) -> {
            if (now != null) {
                addCounter(now, l10n);
            }
        });
        if (viewModel.counterProperty().get() != null) {
            addCounter(viewModel.counterProperty().get(), l10n);
        }
        // the Events workspace joins the scene, and loads the selected event's seats, when it is first on screen:
        // a seller starts at the counter, and hidden nodes would cost the start their styling and layout
        onScreen(eventsTab, events, shown -> {
            viewModel.events().onScreen(shown);
            if (shown) {
                // the keyboard follows to the event list, as a workspace's focusDefault does for its own tab
                focusAfterLayout(events::focusEventList);
            }
        });
        viewModel.workspaces().addListener((javafx.collections.ListChangeListener<Workspace>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(w -> addWorkspace(w, l10n));
            }
        });
        viewModel.workspaces().forEach(w -> addWorkspace(w, l10n));
        // Ctrl+1 … Ctrl+9 switch to the workspace tabs in order
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            for (int i = 0; i < Math.min(9, workspaces.getTabs().size()); i++) {
                if (new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (i + 1)), KeyCombination.SHORTCUT_DOWN).match(e)) {
                    workspaces.getSelectionModel().select(i);
                    e.consume();
                    return;
                }
            }
        });
    }

    private void addCounter(CounterWorkspace workspace, Localization l10n) {
        counter = new CounterView(workspace, l10n);
        boolean shown = counterTab != null && counterTab.isSelected();
        if (counterTab == null) {
            addCounterTab(counter, l10n);
        } else {
            counterTab.setContent(counter);
        }
        if (shown) {
            focusAfterLayout(counter::focusDefault);
        }
    }

    private void addCounterTab(Node content, Localization l10n) {
        counterTab = new Tab();
        counterTab.setId("counterTab");
        counterTab.textProperty().bind(l10n.binding("workspace.counter"));
        counterTab.setContent(content);
        counterTab.selectedProperty().addListener((obs, old, selected) -> {
            if (selected && counter != null) {
                focusAfterLayout(counter::focusDefault);
            }
        });
        // the counter is where a clerk works: right after Events (Ctrl+2), and shown at once, even when the seller's
        // other workspaces (My sales) arrive first
        workspaces.getTabs().add(Math.min(1, workspaces.getTabs().size()), counterTab);
        workspaces.getSelectionModel().select(counterTab);
    }

    /** The counter tab's content while the seller's ledger opens: progress, then what went wrong if it could not. */
    private static Node opening(MainViewModel viewModel, Localization l10n) {
        ProgressIndicator progress = new ProgressIndicator();
        progress.visibleProperty().bind(viewModel.counterFailureProperty().isNull());
        progress.managedProperty().bind(progress.visibleProperty());
        Label message = new Label();
        message.setId("counterOpening");
        message.setWrapText(true);
        message.textProperty().bind(Bindings.createStringBinding(() -> {
            Message failure = viewModel.counterFailureProperty().get();
            return l10n.text(failure == null ? Message.of("counter.opening") : failure);
        }, viewModel.counterFailureProperty(), l10n.localeProperty()));
        viewModel.counterFailureProperty().addListener((obs, old, now) ->
                message.getStyleClass().setAll(now == null ? List.of("label") : List.of("label", Styles.DANGER)));
        VBox box = new VBox(12, progress, message);
        box.setId("counterOpeningPane");
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(480);
        return new StackPane(box);
    }

    /**
     * Puts {@code content} into {@code tab} the first time the tab is selected, and tells {@code shown} whenever the
     * tab comes on screen or leaves it; a tab selected now gets its content at once.
     */
    private static void onScreen(Tab tab, Node content, Consumer<Boolean> shown) {
        tab.selectedProperty().addListener((obs, old, selected) -> {
            if (selected && tab.getContent() == null) {
                tab.setContent(content);
            }
            shown.accept(selected);
        });
        if (tab.isSelected()) {
            tab.setContent(content);
        }
        shown.accept(tab.isSelected());
    }

    private void addWorkspace(Workspace workspace, Localization l10n) {
        Tab tab = new Tab();
        tab.setId(workspace.id() + "Tab");
        tab.textProperty().bind(l10n.binding(workspace.titleKey()));
        // like Events: a workspace behind another tab (a seller's My sales) joins the scene when first shown
        onScreen(tab, workspace.view(), shown -> { });
        tab.selectedProperty().addListener((obs, old, selected) -> {
            if (selected) {
                focusAfterLayout(workspace::focusDefault);
            }
        });
        workspaces.getTabs().add(tab);
        workspace.start();
        if (workspaces.getTabs().size() == 2) {
            // a role's own workspace is where it works; Events stays one Ctrl+1 away
            workspaces.getSelectionModel().select(tab);
        }
    }

    /**
     * Runs {@code focus} after the next layout pass: by then a tab's content shown now is laid out and visible, and
     * JavaFX has moved the keyboard away from the tab just hidden (to the header's first control), so this request has
     * the last word. Before the window shows, at the next turn of the JavaFX thread.
     */
    private void focusAfterLayout(Runnable focus) {
        Scene scene = getScene();
        if (scene == null) {
            Platform.runLater(focus);
            return;
        }
        boolean[] done = {false};
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            if (!done[0]) {
                done[0] = true;
                focus.run();
                // not while the scene runs its listeners
                Platform.runLater(() -> scene.removePostLayoutPulseListener(once[0]));
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /** Selects a workspace's tab by its {@link Workspace#id()}. */
    public void showWorkspace(String id) {
        workspaces.getTabs().stream().filter(t -> (id + "Tab").equals(t.getId())).findFirst()
                .ifPresent(t -> workspaces.getSelectionModel().select(t));
    }

    public EventsView events() {
        return events;
    }

    /** The counter workspace, once a seller's ledger is open. */
    public java.util.Optional<CounterView> counter() {
        return java.util.Optional.ofNullable(counter);
    }

    public void showCounter() {
        if (counterTab != null) {
            workspaces.getSelectionModel().select(counterTab);
        }
    }

    private static HBox header(MainViewModel viewModel, Localization l10n, Runnable signOut, Runnable openSettings,
                               TabPane workspaces) {
        Label brand = new Label();
        brand.textProperty().bind(l10n.binding("app.name"));
        brand.getStyleClass().add("brand");
        Label workspace = new Label();
        workspace.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Tab selected = workspaces.getSelectionModel().getSelectedItem();
            return selected == null ? "" : selected.getText();
        }, workspaces.getSelectionModel().selectedItemProperty(), l10n.localeProperty()));
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
        Button settings = new Button();
        settings.setId("openSettings");
        settings.textProperty().bind(l10n.binding("settings.open"));
        settings.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        settings.setOnAction(e -> openSettings.run());
        HBox header = new HBox(brand, new Separator(Orientation.VERTICAL), workspace, spacer, new LanguageSwitch(l10n),
                settings, user, signOutButton);
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
        Label journal = new Label();
        journal.setId("journalStatus");
        journal.textProperty().bind(status.syncText());
        Label lastUpdate = new Label();
        lastUpdate.setId("lastUpdate");
        lastUpdate.textProperty().bind(status.lastUpdateText());
        Separator journalSeparator = new Separator(Orientation.VERTICAL);
        journalSeparator.visibleProperty().bind(status.syncProperty().isNotNull());
        HBox bar = new HBox(connection, new Separator(Orientation.VERTICAL), center, spacer, journal, journalSeparator,
                lastUpdate);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        Runnable update = () -> bar.pseudoClassStateChanged(OFFLINE, !status.onlineProperty().get());
        status.onlineProperty().addListener((obs, old, now) -> update.run());
        update.run();
        return bar;
    }
}
