package dev.tessera.desktop.aftersales;

import static dev.tessera.desktop.ui.Controls.radio;
import static dev.tessera.desktop.ui.Controls.section;
import static dev.tessera.desktop.ui.Controls.show;
import atlantafx.base.theme.Styles;
import dev.tessera.desktop.ui.Controls;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.desktop.ui.Localization;
import dev.tessera.desktop.ui.Message;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The counter's After-sales tab, top to bottom: find the sale (typed, scanned or the chip tapped),
 * its tickets, the reason, the money, and the actions. Keyboard: Enter in the search field looks up,
 * Ctrl+L goes back to it, Ctrl+R reads the customer's chip; everything else is on the Tab order.
 */
public final class AfterSalesView extends BorderPane {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass VOIDED = PseudoClass.getPseudoClass("voided");
    private final TextField query = new TextField();

    public AfterSalesView(AfterSalesViewModel vm, Localization l10n) {
        getStyleClass().add("aftersales-panel");
        // what (the sale and its tickets) above, how (reason, money, action) below, always in sight
        ListView<TicketRow> tickets = tickets(vm, l10n);
        VBox top = new VBox(8, find(vm, l10n), status(vm, l10n), tickets);
        top.getStyleClass().add("aftersales-content");
        VBox footer = new VBox(8, reasonAndMoney(vm, l10n), actions(vm, l10n));
        footer.getStyleClass().add("aftersales-footer");
        setCenter(top);
        setBottom(footer);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN).match(e)
                    || new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN).match(e)) {
                focusSearch();
            } else if (new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN).match(e)) {
                vm.search().tapChip();
            } else {
                return;
            }
            e.consume();
        });
    }

    private HBox find(AfterSalesViewModel vm, Localization l10n) {
        query.setId("afterSalesQuery");
        query.promptTextProperty().bind(l10n.binding("aftersales.query.prompt"));
        query.textProperty().bindBidirectional(vm.search().queryProperty());
        query.setOnAction(e -> vm.search().lookup());
        HBox.setHgrow(query, Priority.ALWAYS);
        Button find = button("afterSalesFind", "aftersales.find", l10n);
        find.setOnAction(e -> vm.search().lookup());
        find.setDefaultButton(false);
        Button tap = button("afterSalesTapChip", "aftersales.tapChip", l10n);
        tap.getStyleClass().add(Styles.BUTTON_OUTLINED);
        tap.setOnAction(e -> vm.search().tapChip());
        HBox row = new HBox(8, query, find, tap);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static ListView<TicketRow> tickets(AfterSalesViewModel vm, Localization l10n) {
        ListView<TicketRow> list = new ListView<>(vm.search().tickets());
        list.setId("afterSalesTickets");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPrefHeight(140);
        list.setMinHeight(84);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getStyleClass().add("aftersales-tickets");
        Label empty = new Label();
        empty.textProperty().bind(l10n.binding("aftersales.tickets.empty"));
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        list.setCellFactory(v -> new TicketCell(l10n));
        l10n.localeProperty().addListener((obs, old, now) -> list.refresh());
        list.getSelectionModel().getSelectedItems().addListener((ListChangeListener<TicketRow>) c ->
                vm.search().selected().setAll(list.getSelectionModel().getSelectedItems()));
        vm.search().tickets().addListener((ListChangeListener<TicketRow>) c -> {
            if (!vm.search().tickets().isEmpty() && list.getSelectionModel().isEmpty()) {
                list.getSelectionModel().select(vm.search().tickets().stream().filter(TicketRow::valid).findFirst()
                        .orElse(vm.search().tickets().getFirst()));
            }
        });
        return list;
    }

    /**
     * Two lines a ticket: where and what it cost; then the sale, category, status and medium; a third with the
     * customer (the member's name, the contact given at the counter) where the sale has one.
     */
    private static final class TicketCell extends ListCell<TicketRow> {
        private final Label place = new Label();
        private final Label price = new Label();
        private final Label detail = new Label();
        private final Label customer = new Label();
        private final VBox box;
        private final Localization l10n;

        TicketCell(Localization l10n) {
            this.l10n = l10n;
            place.getStyleClass().add("aftersales-place");
            detail.getStyleClass().add("aftersales-detail");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            customer.getStyleClass().add("aftersales-detail");
            customer.managedProperty().bind(customer.visibleProperty());
            box = new VBox(2, new HBox(8, place, spacer, price), detail, customer);
        }

        @Override
        protected void updateItem(TicketRow r, boolean empty) {
            super.updateItem(r, empty);
            setText(null);
            if (empty || r == null) {
                setGraphic(null);
                return;
            }
            place.setText(l10n.text("aftersales.place", r.section(), r.row(), r.seat()));
            price.setText(Formats.money(r.ticket().priceMinor(), r.currency(), l10n.getLocale()));
            String reprints = r.ticket().reprints() > 0 ? " · " + l10n.text("aftersales.reprints", r.ticket().reprints()) : "";
            detail.setText(l10n.text("aftersales.detail", Long.toString(r.saleId()), r.categoryName(),
                    l10n.text("aftersales.status." + r.ticket().status()),
                    l10n.text(r.onChip() ? "aftersales.onChip" : "aftersales.onPaper")) + reprints
                    // claim 70: the attendee named on the ticket, where one is
                    + (r.ticket().attendee() == null || r.ticket().attendee().isBlank() ? ""
                            : " · " + l10n.text("aftersales.attendee", r.ticket().attendee())));
            customer.setText(r.customerWords());
            customer.setVisible(!r.customerWords().isEmpty());
            pseudoClassStateChanged(VOIDED, !r.valid());
            setGraphic(box);
        }
    }

    private static VBox reasonAndMoney(AfterSalesViewModel vm, Localization l10n) {
        return section("aftersales.section.reason", l10n, reason(vm, l10n), money(vm, l10n));
    }

    private static HBox reason(AfterSalesViewModel vm, Localization l10n) {
        ComboBox<Reason> reason = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(Reason.values()));
        reason.setId("afterSalesReason");
        reason.valueProperty().bindBidirectional(vm.reasonProperty());
        reason.promptTextProperty().bind(l10n.binding("aftersales.reason.prompt"));
        // the list and the button show the reason in the current language; a new converter redraws both
        reason.setConverter(reasonNames(l10n));
        reason.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Reason item, boolean empty) {
                super.updateItem(item, empty);
                // a cleared choice shows the prompt again (the default button cell stays blank)
                setText(l10n.text(empty || item == null ? "aftersales.reason.prompt" : item.key()));
            }
        });
        l10n.localeProperty().addListener((obs, old, now) -> reason.setConverter(reasonNames(l10n)));
        reason.setPrefWidth(170);
        TextField note = new TextField();
        note.setId("afterSalesNote");
        note.promptTextProperty().bind(l10n.binding("aftersales.note.prompt"));
        note.textProperty().bindBidirectional(vm.noteProperty());
        HBox.setHgrow(note, Priority.ALWAYS);
        HBox row = new HBox(8, reason, note);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static StringConverter<Reason> reasonNames(Localization l10n) {
        return Controls.names(r -> l10n.text(r.key()));
    }

    private static HBox money(AfterSalesViewModel vm, Localization l10n) {
        ToggleGroup group = new ToggleGroup();
        RadioButton cash = radio("settleCash", "aftersales.method.cash", "CASH", group, l10n);
        RadioButton card = radio("settleCard", "aftersales.method.card", "CARD", group, l10n);
        group.selectToggle(cash);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.settleMethodProperty().set((String) now.getUserData());
            }
        });
        TextField tendered = new TextField();
        tendered.setId("settleTendered");
        tendered.promptTextProperty().bind(l10n.binding("aftersales.tendered.prompt"));
        tendered.textProperty().bindBidirectional(vm.tenderedProperty());
        show(tendered, vm.settleMethodProperty().isEqualTo("CASH"));
        TextField reference = new TextField();
        reference.setId("settleReference");
        reference.promptTextProperty().bind(l10n.binding("aftersales.reference.prompt"));
        reference.textProperty().bindBidirectional(vm.referenceProperty());
        show(reference, vm.settleMethodProperty().isEqualTo("CARD"));
        HBox.setHgrow(tendered, Priority.ALWAYS);
        HBox.setHgrow(reference, Priority.ALWAYS);
        HBox row = new HBox(12, cash, card, tendered, reference);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static VBox actions(AfterSalesViewModel vm, Localization l10n) {
        ObservableBooleanValue nothing = Bindings.isEmpty(vm.search().selected()).or(vm.busyProperty());
        Button refund = button("afterSalesRefund", "aftersales.refund", l10n);
        refund.getStyleClass().add(Styles.DANGER);
        refund.setOnAction(e -> vm.refund().refund());
        refund.disableProperty().bind(nothing);
        Button voidOnly = button("afterSalesVoid", "aftersales.void", l10n);
        voidOnly.getStyleClass().add(Styles.BUTTON_OUTLINED);
        voidOnly.setOnAction(e -> vm.refund().voidOnly());
        voidOnly.disableProperty().bind(nothing);
        Button reprint = button("afterSalesReprint", "aftersales.reprint", l10n);
        reprint.getStyleClass().add(Styles.BUTTON_OUTLINED);
        reprint.setOnAction(e -> vm.reprint().reprint());
        reprint.disableProperty().bind(nothing);
        CheckBox reissue = new CheckBox();
        reissue.setId("afterSalesReissue");
        reissue.textProperty().bind(l10n.binding("aftersales.reissue"));
        reissue.selectedProperty().bindBidirectional(vm.reprint().reissueProperty());
        Tooltip why = new Tooltip();
        why.textProperty().bind(l10n.binding("aftersales.reissue.tip"));
        reissue.setTooltip(why);
        // issue 17: a refund's credit note (CN-…), printed or previewed as the counter prints receipts
        Button creditNote = button("afterSalesCreditNote", "aftersales.creditNote", l10n);
        creditNote.getStyleClass().add(Styles.BUTTON_OUTLINED);
        creditNote.setOnAction(e -> vm.refund().printCreditNotes());
        creditNote.disableProperty().bind(vm.busyProperty());
        creditNote.setTooltip(tip("aftersales.creditNote.tip", l10n));
        Button creditPreview = button("afterSalesCreditNotePreview", "aftersales.creditNote.preview", l10n);
        creditPreview.getStyleClass().add(Styles.BUTTON_OUTLINED);
        creditPreview.setOnAction(e -> vm.refund().previewCreditNotes());
        creditPreview.disableProperty().bind(vm.busyProperty());
        creditPreview.setTooltip(tip("aftersales.creditNote.preview.tip", l10n));
        HBox buttons = new HBox(8, refund, voidOnly, reprint, reissue);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.getChildren().forEach(b -> ((javafx.scene.control.Control) b).setMinWidth(Region.USE_PREF_SIZE));

        Label summary = new Label();
        summary.setId("exchangeSummary");
        summary.setWrapText(true);
        summary.getStyleClass().add("aftersales-summary");
        summary.textProperty().bind(text(vm.exchange().exchangeSummaryProperty(), l10n));
        Button exchange = button("afterSalesExchange", "aftersales.exchange", l10n);
        exchange.getStyleClass().add(Styles.ACCENT);
        exchange.setOnAction(e -> vm.exchange().exchange());
        exchange.disableProperty().bind(nothing);
        Button write = button("afterSalesWriteChip", "aftersales.writeChip", l10n);
        write.setOnAction(e -> vm.exchange().writeToChip());
        show(write, vm.exchange().pendingChipProperty().isNotNull());
        write.disableProperty().bind(vm.busyProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox exchangeRow = new HBox(8, exchange, write, gap, creditNote, creditPreview);
        exchangeRow.getChildren().forEach(b -> {
            if (b instanceof javafx.scene.control.Control c) {
                c.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
        VBox box = new VBox(8, buttons, summary, exchangeRow);
        box.getStyleClass().add("aftersales-actions");
        return box;
    }

    private static Label status(AfterSalesViewModel vm, Localization l10n) {
        Label status = new Label();
        status.setId("afterSalesStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.getStyleClass().add("status-note");
        status.textProperty().bind(text(vm.messageProperty(), l10n));
        vm.failedProperty().addListener((obs, old, now) -> status.pseudoClassStateChanged(FAILED, now));
        return status;
    }

    /** A message in words, with messages among its arguments put into words too. */
    static StringBinding text(ObservableValue<Message> message, Localization l10n) {
        return l10n.binding(message);
    }

    private static Tooltip tip(String key, Localization l10n) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(l10n.binding(key));
        return tip;
    }

    private static Button button(String id, String key, Localization l10n) {
        Button b = Controls.button(id, key, l10n);
        b.setMnemonicParsing(false);
        return b;
    }

    /** Where the keyboard starts in this tab. */
    public void focusDefault() {
        query.requestFocus();
    }

    /** Ctrl+F: the search field, its text selected so that typing replaces it. */
    public void focusSearch() {
        query.requestFocus();
        query.selectAll();
    }
}
