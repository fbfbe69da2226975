package dev.tessera.desktop.events;

import atlantafx.base.theme.Styles;
import dev.tessera.designer.availability.AvailabilityView;
import dev.tessera.desktop.ui.Localization;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The Events workspace: the event list on the left; the selected event's service information and live seats on the right. */
public final class EventsView extends SplitPane {
    private static final PseudoClass LIVE = PseudoClass.getPseudoClass("live");
    private final EventsViewModel viewModel;
    private final Localization l10n;
    private final EventTable table;
    private final AvailabilityView seatMap;

    public EventsView(EventsViewModel viewModel, Localization l10n) {
        this.viewModel = viewModel;
        this.l10n = l10n;
        getStyleClass().add("events");
        table = new EventTable(viewModel, l10n);
        seatMap = LiveSeatMap.of(viewModel.seats(), l10n);
        seatMap.setId("seatMap");
        // Events shows the seats; picking them is the counter's work
        seatMap.setOnSeatClicked(seatId -> { });
        getItems().addAll(listPane(), detailsPane());
        setDividerPositions(0.4);
    }

    public void focusEventList() {
        table.requestFocus();
    }

    public AvailabilityView seatMap() {
        return seatMap;
    }

    private VBox listPane() {
        Label title = new Label();
        title.textProperty().bind(l10n.binding("events.list.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label error = new Label();
        error.textProperty().bind(l10n.binding(viewModel.errorProperty()));
        error.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        error.setWrapText(true);
        error.visibleProperty().bind(viewModel.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        VBox pane = new VBox(title, error, table);
        pane.getStyleClass().add("events-list");
        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane.setResizableWithParent(pane, false);
        return pane;
    }

    private ScrollPane detailsPane() {
        ServiceInfoViewModel info = viewModel.serviceInfo();
        Label name = new Label();
        name.setId("eventName");
        name.textProperty().bind(Bindings.when(info.nameProperty().isEmpty())
                .then(l10n.binding("events.none")).otherwise(info.nameProperty()));
        name.getStyleClass().addAll(Styles.TITLE_2, "event-name");
        Label status = new Label();
        status.textProperty().bind(info.statusProperty());
        status.getStyleClass().addAll("badge", "badge-status");
        status.visibleProperty().bind(info.statusProperty().isNotEmpty());
        Label live = new Label();
        live.textProperty().bind(Bindings.when(viewModel.seats().liveProperty())
                .then(l10n.binding("events.seats.live")).otherwise(l10n.binding("events.seats.notLive")));
        live.getStyleClass().add("badge");
        viewModel.seats().liveProperty().addListener((obs, old, on) -> live.pseudoClassStateChanged(
                LIVE, on));
        live.visibleProperty().bind(viewModel.seats().seatMapProperty().isNotNull());
        HBox header = new HBox(name, status, live);
        header.getStyleClass().add("details-header");
        header.setAlignment(Pos.CENTER_LEFT);

        VBox infoCard = new VBox(sectionTitle("events.info.title"), new ServiceInfoView(info, l10n));
        infoCard.getStyleClass().add("card");
        infoCard.visibleProperty().bind(viewModel.selectedProperty().isNotNull());
        infoCard.managedProperty().bind(infoCard.visibleProperty());

        HBox seatsBody = new HBox(seatArea(), new AvailabilityPanel(viewModel.seats(), l10n));
        seatsBody.getStyleClass().add("seats-body");
        VBox seatsCard = new VBox(sectionTitle("events.seats.title"), seatsBody);
        seatsCard.getStyleClass().add("card");
        VBox.setVgrow(seatsBody, Priority.ALWAYS);

        VBox details = new VBox(header, infoCard, seatsCard);
        details.getStyleClass().add("event-details");
        VBox.setVgrow(seatsCard, Priority.ALWAYS);
        ScrollPane scroll = new ScrollPane(details);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("details-scroll");
        // Tab goes from the event list to the header's buttons, not into an empty scroll pane
        scroll.setFocusTraversable(false);
        return scroll;
    }

    /** The seat map, with what to say while it loads or cannot be shown. */
    private StackPane seatArea() {
        ProgressIndicator busy = new ProgressIndicator();
        busy.getStyleClass().add("seats-busy");
        busy.visibleProperty().bind(viewModel.seats().loadingProperty());
        Label message = new Label();
        message.setId("seatMessage");
        message.textProperty().bind(l10n.binding(viewModel.seats().messageProperty()));
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.setWrapText(true);
        VBox overlay = new VBox(busy, message);
        overlay.setAlignment(Pos.CENTER);
        overlay.getStyleClass().add("seats-overlay");
        overlay.visibleProperty().bind(viewModel.seats().messageProperty().isNotNull());
        overlay.setMouseTransparent(true);
        StackPane area = new StackPane(seatMap, overlay);
        area.getStyleClass().add("seat-area");
        area.setMinSize(320, 260);
        HBox.setHgrow(area, Priority.ALWAYS);
        return area;
    }

    private Region sectionTitle(String key) {
        Label title = new Label();
        title.textProperty().bind(l10n.binding(key));
        title.getStyleClass().addAll(Styles.TITLE_4, "card-title");
        return title;
    }
}
