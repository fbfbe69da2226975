package dev.tessera.desktop.organizer;

import dev.tessera.desktop.ui.Localization;
import java.util.List;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;

/** The organizer's workspace: Venues, Events, Seller authorizations and Tax, switched with Alt+1 … Alt+4. */
final class OrganizerView extends BorderPane {
    private static final List<KeyCode> KEYS = List.of(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4);

    private final TabPane tabs;
    private final VenuesPane venues;
    private final EventsPane events;
    private final AuthorizationsPane authorizations;
    private final EventTaxPane tax;

    OrganizerView(OrganizerWorkspace workspace, Localization l10n) {
        getStyleClass().add("organizer-workspace");
        venues = new VenuesPane(workspace.venues(), l10n);
        events = new EventsPane(workspace.events(), workspace.eventChanges(), workspace.venues().venues(), l10n);
        authorizations = new AuthorizationsPane(workspace.authorizations(), l10n);
        tax = new EventTaxPane(workspace.tax(), workspace.events().events(), l10n);
        tabs = new TabPane(tab("orgVenuesTab", "organizer.tab.venues", venues, l10n, 1),
                tab("orgEventsTab", "organizer.tab.events", events, l10n, 2),
                tab("orgSellersTab", "organizer.tab.sellers", authorizations, l10n, 3),
                tab("orgTaxTab", "organizer.tab.tax", tax, l10n, 4));
        tabs.setId("organizerTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("organizer-tabs");
        tabs.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) ->
                javafx.application.Platform.runLater(this::focusDefault));
        // on the scene, so the keys work wherever the focus is (even nowhere) while this workspace is shown
        javafx.event.EventHandler<KeyEvent> switcher = e -> {
            for (int i = 0; i < KEYS.size(); i++) {
                if (new KeyCodeCombination(KEYS.get(i), KeyCombination.ALT_DOWN).match(e) && shown()) {
                    tabs.getSelectionModel().select(i);
                    e.consume();
                }
            }
        };
        sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, switcher);
            }
            if (now != null) {
                now.addEventFilter(KeyEvent.KEY_PRESSED, switcher);
            }
        });
        setCenter(tabs);
    }

    private boolean shown() {
        for (javafx.scene.Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return getScene() != null;
    }

    private static Tab tab(String id, String key, javafx.scene.Node content, Localization l10n, int number) {
        Tab tab = new Tab();
        tab.setId(id);
        tab.textProperty().bind(l10n.binding(key));
        Tooltip tip = new Tooltip("Alt+" + number);
        tab.setTooltip(tip);
        tab.setContent(content);
        return tab;
    }

    void focusDefault() {
        switch (tabs.getSelectionModel().getSelectedIndex()) {
            case 0 -> venues.focusList();
            case 1 -> events.focusTable();
            case 2 -> authorizations.focusEvent();
            default -> tax.focusEvent();
        }
    }

    VenuesPane venues() {
        return venues;
    }

    AuthorizationsPane authorizations() {
        return authorizations;
    }
}
