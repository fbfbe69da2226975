package dev.tessera.desktop.counter;

import static dev.tessera.desktop.ui.Controls.button;
import static dev.tessera.desktop.ui.Controls.section;
import static dev.tessera.desktop.ui.Controls.show;

import atlantafx.base.theme.Styles;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.desktop.ui.Localization;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The sale just made: its number, a line per ticket, the total, and the void of a line with a reason. */
public final class ReceiptView extends VBox {

    public ReceiptView(ReceiptViewModel vm, ReadOnlyBooleanProperty busy, Localization l10n) {
        ListView<ReceiptLine> lines = new ListView<>(vm.lines());
        lines.setId("receipt");
        lines.setPrefHeight(130);
        lines.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ReceiptLine item, boolean empty) {
                super.updateItem(item, empty);
                textProperty().unbind();
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                textProperty().bind(Bindings.createStringBinding(() -> l10n.text(item.place()) + "   "
                        + item.categoryName() + "   "
                        + Formats.money(item.priceMinor(), item.currency(), l10n.getLocale()), l10n.localeProperty()));
            }
        });
        Label total = new Label();
        total.setId("receiptTotal");
        total.getStyleClass().add("receipt-total");
        total.textProperty().bind(l10n.binding(vm.receiptTotalProperty()));
        TextField reason = new TextField();
        reason.setId("voidReason");
        reason.promptTextProperty().bind(l10n.binding("counter.void.reason"));
        reason.textProperty().bindBidirectional(vm.voidReasonProperty());
        vm.selectedLineProperty().bind(lines.getSelectionModel().selectedItemProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);
        CheckBox refund = new CheckBox();
        refund.setId("voidRefund");
        refund.textProperty().bind(l10n.binding("counter.void.refund"));
        refund.selectedProperty().bindBidirectional(vm.voidRefundProperty());
        Button voidButton = button("voidTicket", "counter.void", l10n);
        voidButton.getStyleClass().add(Styles.DANGER);
        voidButton.disableProperty().bind(lines.getSelectionModel().selectedItemProperty().isNull()
                .or(reason.textProperty().isEmpty()).or(busy));
        voidButton.setOnAction(e -> vm.voidSelected());
        reason.setOnAction(e -> {
            if (!voidButton.isDisabled()) {
                vm.voidSelected();
            }
        });
        HBox voidRow = new HBox(8, refund, voidButton);
        voidRow.getStyleClass().add("row");
        Label number = new Label();
        number.setId("saleNumber");
        number.getStyleClass().add(Styles.TEXT_BOLD);
        number.textProperty().bind(l10n.binding(vm.saleNumberProperty()));
        section(this, "counter.section.receipt", l10n, number, lines, total, reason, voidRow);
        show(this, Bindings.isNotEmpty(vm.lines()));
    }
}
