package dev.tessera.desktop.shift;

import dev.tessera.contract.shift.Shift;
import dev.tessera.desktop.shift.ShiftViewModel.State;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.desktop.ui.Localization;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The counter's one line about the shift: without one, the prompt to open it before selling (sales
 * still go through: the prompt does not block); with one, since when and the cash the drawer should hold.
 */
public final class ShiftBar extends HBox {
    private static final PseudoClass NONE = PseudoClass.getPseudoClass("none");

    public ShiftBar(ShiftViewModel vm, Localization l10n, Runnable showShift) {
        setId("shiftBar");
        getStyleClass().add("shift-bar");
        setAlignment(Pos.CENTER_LEFT);
        Label text = new Label();
        text.setId("shiftBarText");
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            Shift s = vm.shiftProperty().get();
            if (vm.stateProperty().get() != State.OPEN || s == null) {
                return l10n.text("shift.bar.none");
            }
            return l10n.text("shift.bar.open", s.id(), Formats.time(s.openedAt().toInstant(), l10n.getLocale()),
                    Formats.money(vm.expectedCashMinor().get(), s.currency(), l10n.getLocale()));
        }, vm.stateProperty(), vm.shiftProperty(), vm.expectedCashMinor(), l10n.localeProperty()));
        Button go = new Button();
        go.setId("shiftBarButton");
        go.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);
        go.textProperty().bind(Bindings.createStringBinding(() -> l10n.text(
                vm.stateProperty().get() == State.OPEN ? "shift.bar.show" : "shift.bar.openNow"),
                vm.stateProperty(), l10n.localeProperty()));
        go.setOnAction(e -> showShift.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(text, spacer, go);
        Runnable style = () -> pseudoClassStateChanged(NONE, vm.stateProperty().get() != State.OPEN);
        vm.stateProperty().addListener((obs, old, now) -> style.run());
        style.run();
        visibleProperty().bind(vm.stateProperty().isNotEqualTo(State.LOADING));
        managedProperty().bind(visibleProperty());
    }
}
