package dev.tessera.desktop.counter;

import static dev.tessera.desktop.ui.Controls.button;
import static dev.tessera.desktop.ui.Controls.section;

import atlantafx.base.theme.Styles;
import dev.tessera.desktop.counter.VirtualChips.VirtualChip;
import dev.tessera.desktop.ui.Localization;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The simulated reader's chip tray (embedded default only): what lies on the reader, and card issue (claim 31). */
public final class VirtualChipsPanel extends ScrollPane {

    public VirtualChipsPanel(VirtualChipsViewModel vm, Localization l10n) {
        ListView<VirtualChip> chips = new ListView<>(vm.chips());
        chips.setId("virtualChips");
        chips.setPrefHeight(140);
        chips.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(VirtualChip item, boolean empty) {
                super.updateItem(item, empty);
                textProperty().unbind();
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                textProperty().bind(Bindings.createStringBinding(() -> {
                    String name = item.owner() == null ? item.label()
                            : l10n.text("chips.memberCard", item.owner(), CounterFailures.shortChip(item.chipId()));
                    VirtualChip there = vm.onReaderProperty().get();
                    return there != null && there.number() == item.number() ? l10n.text("chips.itemOnReader", name) : name;
                }, vm.onReaderProperty(), l10n.localeProperty()));
            }
        });
        vm.selectedProperty().bind(chips.getSelectionModel().selectedItemProperty());
        Button put = button("putOnReader", "chips.put", l10n);
        put.setOnAction(e -> vm.putOnReader());
        put.disableProperty().bind(chips.getSelectionModel().selectedItemProperty().isNull());
        Button off = button("takeOff", "chips.takeOff", l10n);
        off.getStyleClass().add(Styles.BUTTON_OUTLINED);
        off.setOnAction(e -> vm.takeOff());
        off.disableProperty().bind(vm.onReaderProperty().isNull());
        Button add = button("addBlankChip", "chips.addBlank", l10n);
        add.getStyleClass().add(Styles.BUTTON_OUTLINED);
        add.setOnAction(e -> {
            vm.addBlank();
            chips.getSelectionModel().selectLast();
        });

        TextField name = new TextField();
        name.setId("newMemberName");
        name.promptTextProperty().bind(l10n.binding("chips.issue.name"));
        name.textProperty().bindBidirectional(vm.memberNameProperty());
        TextField login = new TextField();
        login.setId("newMemberLogin");
        login.promptTextProperty().bind(l10n.binding("counter.customer.memberLogin"));
        login.textProperty().bindBidirectional(vm.memberLoginProperty());
        PasswordField password = new PasswordField();
        password.setId("newMemberPassword");
        password.promptTextProperty().bind(l10n.binding("chips.issue.password"));
        password.textProperty().bindBidirectional(vm.memberPasswordProperty());
        Button issue = button("issueCard", "chips.issue", l10n);
        issue.getStyleClass().add(Styles.ACCENT);
        issue.setOnAction(e -> vm.issueMemberCard());
        issue.disableProperty().bind(vm.onReaderProperty().isNull());

        Label status = new Label();
        status.setId("chipsStatus");
        status.setWrapText(true);
        status.getStyleClass().add("status-note");
        status.textProperty().bind(l10n.binding(vm.messageProperty()));
        VBox content = new VBox(10, section("chips.title", l10n, chips, new HBox(8, put, off, add)),
                section("chips.issue.title", l10n, name, login, password, issue), status);
        content.getStyleClass().add("sale-panel");
        setContent(content);
        setFitToWidth(true);
    }
}
