package dev.tessera.desktop.counter;

import static dev.tessera.desktop.ui.Controls.button;
import static dev.tessera.desktop.ui.Controls.section;

import atlantafx.base.theme.Styles;
import dev.tessera.desktop.ui.Localization;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Transfer a ticket between two members' chips at the counter (flow 5). */
public final class TransferPanel extends ScrollPane {

    public TransferPanel(TransferViewModel vm, Localization l10n) {
        // the ticket is picked from the assignor's card, read at the reader; nobody types a ticket id
        Button read = button("readAssignorCard", "counter.transfer.readCard", l10n);
        read.setOnAction(e -> vm.readAssignorCard());
        read.disableProperty().bind(vm.busyProperty());
        ListView<TransferViewModel.CardTicket> tickets = new ListView<>(vm.cardTickets());
        tickets.setId("assignorTickets");
        tickets.setPrefHeight(120);
        tickets.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(TransferViewModel.CardTicket t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : l10n.text("counter.transfer.ticketLine", t.place(),
                        t.attendee() == null || t.attendee().isBlank() ? "\u2014" : t.attendee(), t.version()));
            }
        });
        tickets.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                vm.ticketIdProperty().set(now == null ? "" : now.ticketId()));
        vm.cardTickets().addListener((javafx.collections.ListChangeListener<TransferViewModel.CardTicket>) c -> {
            if (vm.cardTickets().size() == 1) {
                tickets.getSelectionModel().selectFirst();
            }
        });
        VBox ticket = new VBox(8, read, tickets);
        VBox assignor = section("counter.transfer.assignor", l10n, new HBox(8,
                field(new TextField(), "assignorLogin", "counter.customer.memberLogin", vm.assignorLoginProperty(), l10n),
                field(new PasswordField(), "assignorPassword", "counter.customer.memberPassword", vm.assignorPasswordProperty(), l10n)));
        VBox assignee = section("counter.transfer.assignee", l10n, new HBox(8,
                field(new TextField(), "assigneeLogin", "counter.customer.memberLogin", vm.assigneeLoginProperty(), l10n),
                field(new PasswordField(), "assigneePassword", "counter.customer.memberPassword", vm.assigneePasswordProperty(), l10n)));
        PasswordField transferPassword = field(new PasswordField(), "transferPassword", "counter.transfer.password",
                vm.transferPasswordProperty(), l10n);
        Button transfer = button("transferTicketButton", "counter.transfer.run", l10n);
        transfer.getStyleClass().add(Styles.ACCENT);
        transfer.setOnAction(e -> vm.transfer());
        transfer.disableProperty().bind(vm.busyProperty());
        Button delete = button("deleteOldCopy", "counter.transfer.deleteOld", l10n);
        delete.setOnAction(e -> vm.deleteOldCopy());
        delete.disableProperty().bind(vm.busyProperty().or(vm.movedProperty().isNull()));
        Label status = new Label();
        status.setId("transferStatus");
        status.setWrapText(true);
        status.getStyleClass().add("status-note");
        status.textProperty().bind(l10n.binding(vm.messageProperty()));
        VBox content = new VBox(10, section("counter.transfer.title", l10n, ticket), assignor, assignee,
                section("counter.transfer.passwordTitle", l10n, transferPassword), new HBox(8, transfer, delete), status);
        content.getStyleClass().add("sale-panel");
        setContent(content);
        setFitToWidth(true);
    }

    private static <T extends TextInputControl> T field(T field, String id, String promptKey, StringProperty value,
                                                       Localization l10n) {
        field.setId(id);
        field.promptTextProperty().bind(l10n.binding(promptKey));
        field.textProperty().bindBidirectional(value);
        return field;
    }
}
