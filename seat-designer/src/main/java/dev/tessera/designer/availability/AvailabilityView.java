package dev.tessera.designer.availability;

import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.designer.geometry.IntList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Point2D;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * The live seat map for the counter and the gate: the designer's renderer in availability mode.
 * Seats show their state (free in their category's colour, held, sold, allocated to a seller,
 * blocked, used at the gate) with a legend, counts per category and section, and a short
 * animation when a change arrives. A clerk picks seats by click, by lasso, or with "best available
 * N together in category X"; {@link #getSelectedSeatIds()} holds the pick.
 *
 * <p>Call {@link #setSeatMap} once, then {@link #applyChanges} from the FX thread whenever the
 * center pushes status changes.
 *
 * <p>Hit targets: the plan fits its surface with a {@value #FIT_MARGIN}-pixel margin (again after each
 * resize until the user zooms or pans), seat discs are sized from the seat pitch, and a click picks the
 * seat nearest the pointer within {@link #hitTolerance()} screen pixels: half the seat pitch on screen,
 * at least {@value #MIN_HIT_PIXELS} pixels.
 *
 * <p>A host with its own pick logic (the counter) sets {@link #onSeatClickedProperty()}: clicks then report
 * the seat instead of toggling the selection, and the host shows its picks with {@link #getMarkedSeatIds()},
 * drawn with a dark ring whatever their status. {@link #getOwnSeatIds()} rings a seller's own block.
 */
public class AvailabilityView extends Control {
    private final ReadOnlyObjectWrapper<AvailabilityBoard> board = new ReadOnlyObjectWrapper<>(this, "board");
    private final ObservableSet<String> selectedSeatIds = FXCollections.observableSet();
    private final BooleanProperty animated = new SimpleBooleanProperty(this, "animated", true);
    /** A click this close to a seat's centre (in screen pixels) picks it, however small the seats are drawn. */
    public static final double MIN_HIT_PIXELS = 8;
    /** Pixels between the fitted plan and the surface's nearer edges. */
    public static final double FIT_MARGIN = 8;
    /** The ring of {@link #getMarkedSeatIds() marked} seats (ARGB). */
    public static final int MARK_COLOR = 0xFF111111;
    /** The ring of {@link #getOwnSeatIds() own} seats (ARGB). */
    public static final int OWN_COLOR = 0xFF0969DA;

    private final List<Consumer<int[]>> changeListeners = new ArrayList<>();
    private final ObservableSet<String> markedSeatIds = FXCollections.observableSet();
    private final ObservableSet<String> ownSeatIds = FXCollections.observableSet();
    private final ObjectProperty<Consumer<String>> onSeatClicked = new SimpleObjectProperty<>(this, "onSeatClicked");
    private final ObjectProperty<Consumer<String>> onAreaClicked = new SimpleObjectProperty<>(this, "onAreaClicked");
    private final javafx.collections.ObservableMap<String, AreaLevel> areaLevels =
            javafx.collections.FXCollections.observableHashMap();
    private final BooleanProperty sidePanelVisible = new SimpleBooleanProperty(this, "sidePanelVisible", true);
    private final StringProperty stageLabel = new SimpleStringProperty(this, "stageLabel",
            dev.tessera.designer.i18n.Messages.get("plan.stage"));

    public AvailabilityView() {
        getStyleClass().add("availability-view");
        setFocusTraversable(false);
    }

    public AvailabilityView(SeatMap map) {
        this();
        setSeatMap(map);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new AvailabilityViewSkin(this);
    }

    /**
     * Builds the view's look again, so that its texts (side panel, legend, column headers) are in
     * {@link dev.tessera.designer.i18n.Messages#locale()}: a host calls it after switching languages. The seat map, its
     * statuses, marks and selection stay; the plan is fitted again.
     */
    public void relocalize() {
        if (getSkin() != null) {
            setSkin(createDefaultSkin());
        }
    }

    @Override
    public String getUserAgentStylesheet() {
        return AvailabilityView.class.getResource("/dev/tessera/designer/render/plan.css").toExternalForm();
    }

    /** Shows a new seat map with every for-sale seat free (null: nothing); forgets the selection. */
    public void setSeatMap(SeatMap map) {
        selectedSeatIds.clear();
        board.set(map == null ? null : new AvailabilityBoard(map));
    }

    public ReadOnlyObjectProperty<AvailabilityBoard> boardProperty() {
        return board.getReadOnlyProperty();
    }

    public AvailabilityBoard getBoard() {
        return board.get();
    }

    /**
     * Applies status changes by seat id (unknown ids are ignored) and repaints the changed seats,
     * animated unless {@link #animatedProperty()} is off. Selected seats that are no longer free
     * leave the selection. Returns how many seats changed.
     */
    public int applyChanges(Map<String, SeatStatus> changes) {
        AvailabilityBoard current = board.get();
        if (current == null) {
            return 0;
        }
        IntList changed = new IntList(changes.size());
        current.apply(changes, changed);
        if (changed.isEmpty()) {
            return 0;
        }
        int[] seats = changed.toArray();
        for (int seat : seats) {
            if (current.status(seat) != SeatStatus.FREE) {
                selectedSeatIds.remove(current.map().seats().get(seat).id());
            }
        }
        changeListeners.forEach(listener -> listener.accept(seats));
        return seats.length;
    }

    /** Selects the best block and returns it (empty if nothing fits). */
    public BestAvailable.Result selectBestAvailable(int count, String categoryId) {
        AvailabilityBoard current = board.get();
        if (current == null) {
            return new BestAvailable.Result(List.of(), false, false);
        }
        BestAvailable.Result result = BestAvailable.find(current, count, categoryId);
        List<String> ids = new ArrayList<>();
        for (int seat : result.seats()) {
            ids.add(current.map().seats().get(seat).id());
        }
        selectedSeatIds.clear();
        selectedSeatIds.addAll(ids);
        return result;
    }

    /** The ids of the seats the clerk has picked; the view keeps only free seats in it. */
    public ObservableSet<String> getSelectedSeatIds() {
        return selectedSeatIds;
    }

    public BooleanProperty animatedProperty() {
        return animated;
    }

    public boolean isAnimated() {
        return animated.get();
    }

    public void setAnimated(boolean value) {
        animated.set(value);
    }

    /** Seats drawn with a dark ring whatever their status (the counter's picked and held seats); the host keeps it. */
    public ObservableSet<String> getMarkedSeatIds() {
        return markedSeatIds;
    }

    /** Seats drawn with a blue ring: the signed-in seller's own allocated block. */
    public ObservableSet<String> getOwnSeatIds() {
        return ownSeatIds;
    }

    /**
     * When set, a click on a seat (of any status) calls it with the seat's id and leaves the selection alone, and a
     * drag draws no lasso: the host decides what a click means.
     */
    public ObjectProperty<Consumer<String>> onSeatClickedProperty() {
        return onSeatClicked;
    }

    public void setOnSeatClicked(Consumer<String> handler) {
        onSeatClicked.set(handler);
    }

    /** The legend, best-available form and count tables at the right; off where the host shows its own. */
    public BooleanProperty sidePanelVisibleProperty() {
        return sidePanelVisible;
    }

    public void setSidePanelVisible(boolean visible) {
        sidePanelVisible.set(visible);
    }

    /**
     * Issue 18: how full each standing area is, by area id; the view fills each area's outline from the bottom by
     * the share taken and writes the area's name and the level's caption in it. Areas without a level are outlined.
     */
    public javafx.collections.ObservableMap<String, AreaLevel> getAreaLevels() {
        return areaLevels;
    }

    /** Told the id of a standing area a click lands in (no seat under it); a host that sells places sets it. */
    public ObjectProperty<Consumer<String>> onAreaClickedProperty() {
        return onAreaClicked;
    }

    /** The standing area a click at this point of the view lands in, if any. */
    public Optional<String> areaAt(double x, double y) {
        return skin().flatMap(s -> s.areaAt(this, x, y));
    }

    /** Where the middle of a standing area's outline is drawn (the mean of its corners), in this view's coordinates. */
    public Optional<Point2D> areaCentre(String areaId) {
        return skin().flatMap(s -> s.areaCentre(this, areaId));
    }

    /** The caption drawn above the stage (the focal point); the host binds it to its language. */
    public StringProperty stageLabelProperty() {
        return stageLabel;
    }

    /** The seat a click at this point of the view would pick: the nearest within {@link #hitTolerance()}. */
    public Optional<String> seatAt(double x, double y) {
        return skin().flatMap(s -> s.seatAt(this, x, y));
    }

    /** Where a seat's centre is drawn, in this view's coordinates. */
    public Optional<Point2D> seatCentre(String seatId) {
        return skin().flatMap(s -> s.seatCentre(this, seatId));
    }

    /** How far from a seat's centre a click still picks it, in screen pixels, at the current zoom. */
    public double hitTolerance() {
        return skin().map(AvailabilityViewSkin::hitTolerance).orElse(MIN_HIT_PIXELS);
    }

    /** A seat disc's diameter on screen at the current zoom, in pixels. */
    public double seatDiameterPixels() {
        return skin().map(AvailabilityViewSkin::seatDiameterPixels).orElse(0.0);
    }

    private Optional<AvailabilityViewSkin> skin() {
        return getSkin() instanceof AvailabilityViewSkin s ? Optional.of(s) : Optional.empty();
    }

    /** For the skin: told the indexes of seats whose status changed. */
    void addChangeListener(Consumer<int[]> listener) {
        changeListeners.add(listener);
    }

    void removeChangeListener(Consumer<int[]> listener) {
        changeListeners.remove(listener);
    }
}
