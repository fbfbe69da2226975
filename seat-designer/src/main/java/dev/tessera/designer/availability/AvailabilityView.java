package dev.tessera.designer.availability;

import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.designer.geometry.IntList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
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
 */
public class AvailabilityView extends Control {
    private final ReadOnlyObjectWrapper<AvailabilityBoard> board = new ReadOnlyObjectWrapper<>(this, "board");
    private final ObservableSet<String> selectedSeatIds = FXCollections.observableSet();
    private final BooleanProperty animated = new SimpleBooleanProperty(this, "animated", true);
    private final List<Consumer<int[]>> changeListeners = new ArrayList<>();

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

    @Override
    public String getUserAgentStylesheet() {
        return AvailabilityView.class.getResource("/dev/tessera/designer/render/plan.css").toExternalForm();
    }

    /** Shows a new seat map with every for-sale seat free; forgets the selection. */
    public void setSeatMap(SeatMap map) {
        selectedSeatIds.clear();
        board.set(new AvailabilityBoard(map));
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

    /** For the skin: told the indexes of seats whose status changed. */
    void addChangeListener(Consumer<int[]> listener) {
        changeListeners.add(listener);
    }

    void removeChangeListener(Consumer<int[]> listener) {
        changeListeners.remove(listener);
    }
}
