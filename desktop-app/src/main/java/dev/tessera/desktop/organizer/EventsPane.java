package dev.tessera.desktop.organizer;

import dev.tessera.desktop.ui.Controls;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.core.model.Venue;
import dev.tessera.desktop.organizer.OrganizerEventsViewModel.GateChoice;
import dev.tessera.desktop.organizer.OrganizerEventsViewModel.PriceRow;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.desktop.ui.Localization;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/** The organizer's events (draft and on sale) with publishing on the left, a new event's service information on the right. */
final class EventsPane extends BorderPane {
    private final TableView<EventInfo> table;

    EventsPane(OrganizerEventsViewModel vm, EventChangeViewModel change, ObservableList<Venue> venues,
               Localization l10n) {
        getStyleClass().add("organizer-pane");
        table = new TableView<>(vm.events());
        table.setId("organizerEvents");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("organizer.events.name", EventInfo::name, l10n, 180));
        table.getColumns().add(column("organizer.events.venue", e -> e.venueName() + " · v" + e.seatMapVersion(), l10n, 150));
        table.getColumns().add(column("organizer.events.starts", e -> Formats.dateTime(e.startsAt(), l10n.getLocale()), l10n, 150));
        table.getColumns().add(column("organizer.events.status", e -> l10n.text("event.status." + e.status()), l10n, 80));
        table.getColumns().add(column("organizer.events.sellers", e -> e.sellerNames().isEmpty() ? "—"
                : String.join(l10n.text("list.separator"), e.sellerNames()), l10n, 190));
        table.placeholderProperty().set(Controls.wholeCaption("organizer.events.none", l10n));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> vm.selectedProperty().set(now));
        vm.selectedProperty().addListener((obs, old, now) -> table.getSelectionModel().select(now));
        l10n.localeProperty().addListener((obs, old, now) -> table.refresh());
        Controls.refocusAfterWork(vm.feedback(), table);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button publish = Controls.mnemonicButton("publishEvent", "organizer.event.publish", l10n);
        publish.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        publish.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedProperty().get() == null
                || !"DRAFT".equals(vm.selectedProperty().get().status()), vm.selectedProperty()));
        publish.setOnAction(e -> vm.requestPublish());
        Button refresh = Controls.mnemonicButton("refreshEvents", "organizer.events.refresh", l10n);
        refresh.setOnAction(e -> vm.load());
        HBox toolbar = new HBox(8, Controls.title("organizer.events.title", l10n), spacer(), refresh, publish);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        VBox left = new VBox(8, toolbar, table, confirmation(vm, l10n), Controls.status("eventStatus", vm.feedback(), l10n),
                changeBox(change, l10n));
        left.getStyleClass().add("organizer-side");
        ScrollPane form = new ScrollPane(form(vm, venues, l10n));
        form.setFitToWidth(true);
        form.setId("eventFormScroll");
        form.getStyleClass().add("organizer-form-scroll");
        form.setPrefWidth(440);
        form.setMinWidth(400);
        setCenter(left);
        setRight(form);
    }

    /** Issue 14: cancel or move the selected event, each after a confirmation naming what follows. */
    private static VBox changeBox(EventChangeViewModel change, Localization l10n) {
        javafx.scene.control.TextField reason = Controls.field("eventChangeReason", change.reasonProperty(),
                "organizer.change.reason", l10n);
        javafx.scene.control.TextField doors = Controls.field("moveDoorsOpen", change.doorsOpenProperty(),
                "organizer.event.doorsOpen", l10n);
        javafx.scene.control.TextField starts = Controls.field("moveStartsAt", change.startsAtProperty(),
                "organizer.event.startsAt", l10n);
        javafx.scene.control.TextField ends = Controls.field("moveEndsAt", change.endsAtProperty(),
                "organizer.event.endsAt", l10n);
        var none = Bindings.createBooleanBinding(() -> change.selectedProperty().get() == null
                || "CANCELLED".equals(change.selectedProperty().get().status()), change.selectedProperty());
        Button move = Controls.mnemonicButton("moveEvent", "organizer.change.move", l10n);
        move.setOnAction(e -> change.move());
        move.disableProperty().bind(none.or(change.feedback().busyProperty()));
        move.setMinWidth(Region.USE_PREF_SIZE);
        Button cancel = Controls.mnemonicButton("cancelEvent", "organizer.change.cancel", l10n);
        cancel.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        cancel.setOnAction(e -> change.cancel());
        cancel.disableProperty().bind(none.or(change.feedback().busyProperty()));
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        // narrow fields: the service-information form on the right keeps its width
        for (javafx.scene.control.TextField f : java.util.List.of(doors, starts, ends)) {
            f.setPrefColumnCount(9);
        }
        reason.setPrefColumnCount(12);
        HBox dates = new HBox(8, doors, starts, ends);
        dates.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        HBox actions = new HBox(8, reason, move, cancel);
        HBox.setHgrow(reason, Priority.ALWAYS);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, Controls.wholeCaption("organizer.change.title", l10n), dates, actions,
                Controls.status("eventChangeStatus", change.feedback(), l10n));
        box.setId("eventChange");
        box.getStyleClass().add("organizer-confirm");
        return box;
    }

    private static HBox confirmation(OrganizerEventsViewModel vm, Localization l10n) {
        Label question = new Label();
        question.setWrapText(true);
        question.textProperty().bind(Controls.text(l10n, () -> vm.selectedProperty().get() == null ? ""
                : l10n.text("organizer.event.confirmPublish", vm.selectedProperty().get().name()), vm.selectedProperty()));
        HBox.setHgrow(question, Priority.ALWAYS);
        Button yes = Controls.mnemonicButton("confirmPublish", "organizer.event.publishNow", l10n);
        yes.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        yes.setOnAction(e -> vm.confirmPublish());
        Button no = Controls.mnemonicButton("cancelPublish", "organizer.event.cancelPublish", l10n);
        no.setOnAction(e -> vm.cancelPublish());
        HBox bar = new HBox(8, question, yes, no);
        bar.setId("publishConfirmation");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("organizer-confirm");
        // Enter publishes and Escape cancels while the question is shown (no default button: Enter elsewhere stays free)
        bar.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !no.isFocused()) {
                vm.confirmPublish();
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE
                    || e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                vm.cancelPublish();
                e.consume();
            }
        });
        bar.visibleProperty().bind(vm.confirmingPublishProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        vm.confirmingPublishProperty().addListener((obs, old, now) -> {
            if (now) {
                javafx.application.Platform.runLater(yes::requestFocus);
            }
        });
        return bar;
    }

    private static VBox form(OrganizerEventsViewModel vm, ObservableList<Venue> venues, Localization l10n) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("organizer-form");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);

        ComboBox<Venue> venue = new ComboBox<>(venues);
        venue.setId("eventVenue");
        venue.valueProperty().bindBidirectional(vm.venueProperty());
        venue.setConverter(dev.tessera.desktop.ui.Controls.names(Venue::name));
        venue.setButtonCell(Controls.cell(Venue::name));
        venue.setMaxWidth(Double.MAX_VALUE);
        Spinner<Integer> version = new Spinner<>();
        version.setId("eventVersion");
        version.setEditable(true);
        version.setPrefWidth(90);
        vm.venueProperty().addListener((obs, old, now) -> {
            int latest = now == null ? 1 : Math.max(1, now.latestSeatMapVersion());
            SpinnerValueFactory<Integer> values = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, latest, latest);
            version.setValueFactory(values);
            values.valueProperty().addListener((o, was, is) -> vm.seatMapVersionProperty().set(is));
        });

        int row = 0;
        row = addRow(grid, row, "organizer.event.name", Controls.field("eventName", vm.nameProperty(), null, l10n), l10n);
        row = addRow(grid, row, "organizer.event.servicer", Controls.field("eventServicer", vm.servicerProperty(),
                "organizer.event.servicerPrompt", l10n), l10n);
        row = addRow(grid, row, "organizer.event.venue", venue, l10n);
        row = addRow(grid, row, "organizer.event.version", version, l10n);
        row = addRow(grid, row, "organizer.event.doorsOpen", Controls.field("eventDoorsOpen", vm.doorsOpenProperty(),
                "organizer.event.timePrompt", l10n), l10n);
        row = addRow(grid, row, "organizer.event.startsAt", Controls.field("eventStartsAt", vm.startsAtProperty(),
                "organizer.event.timePrompt", l10n), l10n);
        row = addRow(grid, row, "organizer.event.endsAt", Controls.field("eventEndsAt", vm.endsAtProperty(),
                "organizer.event.timePrompt", l10n), l10n);
        TextField currency = Controls.field("eventCurrency", vm.currencyProperty(), null, l10n);
        currency.setPrefColumnCount(4);
        currency.setMaxWidth(Region.USE_PREF_SIZE);
        row = addRow(grid, row, "organizer.event.currency", currency, l10n);
        row = addRow(grid, row, "organizer.event.contact", Controls.field("eventContact", vm.contactProperty(),
                "organizer.event.contactPrompt", l10n), l10n);
        // claim 70: the organizer may require an attendee name on every ticket of the event
        javafx.scene.control.CheckBox names = new javafx.scene.control.CheckBox();
        names.setId("eventAttendeeNamesRequired");
        names.textProperty().bind(l10n.binding("organizer.event.attendeeNamesRequired"));
        names.selectedProperty().bindBidirectional(vm.attendeeNamesRequiredProperty());
        names.setWrapText(true);
        row = addRow(grid, row, "organizer.event.attendeeNames", names, l10n);
        row = addRow(grid, row, "organizer.event.prices", prices(vm, l10n), l10n);
        addRow(grid, row, "organizer.event.gates", gates(vm), l10n);

        Button create = Controls.mnemonicButton("createEvent", "organizer.event.create", l10n);
        create.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        create.setOnAction(e -> vm.create());
        create.disableProperty().bind(vm.feedback().busyProperty());
        HBox actions = new HBox(create);
        actions.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(12, Controls.title("organizer.event.newTitle", l10n), grid, actions);
        box.getStyleClass().add("organizer-card");
        return box;
    }

    private static int addRow(GridPane grid, int row, String key, javafx.scene.Node field, Localization l10n) {
        Label label = Controls.wholeCaption(key, l10n);
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        label.getStyleClass().add("form-label");
        grid.addRow(row, label, field);
        return row + 1;
    }

    /** One price field per category of the chosen seat map, with the category's colour. */
    private static VBox prices(OrganizerEventsViewModel vm, Localization l10n) {
        VBox rows = new VBox(6);
        rows.setId("eventPrices");
        Label none = Controls.wholeCaption("organizer.event.pricesNone", l10n);
        Runnable fill = () -> {
            rows.getChildren().clear();
            if (vm.prices().isEmpty()) {
                rows.getChildren().add(none);
            }
            for (PriceRow price : vm.prices()) {
                Circle swatch = new Circle(6, Color.web(price.category().color()));
                Label name = new Label(price.category().name());
                name.setMinWidth(110);
                TextField amount = new TextField();
                amount.setId("price-" + price.category().id());
                amount.textProperty().bindBidirectional(price.amount());
                amount.setPrefColumnCount(8);
                Label code = new Label();
                code.setMinWidth(Region.USE_PREF_SIZE);
                code.textProperty().bind(vm.currencyProperty());
                HBox line = new HBox(8, swatch, name, amount, code);
                line.setAlignment(Pos.CENTER_LEFT);
                rows.getChildren().add(line);
            }
        };
        vm.prices().addListener((ListChangeListener<PriceRow>) c -> fill.run());
        fill.run();
        return rows;
    }

    private static FlowPane gates(OrganizerEventsViewModel vm) {
        FlowPane boxes = new FlowPane(12, 6);
        boxes.setId("eventGates");
        vm.gates().addListener((ListChangeListener<GateChoice>) c -> {
            boxes.getChildren().clear();
            for (GateChoice gate : vm.gates()) {
                CheckBox box = new CheckBox(gate.gate().name());
                box.setId("gate-" + gate.gate().id());
                box.selectedProperty().bindBidirectional(gate.chosen());
                boxes.getChildren().add(box);
            }
        });
        return boxes;
    }

    private static TableColumn<EventInfo, String> column(String key, Function<EventInfo, String> text, Localization l10n,
                                                         double width) {
        TableColumn<EventInfo, String> column = new TableColumn<>();
        column.textProperty().bind(l10n.binding(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    void focusTable() {
        table.requestFocus();
    }
}
