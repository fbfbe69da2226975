package dev.tessera.desktop.counter;


import static dev.tessera.desktop.ui.Controls.button;
import static dev.tessera.desktop.ui.Controls.radio;
import static dev.tessera.desktop.ui.Controls.section;
import static dev.tessera.desktop.ui.Controls.show;
import atlantafx.base.theme.Styles;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.desktop.ui.Localization;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The sale ({@link SaleViewModel}), top to bottom: seats and total, customer, payment, confirm and chip, receipt and void. */
public final class SaleView extends ScrollPane {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    public SaleView(SaleViewModel vm, Localization l10n) {
        Label seats = new Label();
        seats.setId("saleSeats");
        seats.getStyleClass().add("sale-seats");
        // a mixed basket's line ("Tickets: 5 (2 seated, 3 standing) · ¥36,000") wraps rather than losing its total
        seats.setWrapText(true);
        seats.textProperty().bind(Bindings.createStringBinding(() -> {
            EventInfo e = vm.eventProperty().get();
            if ((vm.picked().isEmpty() && vm.standing().isEmpty()) || e == null) {
                return l10n.text("counter.seats.none");
            }
            int places = vm.standing().values().stream().mapToInt(Integer::intValue).sum();
            String total = Formats.money(vm.pendingTotalMinor(), e.currency(), l10n.getLocale());
            if (places == 0) {
                return l10n.text("counter.seats.summary", vm.picked().size(), total);
            }
            // standing places are tickets without a seat: the count says which is which
            return l10n.text("counter.tickets.summary", vm.picked().size() + places, vm.picked().size(), places, total);
        }, vm.picked(), vm.standing(), vm.eventProperty(), l10n.localeProperty()));

        Label seatRows = new Label();
        seatRows.setId("saleSeatRows");
        seatRows.setWrapText(true);
        seatRows.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n",
                vm.pickedRows().stream().map(l10n::text).toList()), vm.picked(), vm.standing(), l10n.localeProperty()));
        show(seatRows, vm.phaseProperty().isNotEqualTo(SalePhase.DONE)
                .and(Bindings.isNotEmpty(vm.picked()).or(Bindings.isNotEmpty(vm.standing()))));

        VBox customer = new CustomerView(vm.customer(), vm.phaseProperty(), vm::confirm, l10n);
        VBox payment = new PaymentView(vm.payment(), l10n);
        // once sold, the receipt takes their place: it is what the clerk works with next (void, new sale)
        show(customer, vm.phaseProperty().isNotEqualTo(SalePhase.DONE));
        show(payment, vm.phaseProperty().isNotEqualTo(SalePhase.DONE));
        show(seats, vm.phaseProperty().isNotEqualTo(SalePhase.DONE));
        VBox content = new VBox(10, seats, seatRows, customer, payment, actions(vm, l10n), status(vm, l10n),
                new ReceiptView(vm.receipt(), vm.busyProperty(), l10n));
        content.getStyleClass().add("sale-panel");
        setContent(content);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
    }

    private static HBox actions(SaleViewModel vm, Localization l10n) {
        Button confirm = button("confirmSale", "counter.confirm", l10n);
        confirm.getStyleClass().add(Styles.ACCENT);
        confirm.setOnAction(e -> vm.confirm());
        confirm.disableProperty().bind(vm.busyProperty().or(vm.phaseProperty().isEqualTo(SalePhase.HELD).not()
                .and(vm.offlineProperty().and(Bindings.isNotEmpty(vm.picked()))
                        .and(vm.phaseProperty().isEqualTo(SalePhase.PICKING)).not()))
                .or(vm.customer().attendeeForm().completeProperty().not()));
        Button write = button("writeChip", "counter.chip.write", l10n);
        write.setOnAction(e -> vm.chip().writeToChip());
        show(write, vm.phaseProperty().isEqualTo(SalePhase.AWAITING_CHIP));
        write.disableProperty().bind(vm.busyProperty());
        Button next = button("newSale", "counter.newSale", l10n);
        next.getStyleClass().add(Styles.BUTTON_OUTLINED);
        next.setOnAction(e -> vm.newSale());
        show(next, vm.phaseProperty().isEqualTo(SalePhase.DONE));
        show(confirm, vm.phaseProperty().isEqualTo(SalePhase.DONE).not());
        // claim 20: a paper sale prints once from here (or at once, as Settings say); reprints are After-sales'
        Button print = button("salePrint", "counter.paper.printButton", l10n);
        print.setOnAction(e -> vm.paper().printPaper());
        print.disableProperty().bind(vm.busyProperty().or(vm.paper().paperPrintedProperty()));
        Button preview = button("salePreview", "counter.paper.previewButton", l10n);
        preview.setOnAction(e -> vm.paper().previewPaper());
        preview.disableProperty().bind(vm.busyProperty());
        var paperDone = vm.phaseProperty().isEqualTo(SalePhase.DONE).and(vm.paper().paperSaleProperty());
        show(print, paperDone);
        show(preview, paperDone);
        HBox row = new HBox(8, confirm, write, print, preview, next);
        row.getStyleClass().add("row");
        return row;
    }

    private static Label status(SaleViewModel vm, Localization l10n) {
        Label status = new Label();
        status.setId("saleStatus");
        status.setWrapText(true);
        status.getStyleClass().add("status-note");
        status.textProperty().bind(l10n.binding(vm.messageProperty()));
        vm.failedProperty().addListener((obs, old, now) -> status.pseudoClassStateChanged(FAILED, now));
        return status;
    }
}
