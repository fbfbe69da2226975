package dev.tessera.desktop.member;

import static dev.tessera.desktop.ui.Controls.button;
import static dev.tessera.desktop.ui.Controls.caption;
import static dev.tessera.desktop.ui.Controls.section;

import atlantafx.base.theme.Styles;
import dev.tessera.desktop.member.MemberViewModel.CardRow;
import dev.tessera.desktop.member.MemberViewModel.TicketRow;
import dev.tessera.desktop.member.MemberViewModel.TransferRow;
import dev.tessera.desktop.ui.Controls;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.desktop.ui.Localization;
import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The member's workspace: My cards (write, block, move) on the left, My tickets and the transfer form in the middle,
 * transfers offered to me on the right, the last sentence at the bottom. Ctrl+R reloads.
 */
public final class MemberView extends BorderPane {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass BLOCKED = PseudoClass.getPseudoClass("blocked");

    private final MemberViewModel vm;
    private final Localization l10n;
    private final TableView<TicketRow> tickets = new TableView<>();

    public MemberView(MemberViewModel vm, MemberShopViewModel shop, Localization l10n) {
        this.vm = vm;
        this.l10n = l10n;
        getStyleClass().add("member-workspace");
        setLeft(scroll(cardsColumn()));
        // issue 14: My tickets, and buying at home on the counter's seat map (the bought tickets go to the chosen card)
        javafx.scene.control.Tab mine = new javafx.scene.control.Tab();
        mine.setId("memberTicketsTab");
        mine.textProperty().bind(l10n.binding("member.tickets.title"));
        mine.setContent(ticketsColumn());
        javafx.scene.control.Tab buy = new javafx.scene.control.Tab();
        buy.setId("memberShopTab");
        buy.textProperty().bind(l10n.binding("shop.title"));
        buy.setContent(new MemberShopView(shop, l10n));
        javafx.scene.control.TabPane middle = new javafx.scene.control.TabPane(mine, buy);
        middle.setId("memberMiddle");
        middle.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(middle);
        setRight(scroll(transfersColumn()));
        Label status = new Label();
        status.setId("memberStatus");
        status.setWrapText(true);
        status.getStyleClass().add("status-note");
        status.textProperty().bind(l10n.binding(vm.messageProperty()));
        vm.failedProperty().addListener((obs, old, failed) -> status.pseudoClassStateChanged(FAILED, failed));
        BorderPane.setMargin(status, new javafx.geometry.Insets(0, 12, 12, 12));
        setBottom(status);
        setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN).match(e)) {
                vm.refreshNow();
                e.consume();
            }
        });
    }

    private static ScrollPane scroll(VBox content) {
        ScrollPane pane = new ScrollPane(content);
        pane.setFitToWidth(true);
        pane.setPrefWidth(300);
        pane.getStyleClass().add("member-side");
        return pane;
    }

    private VBox cardsColumn() {
        ListView<CardRow> cards = new ListView<>(vm.cards());
        cards.setId("memberCards");
        cards.setPrefHeight(130);
        cards.setPlaceholder(caption("member.cards.none", l10n));
        cards.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(CardRow item, boolean empty) {
                super.updateItem(item, empty);
                textProperty().unbind();
                pseudoClassStateChanged(BLOCKED, !empty && item != null && !item.active());
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                textProperty().bind(Bindings.createStringBinding(() -> l10n.text(item.active()
                        ? (item.present() ? "member.cards.activeOnTray" : "member.cards.active") : "member.cards.blocked",
                        MemberViewModel.shortChip(item.chipId())), l10n.localeProperty()));
            }
        });
        // the list shows the chosen card, and choosing one in the list makes it the chosen card
        vm.cardProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(cards.getSelectionModel().getSelectedItem())) {
                cards.getSelectionModel().select(now);
            }
        });
        cards.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.cardProperty().set(now);
            }
        });
        Button write = button("memberWrite", "member.write", l10n);
        write.getStyleClass().add(Styles.ACCENT);
        write.setMaxWidth(Double.MAX_VALUE);
        write.setOnAction(e -> vm.writeToCard());
        write.disableProperty().bind(vm.busyProperty().or(Bindings.createBooleanBinding(
                () -> vm.cardProperty().get() == null || !vm.cardProperty().get().active(), vm.cardProperty())));

        TextField reason = new TextField();
        reason.setId("memberBlockReason");
        reason.promptTextProperty().bind(l10n.binding("member.block.reason"));
        reason.textProperty().bindBidirectional(vm.blockReasonProperty());
        Button block = button("memberBlock", "member.block", l10n);
        block.getStyleClass().add(Styles.DANGER);
        block.setOnAction(e -> vm.blockCard());
        block.disableProperty().bind(vm.busyProperty().or(Bindings.createBooleanBinding(
                () -> vm.cardProperty().get() == null || !vm.cardProperty().get().active(), vm.cardProperty())));
        reason.setOnAction(e -> vm.blockCard());

        ComboBox<CardRow> newCard = new ComboBox<>(vm.cards().filtered(CardRow::active));
        newCard.setId("memberNewCard");
        newCard.setMaxWidth(Double.MAX_VALUE);
        newCard.promptTextProperty().bind(l10n.binding("member.move.newCard"));
        newCard.setConverter(Controls.names(c -> l10n.text("member.cards.active", MemberViewModel.shortChip(c.chipId()))));
        newCard.valueProperty().bindBidirectional(vm.newCardProperty());
        Button move = button("memberMove", "member.move", l10n);
        move.setOnAction(e -> vm.moveToNewCard());
        // moving starts from the blocked card chosen in My cards
        move.disableProperty().bind(vm.busyProperty().or(Bindings.createBooleanBinding(
                () -> vm.cardProperty().get() == null || vm.cardProperty().get().active(), vm.cardProperty())));

        VBox column = new VBox(12,
                section("member.cards.title", l10n, cards, write, note("member.write.note")),
                section("member.lost.title", l10n, note("member.lost.note"), reason, block,
                        caption("member.move.title", l10n), newCard, move));
        column.getStyleClass().add("sale-panel");
        return column;
    }

    private VBox ticketsColumn() {
        tickets.setId("memberTickets");
        tickets.setItems(vm.tickets());
        tickets.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        tickets.setPlaceholder(caption("member.tickets.none", l10n));
        tickets.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        tickets.getColumns().add(eventColumn());
        tickets.getColumns().add(column("member.tickets.seat", TicketRow::place, 105));
        // claim 70: the attendee named on the ticket, where one is
        TableColumn<TicketRow, String> attendee = column("member.tickets.attendee",
                t -> t.attendee() == null ? "\u2014" : t.attendee(), 100);
        // its header is the longest word of the row: at 1280 x 800 the shared width cut it to "Atte…"
        attendee.setMinWidth(96);
        tickets.getColumns().add(attendee);
        tickets.getColumns().add(column("member.tickets.state", t -> l10n.text("member.state." + t.state().name()), 165));
        tickets.getColumns().add(column("member.tickets.price", t -> Formats.money(t.priceMinor(), t.currency(),
                l10n.getLocale()), 90));
        l10n.localeProperty().addListener((obs, old, now) -> tickets.refresh());
        tickets.getSelectionModel().getSelectedItems().addListener((ListChangeListener<TicketRow>) change ->
                vm.chosenTickets().setAll(tickets.getSelectionModel().getSelectedItems()));
        VBox.setVgrow(tickets, Priority.ALWAYS);

        TextField assignee = new TextField();
        assignee.setId("memberAssignee");
        assignee.promptTextProperty().bind(l10n.binding("member.transfer.assignee"));
        assignee.textProperty().bindBidirectional(vm.assigneeLoginProperty());
        PasswordField password = new PasswordField();
        password.setId("memberTransferPassword");
        password.promptTextProperty().bind(l10n.binding("member.transfer.password"));
        password.textProperty().bindBidirectional(vm.transferPasswordProperty());
        password.setOnAction(e -> vm.startTransfer());
        Button send = button("memberTransfer", "member.transfer", l10n);
        send.setOnAction(e -> vm.startTransfer());
        send.disableProperty().bind(vm.busyProperty().or(Bindings.isEmpty(vm.chosenTickets())));
        HBox form = new HBox(8, assignee, password, send);
        form.getStyleClass().add("row");
        HBox.setHgrow(assignee, Priority.ALWAYS);
        HBox.setHgrow(password, Priority.ALWAYS);

        VBox column = new VBox(12, section("member.tickets.title", l10n, tickets),
                section("member.transfer.title", l10n, note("member.transfer.note"), form));
        VBox.setVgrow(column.getChildren().getFirst(), Priority.ALWAYS);
        VBox.setVgrow(tickets, Priority.ALWAYS);
        column.getStyleClass().add("sale-panel");
        return column;
    }

    private VBox transfersColumn() {
        ListView<TransferRow> transfers = new ListView<>(vm.transfers());
        transfers.setId("memberTransfers");
        transfers.setPrefHeight(220);
        transfers.setPlaceholder(caption("member.transfers.none", l10n));
        transfers.setCellFactory(list -> new ListCell<>() {
            private final Label text = new Label();

            {
                text.setWrapText(true);
                // a wrapped label in a list cell is as tall as its lines, not one line with an ellipsis
                text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                text.maxWidthProperty().bind(transfers.widthProperty().subtract(28));
            }

            @Override
            protected void updateItem(TransferRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : text);
                text.setText(empty || item == null ? null : l10n.text(item.incoming()
                                ? "member.transfers.in" : "member.transfers.out", item.eventName(), item.place(),
                        item.counterpart() == null ? "" : item.counterpart(), time(item.expiresAt()))
                        + (item.expired() ? " \u2014 " + l10n.text("member.transfers.expired")
                        : item.locked() ? " \u2014 " + l10n.text("member.transfers.locked") : ""));
            }
        });
        l10n.localeProperty().addListener((obs, old, now) -> transfers.refresh());
        transfers.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> vm.incomingProperty().set(now));
        PasswordField password = new PasswordField();
        password.setId("memberAcceptPassword");
        password.promptTextProperty().bind(l10n.binding("member.accept.password"));
        password.textProperty().bindBidirectional(vm.acceptPasswordProperty());
        password.setOnAction(e -> vm.acceptTransfer());
        Button accept = button("memberAccept", "member.accept", l10n);
        accept.getStyleClass().add(Styles.ACCENT);
        accept.setMaxWidth(Double.MAX_VALUE);
        accept.setOnAction(e -> vm.acceptTransfer());
        accept.disableProperty().bind(vm.busyProperty().or(Bindings.createBooleanBinding(
                () -> vm.incomingProperty().get() == null || !vm.incomingProperty().get().incoming(),
                vm.incomingProperty())));
        // issue 14: an offer of mine, still pending, can be taken back
        Button cancel = button("memberCancelTransfer", "member.cancelTransfer", l10n);
        cancel.setMaxWidth(Double.MAX_VALUE);
        cancel.setOnAction(e -> vm.cancelTransfer());
        cancel.disableProperty().bind(vm.busyProperty().or(Bindings.createBooleanBinding(
                () -> vm.incomingProperty().get() == null || vm.incomingProperty().get().incoming(),
                vm.incomingProperty())));
        VBox column = new VBox(12, section("member.transfers.title", l10n, transfers, note("member.accept.note"),
                password, accept, cancel));
        column.getStyleClass().add("sale-panel");
        return column;
    }

    /**
     * The event and its date in one column, the date on a second line: six columns side by side cut every cell at
     * 1280 x 800 ("The Tempes…", "2026/12/05 23:…").
     */
    private TableColumn<TicketRow, TicketRow> eventColumn() {
        TableColumn<TicketRow, TicketRow> c = new TableColumn<>();
        c.setPrefWidth(190);
        c.setMinWidth(150);
        c.textProperty().bind(l10n.binding("member.tickets.event"));
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cell.getValue()));
        c.setSortable(false);
        c.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            private final Label name = new Label();
            private final Label when = new Label();
            private final VBox lines = new VBox(1, name, when);

            {
                when.getStyleClass().add("ticket-when");
                setGraphic(null);
            }

            @Override
            protected void updateItem(TicketRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                name.setText(item.eventName());
                when.setText(time(item.startsAt()));
                setGraphic(lines);
            }
        });
        return c;
    }

    private TableColumn<TicketRow, String> column(String key, java.util.function.Function<TicketRow, String> value,
                                                  double width) {
        TableColumn<TicketRow, String> c = new TableColumn<>();
        c.setPrefWidth(width);
        c.textProperty().bind(l10n.binding(key));
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    private String time(Instant instant) {
        return instant == null ? "" : Formats.dateTime(instant, l10n.getLocale());
    }

    private Label note(String key) {
        Label l = caption(key, l10n);
        l.setWrapText(true);
        // all its lines, also when the window is short: the list above gives up the height
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** The keyboard starts in My tickets. */
    public void focusDefault() {
        tickets.requestFocus();
    }
}
