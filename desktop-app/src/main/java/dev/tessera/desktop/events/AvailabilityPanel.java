package dev.tessera.desktop.events;

import atlantafx.base.theme.Styles;
import dev.tessera.designer.availability.AvailabilityView;
import dev.tessera.designer.availability.SeatStatus;
import dev.tessera.desktop.ui.Localization;
import java.text.NumberFormat;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/**
 * Seat counts per category (free, held, sold, blocked, with totals) and the seat map's legend, its swatches in the
 * colours the map draws with ({@link SeatStatus#color()}, {@link AvailabilityView#OWN_COLOR}).
 */
final class AvailabilityPanel extends VBox {
    private static final double SWATCH_RADIUS = 6;

    private final SeatAvailabilityViewModel seats;
    private final Localization l10n;
    private final GridPane counts = new GridPane();
    private final HBox freeSwatches = new HBox();

    AvailabilityPanel(SeatAvailabilityViewModel seats, Localization l10n) {
        this.seats = seats;
        this.l10n = l10n;
        getStyleClass().add("availability");
        // as wide as its longest category name and column header, in either language; the seat map takes the rest
        setMinWidth(USE_PREF_SIZE);
        Label title = new Label();
        title.textProperty().bind(l10n.binding("events.seats.counts"));
        title.getStyleClass().add(Styles.TITLE_4);
        counts.setId("availabilityCounts");
        counts.getStyleClass().add("counts");
        freeSwatches.getStyleClass().add("free-swatches");
        seats.categories().addListener((ListChangeListener<CategoryAvailability>) c -> rebuild());
        rebuild();

        Label legendTitle = new Label();
        legendTitle.textProperty().bind(l10n.binding("events.seats.legend"));
        legendTitle.getStyleClass().add(Styles.TITLE_4);
        VBox legend = new VBox(
                legendItem(freeSwatches, "events.seats.legend.free"),
                legendItem(swatch(SeatStatus.HELD), "events.seats.legend.held"),
                legendItem(swatch(SeatStatus.SOLD), "events.seats.legend.sold"),
                legendItem(swatch(SeatStatus.BLOCKED), "events.seats.legend.blocked"),
                legendItem(ring(AvailabilityView.OWN_COLOR, "own"), "events.seats.legend.own"));
        legend.getStyleClass().add("legend");
        getChildren().addAll(title, counts, legendTitle, legend);
    }

    private void rebuild() {
        freeSwatches.getChildren().setAll(seats.categories().stream()
                .map(c -> new Circle(SWATCH_RADIUS, Color.web(c.color()))).toList());
        if (freeSwatches.getChildren().isEmpty()) {
            Circle free = new Circle(SWATCH_RADIUS);
            free.getStyleClass().addAll("seat-swatch", "free");
            freeSwatches.getChildren().add(free);
        }
        counts.getChildren().clear();
        counts.getColumnConstraints().clear();
        ColumnConstraints name = new ColumnConstraints();
        name.setHgrow(Priority.ALWAYS);
        name.setMinWidth(USE_PREF_SIZE);
        counts.getColumnConstraints().add(name);
        for (int i = 0; i < 4; i++) {
            ColumnConstraints number = new ColumnConstraints();
            number.setHalignment(HPos.RIGHT);
            number.setMinWidth(USE_PREF_SIZE);
            counts.getColumnConstraints().add(number);
        }
        List<String> headers = List.of("events.seats.category", "events.seats.free", "events.seats.held",
                "events.seats.sold", "events.seats.blocked");
        for (int c = 0; c < headers.size(); c++) {
            Label header = new Label();
            header.textProperty().bind(l10n.binding(headers.get(c)));
            header.getStyleClass().add("counts-header");
            counts.add(header, c, 0);
        }
        List<CategoryAvailability> rows = seats.categories();
        for (int r = 0; r < rows.size(); r++) {
            CategoryAvailability row = rows.get(r);
            Circle swatch = new Circle(SWATCH_RADIUS, Color.web(row.color()));
            Label categoryName = new Label(row.name(), swatch);
            categoryName.getStyleClass().add("counts-name");
            counts.add(categoryName, 0, r + 1);
            addNumber(row.freeProperty(), 1, r + 1, "counts-free", row.categoryId());
            addNumber(row.heldProperty(), 2, r + 1, "counts-held", row.categoryId());
            addNumber(row.soldProperty(), 3, r + 1, "counts-sold", row.categoryId());
            addNumber(row.blockedProperty(), 4, r + 1, "counts-blocked", row.categoryId());
        }
        if (!rows.isEmpty()) {
            int total = rows.size() + 1;
            Label label = new Label();
            label.textProperty().bind(l10n.binding("events.seats.total"));
            label.getStyleClass().addAll("counts-total", "counts-name");
            counts.add(label, 0, total);
            addNumber(sum(rows, CategoryAvailability::freeProperty), 1, total, "counts-total", null);
            addNumber(sum(rows, CategoryAvailability::heldProperty), 2, total, "counts-total", null);
            addNumber(sum(rows, CategoryAvailability::soldProperty), 3, total, "counts-total", null);
            addNumber(sum(rows, CategoryAvailability::blockedProperty), 4, total, "counts-total", null);
        }
    }

    private void addNumber(ObservableIntegerValue value, int column, int row, String style, String categoryId) {
        Label number = new Label();
        number.textProperty().bind(Bindings.createStringBinding(
                () -> NumberFormat.getIntegerInstance(l10n.getLocale()).format(value.get()),
                value, l10n.localeProperty()));
        number.getStyleClass().addAll("counts-number", style);
        if (categoryId != null) {
            number.setId(style + "-" + categoryId);
        }
        counts.add(number, column, row);
    }

    private static IntegerBinding sum(List<CategoryAvailability> rows,
                                      Function<CategoryAvailability, ObservableIntegerValue> property) {
        ObservableIntegerValue[] values = rows.stream().map(property).toArray(ObservableIntegerValue[]::new);
        return Bindings.createIntegerBinding(() -> {
            int total = 0;
            for (ObservableIntegerValue v : values) {
                total += v.get();
            }
            return total;
        }, values);
    }

    private static Circle swatch(SeatStatus status) {
        Circle c = new Circle(SWATCH_RADIUS, argb(status.color()));
        c.getStyleClass().addAll("seat-swatch", status.name().toLowerCase(java.util.Locale.ROOT));
        return c;
    }

    /** A ring like the one the map draws around a marked seat. */
    static Circle ring(int color, String style) {
        Circle c = new Circle(SWATCH_RADIUS - 1, Color.TRANSPARENT);
        c.setStroke(argb(color));
        c.setStrokeWidth(2);
        c.getStyleClass().addAll("seat-swatch", style);
        return c;
    }

    private static Color argb(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF);
    }

    private HBox legendItem(Node swatch, String key) {
        Label text = new Label();
        text.textProperty().bind(l10n.binding(key));
        HBox item = new HBox(swatch, text);
        item.getStyleClass().add("legend-item");
        item.setAlignment(Pos.CENTER_LEFT);
        return item;
    }
}
