package dev.tessera.desktop.counter;

import static dev.tessera.desktop.ui.Controls.button;
import static dev.tessera.desktop.ui.Controls.section;

import atlantafx.base.theme.Styles;
import dev.tessera.contract.member.MemberCard;
import dev.tessera.contract.member.MemberFound;
import dev.tessera.core.model.ChipStatus;
import dev.tessera.desktop.ui.Localization;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The counter's Lost card tab (issue 14): find the member, block the lost card (after a confirmation), and move its
 * tickets to a new card on the reader. Enter in a field does its step; the confirmation answers Enter or Esc.
 */
public final class LostCardPanel extends ScrollPane {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private final javafx.beans.value.ChangeListener<java.util.Locale> redraw;

    public LostCardPanel(LostCardViewModel vm, Localization l10n) {
        TextField query = new TextField();
        query.setId("lostCardQuery");
        query.promptTextProperty().bind(l10n.binding("lostcard.find.prompt"));
        query.textProperty().bindBidirectional(vm.queryProperty());
        query.setOnAction(e -> vm.find());
        HBox.setHgrow(query, Priority.ALWAYS);
        Button find = button("lostCardFind", "lostcard.find", l10n);
        find.setOnAction(e -> vm.find());
        find.disableProperty().bind(vm.busyProperty());

        ListView<MemberFound> members = list("lostCardMembers", vm.members(), l10n, m -> l10n.text("lostcard.memberLine",
                m.displayName(), m.loginId(), m.cards().size()));
        members.setPrefHeight(84);
        members.setMinHeight(84);
        members.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.memberProperty().set(now);
            }
        });
        vm.memberProperty().addListener((obs, old, now) -> {
            if (now == null) {
                members.getSelectionModel().clearSelection();
            } else if (members.getSelectionModel().getSelectedItem() != now) {
                members.getSelectionModel().select(now);
            }
        });

        ListView<MemberCard> cards = list("lostCardCards", vm.cards(), l10n, c -> l10n.text(
                c.status() == ChipStatus.ACTIVE ? "lostcard.cardActive" : "lostcard.cardBlocked", CounterFailures.shortChip(c.chipId()),
                c.validTickets()));
        cards.setPrefHeight(84);
        cards.setMinHeight(84);
        cards.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.cardProperty().set(now);
            }
        });
        vm.cardProperty().addListener((obs, old, now) -> {
            if (now == null) {
                cards.getSelectionModel().clearSelection();
            } else if (cards.getSelectionModel().getSelectedItem() != now) {
                cards.getSelectionModel().select(now);
            }
        });

        TextField reason = new TextField();
        reason.setId("lostCardReason");
        reason.promptTextProperty().bind(l10n.binding("lostcard.block.reason"));
        reason.textProperty().bindBidirectional(vm.reasonProperty());
        reason.setOnAction(e -> vm.block());
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button block = button("lostCardBlock", "lostcard.block", l10n);
        block.getStyleClass().add(Styles.DANGER);
        block.setOnAction(e -> vm.block());
        block.disableProperty().bind(vm.busyProperty().or(Bindings.createBooleanBinding(
                () -> vm.cardProperty().get() == null || !active(vm.cardProperty().get()), vm.cardProperty())));

        PasswordField password = new PasswordField();
        password.setId("lostCardPassword");
        password.promptTextProperty().bind(l10n.binding("lostcard.move.password"));
        password.textProperty().bindBidirectional(vm.memberPasswordProperty());
        password.setOnAction(e -> vm.moveToNewCard());
        HBox.setHgrow(password, Priority.ALWAYS);
        Button move = button("lostCardMove", "lostcard.move", l10n);
        move.getStyleClass().add(Styles.ACCENT);
        move.setOnAction(e -> vm.moveToNewCard());
        move.disableProperty().bind(vm.busyProperty().or(Bindings.createBooleanBinding(
                () -> vm.cardProperty().get() == null || active(vm.cardProperty().get()), vm.cardProperty())));

        // once the lost card is blocked, the next step is the member's password for the new card
        vm.cardProperty().addListener((obs, old, now) -> {
            if (now != null && !active(now) && now.validTickets() > 0 && old != null && active(old)) {
                javafx.application.Platform.runLater(password::requestFocus);
            }
        });
        Label status = new Label();
        status.setId("lostCardStatus");
        status.setWrapText(true);
        status.getStyleClass().add("status-note");
        status.textProperty().bind(l10n.binding(vm.messageProperty()));
        vm.failedProperty().addListener((obs, old, now) -> status.pseudoClassStateChanged(FAILED, now));

        VBox content = new VBox(10,
                section("lostcard.find.title", l10n, new HBox(8, query, find), members, cards),
                section("lostcard.block.title", l10n, new HBox(8, reason, block)),
                section("lostcard.move.title", l10n, note("lostcard.move.note", l10n), new HBox(8, password, move)),
                status);
        content.getStyleClass().add("sale-panel");
        setContent(content);
        setFitToWidth(true);
        // the lists name things in the current language: redrawn when it changes (a weak listener held here, so the
        // app-wide language does not keep an earlier sign-in's panel alive)
        redraw = (obs, old, now) -> {
            members.refresh();
            cards.refresh();
        };
        l10n.localeProperty().addListener(new javafx.beans.value.WeakChangeListener<>(redraw));
    }

    private static Label note(String key, Localization l10n) {
        Label note = new Label();
        note.textProperty().bind(l10n.binding(key));
        note.setWrapText(true);
        return note;
    }

    private static <T> ListView<T> list(String id, javafx.collections.ObservableList<T> items, Localization l10n,
                                        Function<T, String> line) {
        ListView<T> view = new ListView<>(items);
        view.setId(id);
        view.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : line.apply(item));
            }
        });
        return view;
    }

    private static boolean active(MemberCard card) {
        return card.status() == ChipStatus.ACTIVE;
    }
}
