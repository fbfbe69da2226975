package dev.tessera.desktop.organizer;

import dev.tessera.core.tax.TaxCountry;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.ui.Controls;
import dev.tessera.desktop.ui.Localization;
import java.util.Arrays;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Issue 17: the organizer's Tax tab: an event, its country (whose rates are offered), the invoice issuer and
 * registration number, and a rate per price category; Save (Ctrl+S) checks the form and saves it at the center.
 */
final class EventTaxPane extends VBox {
    private final ComboBox<EventInfo> event = new ComboBox<>();

    EventTaxPane(EventTaxViewModel vm, ObservableList<EventInfo> events, Localization l10n) {
        super(10);
        getStyleClass().add("organizer-tax");
        setPadding(new Insets(16));
        setMaxWidth(720);
        event.setId("taxEvent");
        event.setItems(events);
        event.setConverter(Controls.names(e -> e.name()));
        event.valueProperty().bindBidirectional(vm.eventProperty());
        event.setMaxWidth(Double.MAX_VALUE);
        ComboBox<TaxCountry> country = new ComboBox<>(FXCollections.observableArrayList(Arrays.asList(TaxCountry.values())));
        country.setId("taxCountry");
        country.setConverter(Controls.names(c -> c == TaxCountry.NONE ? l10n.text("organizer.tax.noCountry")
                : c.displayName() + " (" + c.name() + ")"));
        country.valueProperty().bindBidirectional(vm.countryProperty());
        Button defaults = Controls.mnemonicButton("taxDefaults", "organizer.tax.useDefaults", l10n);
        defaults.setOnAction(e -> vm.useCountryDefaults());
        TextField issuer = Controls.field("taxIssuer", vm.issuerProperty(), "organizer.tax.issuer.prompt", l10n);
        TextField registration = Controls.field("taxRegistration", vm.registrationProperty(), "organizer.tax.registration.prompt",
                l10n);
        issuer.setPrefColumnCount(32);
        registration.setPrefColumnCount(32);
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, Controls.wholeCaption("organizer.tax.event", l10n), event);
        form.addRow(1, Controls.wholeCaption("organizer.tax.country", l10n), new HBox(8, country, defaults));
        form.addRow(2, Controls.wholeCaption("organizer.tax.issuer", l10n), issuer);
        form.addRow(3, Controls.wholeCaption("organizer.tax.registration", l10n), registration);
        GridPane rates = new GridPane();
        rates.setId("taxRates");
        rates.setHgap(10);
        rates.setVgap(6);
        vm.rates().addListener((ListChangeListener<EventTaxViewModel.RateRow>) c -> fill(rates, vm, l10n));
        Button save = Controls.mnemonicButton("taxSave", "organizer.tax.save", l10n);
        save.getStyleClass().add("accent");
        save.setOnAction(e -> vm.save());
        save.disableProperty().bind(vm.feedback().busyProperty().or(vm.eventProperty().isNull()));
        HBox actions = new HBox(8, save);
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(Controls.title("organizer.tax.title", l10n), form, Controls.title("organizer.tax.rates", l10n), rates,
                actions, Controls.status("taxStatus", vm.feedback(), l10n));
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(e)) {
                vm.save();
                e.consume();
            }
        });
    }

    private static void fill(GridPane grid, EventTaxViewModel vm, Localization l10n) {
        grid.getChildren().clear();
        int row = 0;
        for (EventTaxViewModel.RateRow r : vm.rates()) {
            Label name = new Label(r.categoryName());
            name.setMinWidth(Label.USE_PREF_SIZE);
            TextField percent = new TextField();
            percent.setId("taxRate-" + r.categoryId());
            percent.setPrefColumnCount(5);
            percent.textProperty().bindBidirectional(r.percent());
            grid.addRow(row++, name, percent, new Label("%"));
        }
    }

    void focusEvent() {
        event.requestFocus();
    }
}
