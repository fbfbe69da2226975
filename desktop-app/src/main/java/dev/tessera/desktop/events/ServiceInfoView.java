package dev.tessera.desktop.events;

import dev.tessera.desktop.ui.Localization;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Claim 71's service information as label/value pairs in two columns. */
final class ServiceInfoView extends GridPane {
    private int next;

    ServiceInfoView(ServiceInfoViewModel info, Localization l10n) {
        getStyleClass().add("service-info");
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(USE_PREF_SIZE);
        ColumnConstraints value = new ColumnConstraints();
        value.setHgrow(Priority.ALWAYS);
        value.setPercentWidth(-1);
        getColumnConstraints().addAll(label, value, label, value);
        add(l10n, "events.info.servicer", info.servicerProperty(), "infoServicer");
        add(l10n, "events.info.venue", info.venueProperty(), "infoVenue");
        add(l10n, "events.info.doorsOpen", info.doorsOpenProperty(), "infoDoorsOpen");
        add(l10n, "events.info.startsAt", info.startsAtProperty(), "infoStartsAt");
        add(l10n, "events.info.gates", info.gatesProperty(), "infoGates");
        add(l10n, "events.info.sellers", info.sellersProperty(), "infoSellers");
        add(l10n, "events.info.contact", info.contactProperty(), "infoContact");
        add(l10n, "events.info.prices", info.pricesProperty(), "infoPrices");
    }

    /** Fills the left column top to bottom, then the right one. */
    private void add(Localization l10n, String key, ObservableStringValue value, String id) {
        Label name = new Label();
        name.textProperty().bind(l10n.binding(key));
        name.getStyleClass().add("info-label");
        Label text = new Label();
        text.setId(id);
        text.textProperty().bind(value);
        text.getStyleClass().add("info-value");
        text.setWrapText(true);
        // the prices take a line each: the grid grows to show them all instead of cutting the last lines off
        text.setMinHeight(USE_PREF_SIZE);
        int column = next < 4 ? 0 : 2;
        int row = next % 4;
        add(name, column, row);
        add(text, column + 1, row);
        // a multi-line value (the prices) must not push its neighbours' values off their labels
        GridPane.setValignment(name, VPos.TOP);
        GridPane.setValignment(text, VPos.TOP);
        next++;
    }
}
