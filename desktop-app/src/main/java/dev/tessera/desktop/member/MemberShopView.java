package dev.tessera.desktop.member;

import static dev.tessera.desktop.ui.Controls.button;
import static dev.tessera.desktop.ui.Controls.caption;

import atlantafx.base.theme.Styles;
import dev.tessera.designer.availability.AvailabilityView;
import dev.tessera.contract.sales.OnSale;
import dev.tessera.desktop.events.LiveSeatMap;
import dev.tessera.desktop.ui.Controls;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.desktop.ui.Localization;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Buying at home (issue 14): the event on sale, the live seat map the counter uses, the hold's countdown, and one
 * button that pays and writes the tickets to the card chosen in My cards; beside the map, the standing areas with the
 * places left and a quantity each (issue 18). Keyboard: Ctrl+H hold the picked seats and places,
 * Ctrl+Enter buy and write, Esc release the hold.
 */
public final class MemberShopView extends BorderPane {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final MemberShopViewModel vm;
    private final ComboBox<OnSale> event = new ComboBox<>();

    public MemberShopView(MemberShopViewModel vm, Localization l10n) {
        this.vm = vm;
        getStyleClass().add("member-shop");
        AvailabilityView map = LiveSeatMap.of(vm.seats(), l10n);
        map.setId("shopSeatMap");
        map.setOnSeatClicked(vm::toggleSeat);
        // issue 18: a click in a standing area puts one more of its places in the basket, like a click on a seat
        map.onAreaClickedProperty().set(vm::addStandingPlace);
        Bindings.bindContent(map.getMarkedSeatIds(), vm.picked());

        event.setId("shopEvent");
        event.setItems(vm.events());
        event.valueProperty().bindBidirectional(vm.eventProperty());
        event.setConverter(Controls.names(o -> o.event().name() + " \u00b7 "
                + Formats.dateTime(o.event().startsAt(), l10n.getLocale())));
        event.promptTextProperty().bind(l10n.binding("shop.event"));
        event.setMaxWidth(Double.MAX_VALUE);
        event.disableProperty().bind(vm.holdProperty().isNotNull());
        HBox.setHgrow(event, Priority.ALWAYS);

        Label countdown = new Label();
        countdown.setId("shopCountdown");
        countdown.getStyleClass().add("hold-countdown");
        countdown.textProperty().bind(Bindings.createStringBinding(() -> vm.countdownProperty().get().isEmpty() ? ""
                : l10n.text("shop.countdown", vm.countdownProperty().get()), vm.countdownProperty(), l10n.localeProperty()));
        countdown.visibleProperty().bind(vm.countdownProperty().isNotEmpty());
        countdown.managedProperty().bind(countdown.visibleProperty());
        countdown.setMinWidth(Region.USE_PREF_SIZE);
        Button release = button("shopRelease", "shop.release", l10n);
        release.setOnAction(e -> vm.releaseHold());
        release.visibleProperty().bind(vm.holdProperty().isNotNull());
        release.managedProperty().bind(release.visibleProperty());
        release.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, caption("shop.event", l10n), event, countdown, release);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 0, 8, 0));
        ((Label) top.getChildren().getFirst()).setMinWidth(Region.USE_PREF_SIZE);

        Label total = new Label();
        total.setId("shopTotal");
        total.setWrapText(true);
        total.setMinHeight(Region.USE_PREF_SIZE);
        total.textProperty().bind(Bindings.createStringBinding(() -> vm.totalProperty().get() == null
                ? l10n.text("shop.nothingPicked") : l10n.text(vm.totalProperty().get()), vm.totalProperty(),
                l10n.localeProperty()));
        Button hold = button("shopHold", "shop.hold", l10n);
        hold.setMaxWidth(Double.MAX_VALUE);
        hold.setOnAction(e -> vm.holdPicked());
        hold.disableProperty().bind(vm.busyProperty().or(vm.holdProperty().isNotNull())
                .or(Bindings.isEmpty(vm.picked()).and(Bindings.isEmpty(vm.standing()))));
        Button buy = button("shopBuy", "shop.buy", l10n);
        buy.getStyleClass().add(Styles.ACCENT);
        buy.setMaxWidth(Double.MAX_VALUE);
        buy.setOnAction(e -> vm.buy());
        Label note = caption("shop.note", l10n);
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        Label status = new Label();
        status.setId("shopStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.getStyleClass().add("status-note");
        status.textProperty().bind(l10n.binding(vm.messageProperty()));
        vm.failedProperty().addListener((obs, old, failed) -> status.pseudoClassStateChanged(FAILED, failed));
        // claim 70: the attendees' names on the tickets, optional
        javafx.scene.control.TextField attendees = new javafx.scene.control.TextField();
        attendees.setId("shopAttendees");
        attendees.promptTextProperty().bind(l10n.binding("counter.attendees.prompt"));
        attendees.textProperty().bindBidirectional(vm.attendeeNamesProperty());
        attendees.visibleProperty().bind(vm.attendeeForm().requiredProperty().not());
        attendees.managedProperty().bind(attendees.visibleProperty());
        // claim 70: an event that requires names asks for one per held seat; Enter in the last one pays
        dev.tessera.desktop.counter.AttendeeFields perSeat = new dev.tessera.desktop.counter.AttendeeFields(
                vm.attendeeForm(), l10n, vm::buy, true);
        perSeat.visibleProperty().bind(vm.attendeeForm().requiredProperty().and(vm.holdProperty().isNotNull()));
        perSeat.managedProperty().bind(perSeat.visibleProperty());
        buy.disableProperty().bind(vm.busyProperty().or(vm.holdProperty().isNull())
                .or(vm.attendeeForm().completeProperty().not()));
        // issue 18: the standing areas with the places left and a quantity each, above the basket's total
        dev.tessera.desktop.events.StandingAreaList standing = new dev.tessera.desktop.events.StandingAreaList(
                vm.seats(), vm.standing(), vm::setStanding, vm.holdProperty().isNotNull(), MemberShopViewModel.MAX_SEATS,
                l10n);
        standing.setPadding(Insets.EMPTY);
        VBox side = new VBox(10, standing, total, hold, attendees, perSeat, buy, note, status);
        side.setPrefWidth(260);
        side.setMinWidth(220);
        side.setPadding(new Insets(0, 0, 0, 12));

        setTop(top);
        setCenter(new StackPane(map));

        setRight(side);
        setPadding(new Insets(12));
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
    }

    private void shortcut(KeyEvent e) {
        if (new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN).match(e)) {
            vm.holdPicked();
        } else if (new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN).match(e)) {
            vm.buy();
        } else if (e.getCode() == KeyCode.ESCAPE && vm.holdProperty().get() != null) {
            vm.releaseHold();
        } else {
            return;
        }
        e.consume();
    }

    public void focusDefault() {
        event.requestFocus();
    }
}
