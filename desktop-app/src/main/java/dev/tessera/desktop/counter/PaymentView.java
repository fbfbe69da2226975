package dev.tessera.desktop.counter;

import static dev.tessera.desktop.ui.Controls.radio;
import static dev.tessera.desktop.ui.Controls.section;
import static dev.tessera.desktop.ui.Controls.show;

import dev.tessera.desktop.ui.Localization;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** How the customer pays: cash with the amount handed over and the change, or card with its reference. */
public final class PaymentView extends VBox {

    public PaymentView(PaymentViewModel vm, Localization l10n) {
        ToggleGroup group = new ToggleGroup();
        RadioButton cash = radio("payCash", "counter.payment.cash", "CASH", group, l10n);
        RadioButton card = radio("payCard", "counter.payment.card", "CARD", group, l10n);
        group.selectToggle(cash);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.paymentMethodProperty().set((String) now.getUserData());
            }
        });
        TextField tendered = new TextField();
        tendered.setId("tendered");
        tendered.promptTextProperty().bind(l10n.binding("counter.payment.tendered"));
        tendered.textProperty().bindBidirectional(vm.tenderedProperty());
        Label change = new Label();
        change.setId("change");
        change.textProperty().bind(l10n.binding(vm.changeProperty()));
        HBox cashRow = new HBox(8, tendered, change);
        cashRow.getStyleClass().add("row");
        show(cashRow, vm.paymentMethodProperty().isEqualTo("CASH"));
        TextField reference = new TextField();
        reference.setId("cardReference");
        reference.promptTextProperty().bind(l10n.binding("counter.payment.reference"));
        reference.textProperty().bindBidirectional(vm.cardReferenceProperty());
        show(reference, vm.paymentMethodProperty().isEqualTo("CARD"));
        section(this, "counter.section.payment", l10n, new HBox(12, cash, card), cashRow, reference);
    }
}
