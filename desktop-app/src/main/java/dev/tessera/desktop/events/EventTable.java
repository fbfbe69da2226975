package dev.tessera.desktop.events;

import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.desktop.ui.Localization;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The event list: name, date, venue, status; its selection follows the view model's and sets it. */
final class EventTable extends TableView<EventInfo> {

    EventTable(EventsViewModel viewModel, Localization l10n) {
        super(viewModel.events());
        setId("eventList");
        getStyleClass().add("event-table");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<EventInfo, String> name = column(l10n, "events.column.name", EventInfo::name);
        name.setPrefWidth(104);
        TableColumn<EventInfo, String> date = column(l10n, "events.column.date",
                e -> Formats.dateTime(e.startsAt(), l10n.getLocale()));
        date.setPrefWidth(172);
        TableColumn<EventInfo, String> venue = column(l10n, "events.column.venue", EventInfo::venueName);
        venue.setPrefWidth(132);
        TableColumn<EventInfo, String> status = column(l10n, "events.column.status",
                e -> l10n.text("event.status." + e.status()));
        status.setPrefWidth(70);
        getColumns().add(name);
        getColumns().add(date);
        getColumns().add(venue);
        getColumns().add(status);
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(viewModel.loadingProperty())
                .then(l10n.binding("events.list.loading")).otherwise(l10n.binding("events.list.empty")));
        setPlaceholder(placeholder);

        viewModel.selectedProperty().addListener((obs, old, now) -> select(now));
        // replacing the list clears the table's selection for a moment: that must not clear the model's
        getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        getItems().addListener((ListChangeListener<EventInfo>) c -> select(viewModel.selectedProperty().get()));
    }

    private void select(EventInfo event) {
        if (event == null) {
            getSelectionModel().clearSelection();
        } else if (getSelectionModel().getSelectedItem() != event) {
            getSelectionModel().select(event);
        }
    }

    private static TableColumn<EventInfo, String> column(Localization l10n, String key, Function<EventInfo, String> value) {
        TableColumn<EventInfo, String> column = new TableColumn<>();
        column.textProperty().bind(l10n.binding(key));
        column.setCellValueFactory(cell -> Bindings.createStringBinding(() -> value.apply(cell.getValue()),
                l10n.localeProperty()));
        column.setReorderable(false);
        return column;
    }
}
