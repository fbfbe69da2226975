package dev.tessera.desktop.events;

import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.GeneralAdmissionArea;
import dev.tessera.core.seatmap.Point;
import dev.tessera.core.seatmap.Row;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.Section;
import dev.tessera.desktop.ui.Localization;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The event's seat map on a canvas scaled to fit: one disc per seat, coloured by status. Live
 * changes repaint only the changed seats. Colours other than the categories' come from CSS
 * ({@code -tessera-held-color} and friends on {@code .seat-map}).
 */
public final class SeatMapView extends Region {
    private static final StyleablePropertyFactory<SeatMapView> CSS = new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    private static final double PADDING = 16;
    private static final double RING = 1.6;

    private final StyleableObjectProperty<Paint> heldColor =
            (StyleableObjectProperty<Paint>) CSS.createStyleablePaintProperty(this, "heldColor", "-tessera-held-color", v -> v.heldColor, Color.web("#d4a72c"));
    private final StyleableObjectProperty<Paint> soldColor =
            (StyleableObjectProperty<Paint>) CSS.createStyleablePaintProperty(this, "soldColor", "-tessera-sold-color", v -> v.soldColor, Color.web("#afb8c1"));
    private final StyleableObjectProperty<Paint> blockedColor =
            (StyleableObjectProperty<Paint>) CSS.createStyleablePaintProperty(this, "blockedColor", "-tessera-blocked-color", v -> v.blockedColor, Color.web("#32383f"));
    private final StyleableObjectProperty<Paint> unknownColor =
            (StyleableObjectProperty<Paint>) CSS.createStyleablePaintProperty(this, "unknownColor", "-tessera-unknown-color", v -> v.unknownColor, Color.web("#eaeef2"));
    private final StyleableObjectProperty<Paint> ownColor =
            (StyleableObjectProperty<Paint>) CSS.createStyleablePaintProperty(this, "ownColor", "-tessera-own-color", v -> v.ownColor, Color.web("#0969da"));
    private final StyleableObjectProperty<Paint> stageColor =
            (StyleableObjectProperty<Paint>) CSS.createStyleablePaintProperty(this, "stageColor", "-tessera-stage-color", v -> v.stageColor, Color.web("#d0d7de"));
    private final StyleableObjectProperty<Paint> labelColor =
            (StyleableObjectProperty<Paint>) CSS.createStyleablePaintProperty(this, "labelColor", "-tessera-label-color", v -> v.labelColor, Color.web("#57606a"));

    private final StyleableObjectProperty<Paint> pickedColor =
            (StyleableObjectProperty<Paint>) CSS.createStyleablePaintProperty(this, "pickedColor", "-tessera-picked-color", v -> v.pickedColor, Color.web("#1f2328"));

    private final SeatAvailabilityViewModel viewModel;
    private Set<String> marked = Set.of();
    private final Localization l10n;
    // two layers: live repaints clear and redraw seats only, never the stage or the labels underneath
    private final Canvas background = new Canvas();
    private final Canvas canvas = new Canvas();
    private final Map<String, Color> categoryColors = new HashMap<>();
    private SeatMapGeometry geometry;
    private SeatBuckets buckets;

    public SeatMapView(SeatAvailabilityViewModel viewModel, Localization l10n) {
        this.viewModel = viewModel;
        this.l10n = l10n;
        getStyleClass().add("seat-map");
        getChildren().addAll(background, canvas);
        viewModel.seatMapProperty().addListener((obs, old, now) -> redrawAll());
        viewModel.addSeatsChangedListener(this::redraw);
        l10n.localeProperty().addListener((obs, old, now) -> redrawAll());
        for (StyleableObjectProperty<Paint> p : List.of(heldColor, soldColor, blockedColor, unknownColor, ownColor,
                stageColor, labelColor, pickedColor)) {
            p.addListener((obs, old, now) -> redrawAll());
        }
    }

    /** Clicks on a seat report its id (the counter picks seats this way). */
    public void setOnSeatPicked(java.util.function.Consumer<String> picked) {
        setOnMouseClicked(e -> seatAt(e.getX(), e.getY()).ifPresent(picked));
    }

    /** Seats drawn with a dark ring: the counter's picked or held seats. */
    public void setMarked(Set<String> seatIds) {
        Set<String> changed = new LinkedHashSet<>(marked);
        changed.addAll(seatIds);
        marked = Set.copyOf(seatIds);
        redraw(changed);
    }

    /** The seat under a point of this view, if any. */
    public java.util.Optional<String> seatAt(double x, double y) {
        SeatMap map = viewModel.seatMapProperty().get();
        if (geometry == null || map == null) {
            return java.util.Optional.empty();
        }
        double reach = reach() + 1;
        return buckets.near(x - reach, y - reach, 2 * reach, 2 * reach, reach).stream()
                .filter(s -> Math.hypot(geometry.x(s.x()) - x, geometry.y(s.y()) - y) <= reach)
                .min(java.util.Comparator.comparingDouble(s -> Math.hypot(geometry.x(s.x()) - x, geometry.y(s.y()) - y)))
                .map(Seat::id);
    }

    /** Where a seat is drawn, in this view's coordinates (tests click there). */
    public java.util.Optional<javafx.geometry.Point2D> seatCenter(String seatId) {
        SeatMap map = viewModel.seatMapProperty().get();
        if (geometry == null || map == null) {
            return java.util.Optional.empty();
        }
        return map.seat(seatId).map(s -> new javafx.geometry.Point2D(geometry.x(s.x()), geometry.y(s.y())));
    }

