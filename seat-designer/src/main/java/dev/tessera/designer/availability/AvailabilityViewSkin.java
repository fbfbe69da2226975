package dev.tessera.designer.availability;

import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.GeneralAdmissionArea;
import dev.tessera.core.seatmap.Point;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.designer.geometry.IntList;
import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.render.Colors;
import dev.tessera.designer.render.PlanNavigator;
import dev.tessera.designer.render.PlanSurface;
import dev.tessera.designer.render.PlanViewport;
import dev.tessera.designer.render.SeatLayer;
import dev.tessera.designer.render.StatusAnimator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.TextAlignment;

/** The availability view's look: the plan, the legend with counts, count tables and best-available. */
public class AvailabilityViewSkin extends SkinBase<AvailabilityView> {
    /** Counts of one category or section, one column per status. */
    public record CountRow(String name, int[] counts) {}

    private final SeatLayer layer = new SeatLayer();
    private final PlanSurface surface = new PlanSurface(layer) {
        @Override
        protected void onResized(int width, int height) {
            // the plan fills its canvas: fitted again on every resize until the user zooms or pans
            if (board != null && (!fitted || navigator.isFitted())) {
                fitted = true;
                navigator.fit();
            }
        }
    };
    private final PlanNavigator navigator = new PlanNavigator(surface, this::planBounds);
    private final StatusAnimator animator = new StatusAnimator(layer);
    private final GridPane legend = new GridPane();
    private final TableView<CountRow> byCategory = new TableView<>();
    private final TableView<CountRow> bySection = new TableView<>();
    private final Label selectionLabel = new Label();
    private final Label bestMessage = new Label();
    private final Spinner<Integer> bestCount = new Spinner<>(1, 20, 2);
    private final ComboBox<Category> bestCategory = new ComboBox<>();
    private final Consumer<int[]> onChanges = this::statusesChanged;
    // the view's properties and sets outlive a skin (a language switch puts a new one on): dispose removes these
    private final javafx.beans.value.ChangeListener<String> stageLabelListener = (obs, old, now) -> surface.requestOverlay();
    private final javafx.collections.MapChangeListener<String, AreaLevel> areaLevelsListener = c -> surface.requestOverlay();
    private final SetChangeListener<String> marksListener = this::marksChanged;
    private final javafx.beans.value.ChangeListener<AvailabilityBoard> boardListener = (obs, old, now) -> show(now);
    private final SetChangeListener<String> selectionListener = this::selectionChanged;
    private final IntList animationScratch = new IntList();
    private AvailabilityBoard board;
    private Label[] legendCounts;
    private int[] categoryColors = new int[0];
    private boolean fitted;
    private List<double[]> lasso;
    private double pressX;
    private double pressY;
    private boolean pressed;
    private VBox side;
    private final BorderPane root;
    /** The time status animations start and step on (not the pulse's), so that a test can set it by hand. */
    private LongSupplier animationClock = System::nanoTime;

