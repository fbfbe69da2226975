package dev.tessera.desktop.events;

import dev.tessera.desktop.ui.Localization;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.VBox;

/**
 * Issue 18: the event's standing areas in a list beside a live map, each with the places the center says are left and
 * a quantity to put in the basket with the picked seats; hidden for a map without areas. The counter and the member's
 * Buy tickets show the same list.
 */
public final class StandingAreaList extends VBox {

    /**
     * @param basket places wanted per area id, as the view model keeps them
     * @param choose sets the places wanted in an area (0 takes it out of the basket)
     * @param locked true while the quantities cannot change (a hold is running)
     */
    public StandingAreaList(SeatAvailabilityViewModel seats, ObservableMap<String, Integer> basket,
                            BiConsumer<String, Integer> choose, ObservableBooleanValue locked, int most,
                            Localization l10n) {
        super(8);
        Label title = new Label();
        title.textProperty().bind(l10n.binding("counter.standing.title"));
        title.getStyleClass().add("section-title");
        VBox lines = new VBox(8);
        lines.setId("standingAreas");
        getChildren().addAll(title, lines);
        getStyleClass().add("counter-standing");
        setPadding(new javafx.geometry.Insets(12));
        setPrefWidth(220);
        Runnable fill = () -> {
            lines.getChildren().clear();
            var map = seats.seatMapProperty().get();
            if (map == null) {
                return;
            }
            for (var area : map.areas()) {
                Label name = new Label(area.name());
                name.setWrapText(true);
                Label left = new Label();
                left.setId("standingLeft-" + area.id());
                left.textProperty().bind(Bindings.createStringBinding(() -> {
                    var count = seats.areas().get(area.id());
                    return count == null ? "" : l10n.text("counter.standing.left", count.remaining());
                }, seats.areas(), l10n.localeProperty()));
                Spinner<Integer> quantity = new Spinner<>(0, most, basket.getOrDefault(area.id(), 0));
                quantity.setId("standingQuantity-" + area.id());
                quantity.setEditable(true);
                quantity.setPrefWidth(90);
                quantity.setAccessibleText(area.name());
                quantity.getValueFactory().valueProperty().addListener((obs, old, now) -> {
                    choose.accept(area.id(), now == null ? 0 : now);
                    // the view model may take fewer than typed (a limit per hold): the spinner shows what it took
                    int taken = basket.getOrDefault(area.id(), 0);
                    if (now == null || now != taken) {
                        quantity.getValueFactory().setValue(taken);
                    }
                });
                basket.addListener((MapChangeListener<String, Integer>) c -> {
                    if (area.id().equals(c.getKey())) {
                        quantity.getValueFactory().setValue(basket.getOrDefault(area.id(), 0));
                    }
                });
                quantity.disableProperty().bind(Bindings.createBooleanBinding(locked::get, locked));
                lines.getChildren().add(new VBox(4, name, left, quantity));
            }
        };
        seats.seatMapProperty().addListener((obs, old, now) -> fill.run());
        fill.run();
        visibleProperty().bind(Bindings.createBooleanBinding(() -> {
            var map = seats.seatMapProperty().get();
            return map != null && !map.areas().isEmpty();
        }, seats.seatMapProperty()));
        managedProperty().bind(visibleProperty());
    }
}