    public SeatAvailabilityViewModel viewModel() {
        return viewModel;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            for (Canvas c : List.of(background, canvas)) {
                c.setWidth(w);
                c.setHeight(h);
            }
            redrawAll();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 480;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 360;
    }

    private void redrawAll() {
        GraphicsContext back = background.getGraphicsContext2D();
        GraphicsContext g = canvas.getGraphicsContext2D();
        back.clearRect(0, 0, background.getWidth(), background.getHeight());
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        SeatMap map = viewModel.seatMapProperty().get();
        if (map == null || canvas.getWidth() < 1 || canvas.getHeight() < 1) {
            geometry = null;
            buckets = null;
            return;
        }
        geometry = SeatMapGeometry.fit(map, canvas.getWidth(), canvas.getHeight(), PADDING);
        buckets = new SeatBuckets(map.seats(), geometry, 2 * reach());
        categoryColors.clear();
        for (Category c : map.categories()) {
            categoryColors.put(c.id(), Color.web(c.color()));
        }
        drawStage(back, map);
        for (GeneralAdmissionArea area : map.areas()) {
            drawArea(back, area);
        }
        drawSectionLabels(back, map);
        for (Seat seat : map.seats()) {
            drawSeat(g, seat);
        }
    }

    /** How far a seat's pixels reach from its centre: disc, ring and anti-aliasing. */
    private double reach() {
        return geometry.seatRadius() + RING + 1;
    }

    /** Clears each changed seat's square and redraws every seat that square touches, neighbours included. */
    private void redraw(Set<String> seatIds) {
        SeatMap map = viewModel.seatMapProperty().get();
        if (geometry == null || map == null) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        double half = reach();
        Set<Seat> touched = new LinkedHashSet<>();
        for (String id : seatIds) {
            map.seat(id).ifPresent(seat -> {
                double x = geometry.x(seat.x()) - half;
                double y = geometry.y(seat.y()) - half;
                g.clearRect(x, y, 2 * half, 2 * half);
                touched.addAll(buckets.near(x, y, 2 * half, 2 * half, half));
            });
        }
        touched.forEach(seat -> drawSeat(g, seat));
    }

    private void drawSeat(GraphicsContext g, Seat seat) {
        double r = geometry.seatRadius();
        double x = geometry.x(seat.x());
        double y = geometry.y(seat.y());
        SeatStatus status = viewModel.status(seat.id());
        Paint fill = status == null ? unknownColor.get() : switch (status) {
            case FREE -> categoryColors.getOrDefault(seat.categoryId(), Color.GRAY);
            case HELD -> heldColor.get();
            case SOLD -> soldColor.get();
            case BLOCKED -> blockedColor.get();
        };
        g.setFill(fill);
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        if (viewModel.isAllocatedToYou(seat.id())) {
            g.setStroke(ownColor.get());
            g.setLineWidth(Math.min(RING, r * 0.6));
            double ring = r + g.getLineWidth() / 2;
            g.strokeOval(x - ring, y - ring, 2 * ring, 2 * ring);
        }
        if (marked.contains(seat.id())) {
            g.setStroke(pickedColor.get());
            g.setLineWidth(Math.min(2.2, r * 0.7));
            double ring = r + g.getLineWidth() / 2;
            g.strokeOval(x - ring, y - ring, 2 * ring, 2 * ring);
        }
    }

    /** The stage or field: what the seats face. */
    private void drawStage(GraphicsContext g, SeatMap map) {
        double width = Math.max(60, canvas.getWidth() * 0.22);
        double height = Math.max(18, geometry.pitch() * geometry.scale() * 1.4);
        double cx = geometry.x(map.focalPoint().x());
        double cy = geometry.y(map.focalPoint().y()) - height / 2;
        g.setFill(stageColor.get());
        g.fillRoundRect(cx - width / 2, cy - height / 2, width, height, 8, 8);
        g.setFill(labelColor.get());
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(l10n.text("events.seats.stage"), cx, cy);
    }

    private void drawArea(GraphicsContext g, GeneralAdmissionArea area) {
        List<Point> outline = area.outline();
        double[] xs = outline.stream().mapToDouble(p -> geometry.x(p.x())).toArray();
        double[] ys = outline.stream().mapToDouble(p -> geometry.y(p.y())).toArray();
        Color c = categoryColors.getOrDefault(area.categoryId(), Color.GRAY);
        g.setFill(c.deriveColor(0, 1, 1, 0.25));
        g.fillPolygon(xs, ys, xs.length);
        g.setStroke(c);
        g.setLineWidth(1);
        g.strokePolygon(xs, ys, xs.length);
    }

    /** Each section's name above its first row's middle seat. */
    private void drawSectionLabels(GraphicsContext g, SeatMap map) {
        g.setFill(labelColor.get());
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        for (Section section : map.sections()) {
            if (section.rows().isEmpty() || section.rows().getFirst().seats().isEmpty()) {
                continue;
            }
            Row first = section.rows().getFirst();
            Seat middle = first.seats().get(first.seats().size() / 2);
            g.fillText(section.name(), geometry.x(middle.x()), geometry.y(middle.y()) - geometry.seatRadius() - 4);
        }
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
