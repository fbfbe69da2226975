package dev.tessera.desktop.counter;

import static dev.tessera.desktop.ui.Controls.button;
import static dev.tessera.desktop.ui.Controls.section;
import static dev.tessera.desktop.ui.Controls.show;

import atlantafx.base.theme.Styles;
import dev.tessera.desktop.ui.Localization;
import java.util.List;
import javafx.beans.binding.Bindings;
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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Transfer a ticket between two members' chips at the counter (flow 5), one person's turn at a time. */
public final class TransferPanel extends ScrollPane {

    public TransferPanel(TransferViewModel vm, Localization l10n) {
        // the ticket is picked from the assignor's card, read at the reader; nobody types a ticket id
        Button read = button("readAssignorCard", "counter.transfer.readCard", l10n);
        read.setOnAction(e -> vm.readAssignorCard());
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
        read.disableProperty().bind(vm.busyProperty().or(vm.turnProperty().isNotEqualTo(TransferTurn.ASSIGNOR_SIGN_IN)));
        tickets.disableProperty().bind(vm.turnProperty().isNotEqualTo(TransferTurn.ASSIGNOR_SIGN_IN));
        VBox ticket = new VBox(8, read, tickets);
        Label turn = new Label();
        turn.setId("transferTurn");
        turn.setWrapText(true);
        turn.getStyleClass().add(Styles.TITLE_4);
        turn.textProperty().bind(Bindings.createStringBinding(() -> l10n.text(
                dev.tessera.desktop.ui.Message.of("counter.transfer.turn." + vm.turnProperty().get().name())),
                vm.turnProperty(), l10n.localeProperty()));

        // turn 1: the current holder's own sign-in
        TextField assignorLogin = field(new TextField(), "assignorLogin", "counter.customer.memberLogin",
                vm.assignorLoginProperty(), l10n);
        PasswordField assignorPassword = field(new PasswordField(), "assignorPassword", "counter.customer.memberPassword",
                vm.assignorPasswordProperty(), l10n);
        assignorLogin.setOnAction(e -> assignorPassword.requestFocus());
        assignorPassword.setOnAction(e -> vm.signInAssignor());
        Button signIn = button("assignorSignIn", "counter.transfer.signIn", l10n);
        signIn.setOnAction(e -> vm.signInAssignor());
        signIn.disableProperty().bind(vm.busyProperty());
        VBox assignorTurn = section("counter.transfer.assignor", l10n, new HBox(8, assignorLogin, assignorPassword, signIn));
        show(assignorTurn, vm.turnProperty().isEqualTo(TransferTurn.ASSIGNOR_SIGN_IN));

        // turn 2: the current holder sets the transfer password for the card on the reader
        PasswordField transferPassword = field(new PasswordField(), "transferPassword", "counter.transfer.password",
                vm.transferPasswordProperty(), l10n);
        transferPassword.setOnAction(e -> vm.offer());
        Button offer = button("offerTransfer", "counter.transfer.offer", l10n);
        offer.setOnAction(e -> vm.offer());
        offer.disableProperty().bind(vm.busyProperty());
        VBox offerTurn = section("counter.transfer.passwordTitle", l10n, new HBox(8, transferPassword, offer));
        show(offerTurn, vm.turnProperty().isEqualTo(TransferTurn.ASSIGNOR_OFFER));

        // turn 3: the new holder's own sign-in and the transfer password they were told
        TextField assigneeLogin = field(new TextField(), "assigneeLogin", "counter.customer.memberLogin",
                vm.assigneeLoginProperty(), l10n);
        PasswordField assigneePassword = field(new PasswordField(), "assigneePassword", "counter.customer.memberPassword",
                vm.assigneePasswordProperty(), l10n);
        PasswordField assigneeTransferPassword = field(new PasswordField(), "assigneeTransferPassword",
                "counter.transfer.passwordTold", vm.assigneeTransferPasswordProperty(), l10n);
        assigneeLogin.setOnAction(e -> assigneePassword.requestFocus());
        assigneePassword.setOnAction(e -> assigneeTransferPassword.requestFocus());
        assigneeTransferPassword.setOnAction(e -> vm.accept());
        Button accept = button("acceptTransfer", "counter.transfer.accept", l10n);
        accept.getStyleClass().add(Styles.ACCENT);
        accept.setOnAction(e -> vm.accept());
        accept.disableProperty().bind(vm.busyProperty());
        VBox assigneeTurn = section("counter.transfer.assignee", l10n,
                new HBox(8, assigneeLogin, assigneePassword), new HBox(8, assigneeTransferPassword, accept));
        show(assigneeTurn, vm.turnProperty().isEqualTo(TransferTurn.ASSIGNEE_ACCEPT));

        Button delete = button("deleteOldCopy", "counter.transfer.deleteOld", l10n);
        delete.getStyleClass().add(Styles.ACCENT);
        delete.setOnAction(e -> vm.deleteOldCopy());
        delete.disableProperty().bind(vm.busyProperty().or(vm.movedProperty().isNull()));
        show(delete, vm.turnProperty().isEqualTo(TransferTurn.OLD_COPY));
        Button startOver = button("transferStartOver", "counter.transfer.startOver", l10n);
        startOver.setOnAction(e -> vm.startOver());
        startOver.disableProperty().bind(vm.busyProperty());
        show(startOver, vm.turnProperty().isNotEqualTo(TransferTurn.OLD_COPY));
        // the next person's first field has the keys when their turn comes
        vm.turnProperty().addListener((obs, old, now) -> {
            switch (now) {
                case ASSIGNOR_SIGN_IN -> assignorLogin.requestFocus();
                case ASSIGNOR_OFFER -> transferPassword.requestFocus();
                case ASSIGNEE_ACCEPT -> assigneeLogin.requestFocus();
                case OLD_COPY -> delete.requestFocus();
            }
        });
        Label status = new Label();
        status.setId("transferStatus");
        status.setWrapText(true);
        status.getStyleClass().add("status-note");
        status.textProperty().bind(l10n.binding(vm.messageProperty()));
        // in a narrow panel the fields give way, never the buttons' words ("S..." for "Sign in" before)
        for (Button whole : List.of(signIn, offer, accept, delete, startOver)) {
            whole.setMinWidth(Region.USE_PREF_SIZE);
        }
        VBox content = new VBox(10, section("counter.transfer.title", l10n, ticket), turn, assignorTurn, offerTurn,
                assigneeTurn, new HBox(8, delete, startOver), status);
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