    private final AnimationTimer animation = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (!animator.isRunning()) {
                stop();
                return;
            }
            animationScratch.clear();
            animator.step(animationClock.getAsLong(), animationScratch);
            surface.requestSeats(animationScratch.toArray());
        }
    };

    private final AnimationTimer countsTimer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            refreshCounts();
        }
    };

    public AvailabilityViewSkin(AvailabilityView view) {
        super(view);
        surface.addOverlayPainter(this::paintOverlay);
        surface.setRasterBackground(0xFFF7F8FA);
        surface.setOnMousePressed(this::onPressed);
        surface.setOnMouseDragged(this::onDragged);
        surface.setOnMouseReleased(this::onReleased);
        surface.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                view.getSelectedSeatIds().clear();
                e.consume();
            }
        });
        surface.setAccessibleText(Messages.get("availability.plan"));
        navigator.setFitMargin(AvailabilityView.FIT_MARGIN);
        layer.setEmphasisColor(AvailabilityView.MARK_COLOR);
        layer.setOwnColor(AvailabilityView.OWN_COLOR);

        root = new BorderPane(surface);
        side = sidePanel();
        root.rightProperty().bind(javafx.beans.binding.Bindings.when(view.sidePanelVisibleProperty())
                .then((javafx.scene.Node) side).otherwise((javafx.scene.Node) null));
        getChildren().add(root);
        view.stageLabelProperty().addListener(stageLabelListener);
        view.getAreaLevels().addListener(areaLevelsListener);
        view.getMarkedSeatIds().addListener(marksListener);
        view.getOwnSeatIds().addListener(marksListener);

        view.addChangeListener(onChanges);
        view.boardProperty().addListener(boardListener);
        view.getSelectedSeatIds().addListener(selectionListener);
        show(view.getBoard());
    }

    /** The plan node, for benchmarks and tests that drive the renderer directly. */
    public PlanSurface surface() {
        return surface;
    }

    public PlanNavigator navigator() {
        return navigator;
    }

    public SeatLayer layer() {
        return layer;
    }

    /** How far from a seat's centre a click still picks it, in screen pixels: half the pitch, at least 8. */
    double hitTolerance() {
        double scale = surface.viewport().scale();
        double pitch = board == null ? 0 : board.seatPitch() * scale;
        return Math.max(AvailabilityView.MIN_HIT_PIXELS, Math.max(pitch / 2, layer.diameter() * scale / 2));
    }

    double seatDiameterPixels() {
        return layer.diameter() * surface.viewport().scale();
    }

    /** The seat nearest a point of the surface within the hit tolerance, or -1. */
    private int seatNear(double x, double y) {
        if (board == null || layer.count() == 0) {
            return -1;
        }
        PlanViewport v = surface.viewport();
        return layer.grid().nearest(v.toPlanX(x), v.toPlanY(y), hitTolerance() / v.scale());
    }

    java.util.Optional<String> seatAt(AvailabilityView view, double x, double y) {
        javafx.geometry.Point2D p = surface.sceneToLocal(view.localToScene(x, y));
        int seat = p == null ? -1 : seatNear(p.getX(), p.getY());
        return seat < 0 ? java.util.Optional.empty() : java.util.Optional.of(board.map().seats().get(seat).id());
    }

    java.util.Optional<String> areaAt(AvailabilityView view, double x, double y) {
        javafx.geometry.Point2D p = surface.sceneToLocal(view.localToScene(x, y));
        return p == null ? java.util.Optional.empty() : areaNear(p.getX(), p.getY());
    }

    /** The standing area whose outline holds this point of the surface (even-odd rule, in plan coordinates). */
    private java.util.Optional<String> areaNear(double x, double y) {
        if (board == null) {
            return java.util.Optional.empty();
        }
        PlanViewport v = surface.viewport();
        double px = v.toPlanX(x);
        double py = v.toPlanY(y);
        for (GeneralAdmissionArea area : board.map().areas()) {
            List<Point> outline = area.outline();
            boolean inside = false;
            for (int i = 0, j = outline.size() - 1; i < outline.size(); j = i++) {
                Point a = outline.get(i);
                Point b = outline.get(j);
                if ((a.y() > py) != (b.y() > py) && px < (b.x() - a.x()) * (py - a.y()) / (b.y() - a.y()) + a.x()) {
                    inside = !inside;
                }
            }
            if (inside) {
                return java.util.Optional.of(area.id());
            }
        }
        return java.util.Optional.empty();
    }

    java.util.Optional<javafx.geometry.Point2D> areaCentre(AvailabilityView view, String areaId) {
        if (board == null) {
            return java.util.Optional.empty();
        }
        PlanViewport v = surface.viewport();
        return board.map().areas().stream().filter(a -> a.id().equals(areaId)).findFirst().map(area -> {
            double x = area.outline().stream().mapToDouble(Point::x).average().orElse(0);
            double y = area.outline().stream().mapToDouble(Point::y).average().orElse(0);
            return view.sceneToLocal(surface.localToScene(v.toScreenX(x), v.toScreenY(y)));
        });
    }

    java.util.Optional<javafx.geometry.Point2D> seatCentre(AvailabilityView view, String seatId) {
        int seat = board == null ? -1 : board.indexOf(seatId);
        if (seat < 0) {
            return java.util.Optional.empty();
        }
        PlanViewport v = surface.viewport();
        return java.util.Optional.of(view.sceneToLocal(surface.localToScene(v.toScreenX(layer.x(seat)),
                v.toScreenY(layer.y(seat)))));
    }

    /** Tests only: status animations start and advance on this clock's nanoseconds instead of System.nanoTime. */
    void setAnimationClock(LongSupplier clock) {
        animationClock = clock;
    }

    /** Whether a status animation has not yet reached its end. */
    boolean isAnimating() {
        return animator.isRunning();
    }

    @Override
    public void dispose() {
        AvailabilityView view = getSkinnable();
        view.removeChangeListener(onChanges);
        view.stageLabelProperty().removeListener(stageLabelListener);
        view.getAreaLevels().removeListener(areaLevelsListener);
        view.getMarkedSeatIds().removeListener(marksListener);
        view.getOwnSeatIds().removeListener(marksListener);
        view.boardProperty().removeListener(boardListener);
        view.getSelectedSeatIds().removeListener(selectionListener);
        // the next skin's look replaces this one's (a skin adds its nodes to the view as it is made)
        root.rightProperty().unbind();
        getChildren().remove(root);
        animation.stop();
        countsTimer.stop();
        super.dispose();
    }

    private VBox sidePanel() {
        legend.getStyleClass().add("availability-legend");
        legend.setHgap(8);
        legend.setVgap(4);

        bestCount.setEditable(true);
        bestCount.setPrefWidth(80);
        bestCount.setAccessibleText(Messages.get("availability.best.count"));
        bestCategory.setAccessibleText(Messages.get("availability.best.category"));
        bestCategory.setCellFactory(list -> new CategoryCell());
        bestCategory.setButtonCell(new CategoryCell());
        Button find = new Button(Messages.get("availability.best.find"));
        find.setDefaultButton(false);
        find.setOnAction(e -> findBest());
        HBox bestRow = new HBox(6, bestCount, bestCategory, find);
        Label bestTitle = new Label(Messages.get("availability.best.title"));
        bestTitle.getStyleClass().add("title");
        bestMessage.setWrapText(true);

        setUpTable(byCategory, Messages.get("availability.column.category"));
        setUpTable(bySection, Messages.get("availability.column.section"));
        TabPane tables = new TabPane(new Tab(Messages.get("availability.tab.categories"), byCategory),
                new Tab(Messages.get("availability.tab.sections"), bySection));
        tables.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tables, Priority.ALWAYS);

        Label legendTitle = new Label(Messages.get("availability.legend"));
        legendTitle.getStyleClass().add("title");
        VBox side = new VBox(8, legendTitle, legend, bestTitle, bestRow, bestMessage, selectionLabel, tables);
        side.getStyleClass().add("side-panel");
        side.setPadding(new Insets(10));
        side.setPrefWidth(420);
        return side;
    }

    private void setUpTable(TableView<CountRow> table, String firstColumn) {
        TableColumn<CountRow, String> name = new TableColumn<>(firstColumn);
        name.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().name()));
        table.getColumns().add(name);
        for (SeatStatus status : SeatStatus.values()) {
            TableColumn<CountRow, Number> column = new TableColumn<>(Messages.get(status.messageKey() + ".short"));
            column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyIntegerWrapper(c.getValue().counts()[status.ordinal()]));
            column.setStyle("-fx-alignment: CENTER-RIGHT;");
            table.getColumns().add(column);
        }
        // every header whole: the columns keep the width of their words, and the table scrolls sideways when the
        // panel is narrower than all of them (squeezing them cut "Allocated" to "All...")
        for (TableColumn<CountRow, ?> column : table.getColumns()) {
            column.setMinWidth(headerWidth(column.getText()));
            column.setPrefWidth(Math.max(column.getMinWidth(), 56));
        }
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label(""));
        table.setPrefHeight(260);
        name.setPrefWidth(Math.max(name.getMinWidth(), 110));
    }

    /** The width a column header needs for its words in bold, with the header's padding and sort-arrow room. */
    private static double headerWidth(String text) {
        javafx.scene.text.Text words = new javafx.scene.text.Text(text);
        javafx.scene.text.Font font = javafx.scene.text.Font.getDefault();
        words.setFont(javafx.scene.text.Font.font(font.getFamily(), javafx.scene.text.FontWeight.BOLD, font.getSize() + 1));
        return Math.ceil(words.getLayoutBounds().getWidth()) + 26;
    }

    private void show(AvailabilityBoard newBoard) {
        board = newBoard;
        animator.reset();
        if (newBoard == null) {
            layer.setSeats(new float[0], new float[0], new int[0], 0);
            surface.requestFullRedraw();
            return;
        }
        SeatMap map = newBoard.map();
        categoryColors = new int[map.categories().size()];
        for (int c = 0; c < categoryColors.length; c++) {
            categoryColors[c] = Colors.argb(map.categories().get(c).color());
        }
        List<Seat> seats = map.seats();
        int n = seats.size();
        float[] xs = new float[n];
        float[] ys = new float[n];
        int[] fills = new int[n];
        for (int i = 0; i < n; i++) {
            xs[i] = (float) seats.get(i).x();
            ys[i] = (float) seats.get(i).y();
            fills[i] = fillOf(i);
        }
        layer.setSeats(xs, ys, fills, n);
        // discs a little smaller than the pitch: as large as the plan allows, with a gap between neighbours
        layer.setDiameter(Math.clamp(newBoard.seatPitch() * 0.92, 20, 90));
        for (int i = 0; i < n; i++) {
            layer.setMarks(i, marksOf(seats.get(i).id()));
        }
        animator.reset();
        legendCounts = null;
        bestCategory.setItems(FXCollections.observableArrayList(map.categories()));
        if (!map.categories().isEmpty()) {
            bestCategory.getSelectionModel().select(0);
        }
        fitted = false;
        if (surface.getWidth() > 0) {
            fitted = true;
            navigator.fit();
        }
        surface.requestFullRedraw();
        refreshCounts();
        refreshSelectionLabel();
    }

    /** Seats, standing areas and the focal point (its marker is within the fit margin): what "fit" shows. */
    private double[] planBounds() {
        double[] b = layer.count() > 0 ? layer.bounds() : new double[] {-1000, -1000, 1000, 1000};
        if (board != null) {
            SeatMap map = board.map();
            List<Point> points = new ArrayList<>();
            points.add(map.focalPoint());
            map.areas().forEach(a -> points.addAll(a.outline()));
            for (Point p : points) {
                b = new double[] {Math.min(b[0], p.x()), Math.min(b[1], p.y()), Math.max(b[2], p.x()), Math.max(b[3], p.y())};
            }
        }
        return b;
    }

    /** The colour a seat is drawn with for its current status. */
    int fillOf(int seat) {
        SeatStatus status = board.status(seat);
        return status == SeatStatus.FREE ? categoryColors[board.categoryOf(seat)] : status.color();
    }

    private void statusesChanged(int[] seats) {
        long now = animationClock.getAsLong();
        boolean animate = getSkinnable().isAnimated();
        for (int seat : seats) {
            int fill = fillOf(seat);
            if (animate) {
                animator.animate(seat, layer.fill(seat), fill, now);
            } else {
                layer.setFill(seat, fill);
            }
        }
        if (animate) {
            animation.start();
        }
        surface.requestSeats(seats);
        // counts and tables follow once per frame, however many batches arrive in it
        countsTimer.start();
    }

    private void refreshCounts() {
        if (board == null) {
            legend.getChildren().clear();
            byCategory.getItems().clear();
            bySection.getItems().clear();
            return;
        }
        if (legendCounts == null) {
            buildLegend();
        }
        for (SeatStatus status : SeatStatus.values()) {
            legendCounts[status.ordinal()].setText(Messages.get("availability.count", board.count(status)));
        }
        SeatMap map = board.map();
        List<CountRow> categories = new ArrayList<>();
        for (int c = 0; c < map.categories().size(); c++) {
            int[] counts = new int[SeatStatus.values().length];
            for (SeatStatus s : SeatStatus.values()) {
                counts[s.ordinal()] = board.countInCategory(c, s);
            }
            categories.add(new CountRow(map.categories().get(c).name(), counts));
        }
        byCategory.getItems().setAll(categories);
        List<CountRow> sections = new ArrayList<>();
        for (int s = 0; s < map.sections().size(); s++) {
            int[] counts = new int[SeatStatus.values().length];
            for (SeatStatus status : SeatStatus.values()) {
                counts[status.ordinal()] = board.countInSection(s, status);
            }
            sections.add(new CountRow(map.sections().get(s).name(), counts));
        }
        bySection.getItems().setAll(sections);
    }

    /** The legend's swatches and names are built once per seat map; only the counts change. */
    private void buildLegend() {
        legend.getChildren().clear();
        legendCounts = new Label[SeatStatus.values().length];
        int row = 0;
        for (SeatStatus status : SeatStatus.values()) {
            Rectangle swatch = new Rectangle(14, 14);
            swatch.setArcWidth(14);
            swatch.setArcHeight(14);
            if (status == SeatStatus.FREE) {
                swatch.setFill(categoryColors.length > 0 ? Colors.fx(categoryColors[0]) : Color.GRAY);
            } else {
                swatch.setFill(Colors.fx(status.color()));
            }
            Label name = new Label(Messages.get(status.messageKey()));
            Label count = new Label();
            count.setTextAlignment(TextAlignment.RIGHT);
            count.getStyleClass().add("count-" + status.name().toLowerCase(java.util.Locale.ROOT));
            legendCounts[status.ordinal()] = count;
            legend.addRow(row++, swatch, name, count);
        }
    }

    private void findBest() {
        Category category = bestCategory.getValue();
        Integer count = bestCount.getValue();
        BestAvailable.Result result = getSkinnable().selectBestAvailable(count == null ? 1 : count,
                category == null ? null : category.id());
        if (result.isEmpty()) {
            bestMessage.setText(Messages.get("availability.best.none", count));
        } else if (!result.together()) {
            bestMessage.setText(Messages.get("availability.best.apart", result.seats().size()));
        } else if (result.leavesStrandedSeat()) {
            bestMessage.setText(Messages.get("availability.best.stranded", result.seats().size()));
        } else {
            Seat first = board.map().seats().get(result.seats().getFirst());
            String row = board.map().rowOf(first.id()).map(r -> r.label()).orElse("?");
            String section = board.map().sectionOf(first.id()).map(s -> s.name()).orElse("?");
            bestMessage.setText(Messages.get("availability.best.found", result.seats().size(), section, row));
            Seat last = board.map().seats().get(result.seats().getLast());
            PlanViewport v = surface.viewport();
            double cx = (first.x() + last.x()) / 2;
            double cy = (first.y() + last.y()) / 2;
            double sx = v.toScreenX(cx);
            double sy = v.toScreenY(cy);
            if (sx < 0 || sy < 0 || sx > surface.getWidth() || sy > surface.getHeight()) {
                navigator.centreOn(cx, cy);
            }
        }
    }

    private void selectionChanged(SetChangeListener.Change<? extends String> change) {
        marksChanged(change);
        refreshSelectionLabel();
    }

    private void marksChanged(SetChangeListener.Change<? extends String> change) {
        if (board == null) {
            return;
        }
        String id = change.wasAdded() ? change.getElementAdded() : change.getElementRemoved();
        int seat = board.indexOf(id);
        if (seat >= 0) {
            layer.setMarks(seat, marksOf(id));
            surface.requestSeats(new int[] {seat});
        }
    }

    /** Selected (the organizer's pick), marked (the counter's picked and held seats) and own (a seller's block). */
    private byte marksOf(String seatId) {
        AvailabilityView view = getSkinnable();
        int marks = 0;
        if (view.getSelectedSeatIds().contains(seatId)) {
            marks |= SeatLayer.SELECTED;
        }
        if (view.getMarkedSeatIds().contains(seatId)) {
            marks |= SeatLayer.EMPHASIZED;
        }
        if (view.getOwnSeatIds().contains(seatId)) {
            marks |= SeatLayer.OWN;
        }
        return (byte) marks;
    }

    private void refreshSelectionLabel() {
        selectionLabel.setText(Messages.get("availability.selected", getSkinnable().getSelectedSeatIds().size()));
    }

    // ---- picking: click toggles a free seat, a drag draws a lasso ----

    private void onPressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || board == null) {
            return;
        }
        pressed = true;
        pressX = e.getX();
        pressY = e.getY();
        if (getSkinnable().onSeatClickedProperty().get() == null) {
            lasso = new ArrayList<>();
            lasso.add(new double[] {e.getX(), e.getY()});
        }
    }

    private void onDragged(MouseEvent e) {
        if (lasso != null) {
            lasso.add(new double[] {e.getX(), e.getY()});
            surface.requestOverlay();
        }
    }

    private void onReleased(MouseEvent e) {
        var handler = getSkinnable().onSeatClickedProperty().get();
        if (handler != null && pressed) {
            pressed = false;
            if (Math.hypot(e.getX() - pressX, e.getY() - pressY) < 4) {
                int seat = seatNear(e.getX(), e.getY());
                if (seat >= 0) {
                    handler.accept(board.map().seats().get(seat).id());
                } else {
                    var areaHandler = getSkinnable().onAreaClickedProperty().get();
                    if (areaHandler != null) {
                        areaNear(e.getX(), e.getY()).ifPresent(areaHandler);
                    }
                }
            }
            return;
        }
        pressed = false;
        if (lasso == null) {
            return;
        }
        List<double[]> points = lasso;
        lasso = null;
        surface.requestOverlay();
        PlanViewport v = surface.viewport();
        double[] first = points.getFirst();
        boolean click = points.size() < 3 || Math.hypot(e.getX() - first[0], e.getY() - first[1]) < 4
                && points.size() < 6;
        var selected = getSkinnable().getSelectedSeatIds();
        if (click) {
            int seat = seatNear(e.getX(), e.getY());
            if (seat >= 0 && board.status(seat) == SeatStatus.FREE) {
                String id = board.map().seats().get(seat).id();
                if (!selected.remove(id)) {
                    selected.add(id);
                }
            } else if (seat < 0 && !e.isShiftDown()) {
                selected.clear();
            }
            return;
        }
        double[] polygon = new double[points.size() * 2];
        for (int k = 0; k < points.size(); k++) {
            polygon[2 * k] = v.toPlanX(points.get(k)[0]);
            polygon[2 * k + 1] = v.toPlanY(points.get(k)[1]);
        }
        IntList inside = new IntList();
        layer.grid().queryPolygon(polygon, inside);
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < inside.size(); k++) {
            int seat = inside.get(k);
            if (board.status(seat) == SeatStatus.FREE) {
                ids.add(board.map().seats().get(seat).id());
            }
        }
        if (!e.isShiftDown()) {
            selected.clear();
        }
        selected.addAll(ids);
    }

    private void paintOverlay(GraphicsContext g, PlanViewport v, double width, double height) {
        if (board == null) {
            return;
        }
        SeatMap map = board.map();
        g.setLineWidth(1.5);
        for (GeneralAdmissionArea area : map.areas()) {
            List<Point> outline = area.outline();
            double[] xs = new double[outline.size()];
            double[] ys = new double[outline.size()];
            for (int k = 0; k < xs.length; k++) {
                xs[k] = v.toScreenX(outline.get(k).x());
                ys[k] = v.toScreenY(outline.get(k).y());
            }
            Color color = map.category(area.categoryId()).map(c -> Color.web(c.color())).orElse(Color.GRAY);
            g.setFill(color.deriveColor(0, 1, 1, 0.25));
            g.fillPolygon(xs, ys, xs.length);
            AreaLevel level = getSkinnable().getAreaLevels().get(area.id());
            double top = java.util.Arrays.stream(ys).min().orElse(0);
            double bottom = java.util.Arrays.stream(ys).max().orElse(0);
            double left = java.util.Arrays.stream(xs).min().orElse(0);
            double right = java.util.Arrays.stream(xs).max().orElse(0);
            if (level != null && level.taken() > 0) {
                // the taken share fills the outline from the bottom up, in the sold colour
                g.save();
                g.beginPath();
                g.moveTo(xs[0], ys[0]);
                for (int k = 1; k < xs.length; k++) {
                    g.lineTo(xs[k], ys[k]);
                }
                g.closePath();
                g.clip();
                double filled = (bottom - top) * level.taken();
                g.setFill(Colors.fx(SeatStatus.SOLD.color()).deriveColor(0, 1, 1, 0.55));
                g.fillRect(left, bottom - filled, right - left, filled);
                g.restore();
            }
            g.setStroke(color);
            g.strokePolygon(xs, ys, xs.length);
            if (bottom - top > 28 && right - left > 40) {
                g.setFill(Color.web("#24292F"));
                g.setFont(javafx.scene.text.Font.font(12));
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(javafx.geometry.VPos.CENTER);
                double middle = (top + bottom) / 2;
                boolean caption = level != null && !level.caption().isEmpty();
                g.fillText(area.name(), (left + right) / 2, caption ? middle - 8 : middle, right - left - 8);
                if (caption) {
                    g.fillText(level.caption(), (left + right) / 2, middle + 8, right - left - 8);
                }
            }
        }
        double fx = v.toScreenX(map.focalPoint().x());
        double fy = v.toScreenY(map.focalPoint().y());
        g.setFill(Color.web("#37474F"));
        g.fillOval(fx - 5, fy - 5, 10, 10);
        g.setFont(javafx.scene.text.Font.font(12));
        g.setTextAlign(TextAlignment.CENTER);
        // under the marker, on the floor between the stage and the seats: no room above the plan is needed for it
        g.setTextBaseline(javafx.geometry.VPos.TOP);
        g.fillText(getSkinnable().stageLabelProperty().get(), fx, fy + 7);
        paintSectionNames(g, v, map);
        if (lasso != null && lasso.size() > 1) {
            g.setStroke(Color.web("#FF6D00"));
            g.setLineDashes(5, 4);
            g.beginPath();
            g.moveTo(lasso.getFirst()[0], lasso.getFirst()[1]);
            for (double[] p : lasso) {
                g.lineTo(p[0], p[1]);
            }
            g.closePath();
            g.stroke();
            g.setFill(Color.web("#FF6D00", 0.08));
            g.fill();
        }
    }

    /** Each section's name just above its first row's middle seat. */
    private void paintSectionNames(GraphicsContext g, PlanViewport v, SeatMap map) {
        g.setFill(Color.web("#57606A"));
        g.setFont(javafx.scene.text.Font.font(11));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(javafx.geometry.VPos.BOTTOM);
        double above = layer.diameter() * v.scale() / 2 + 4;
        for (var section : map.sections()) {
            if (section.rows().isEmpty() || section.rows().getFirst().seats().isEmpty()) {
                continue;
            }
            var first = section.rows().getFirst().seats();
            Seat middle = first.get(first.size() / 2);
            g.fillText(section.name(), v.toScreenX(middle.x()), v.toScreenY(middle.y()) - above);
        }
    }

    private static final class CategoryCell extends ListCell<Category> {
        @Override
        protected void updateItem(Category item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
            } else {
                setText(item.name());
                Rectangle swatch = new Rectangle(10, 10, Color.web(item.color()));
                setGraphic(swatch);
            }
        }
    }
}
