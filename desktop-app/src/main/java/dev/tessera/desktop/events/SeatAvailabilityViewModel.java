package dev.tessera.desktop.events;

import dev.tessera.contract.availability.AreaCount;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.designer.availability.SeatStatus;
import dev.tessera.contract.availability.Availability;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.contract.availability.SeatChanges;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.ui.ErrorMessages;
import dev.tessera.desktop.ui.Message;
import dev.tessera.desktop.ui.TaskExecutor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Live seat availability of the selected event: its seat map, every seat's status and the counts
 * per category. The seat map view asks {@link #status(String)} and repaints the seats it is told
 * about through {@link #addSeatsChangedListener(Consumer)}.
 */
public final class SeatAvailabilityViewModel implements AutoCloseable {
    public static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    public static final Duration LONGEST_RETRY = Duration.ofSeconds(15);

    private record Loaded(SeatMap map, Availability snapshot) {}

    private final CenterSession session;
    private final TaskExecutor tasks;
    private final Duration firstRetry;
    private final Duration longestRetry;
    private final Map<String, SeatMap> seatMaps = new ConcurrentHashMap<>();
    private final ReadOnlyObjectWrapper<SeatMap> seatMap = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(Message.of("events.seats.none"));
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper();
    private final ObservableList<CategoryAvailability> categories = FXCollections.observableArrayList();
    private final ObservableList<CategoryAvailability> categoriesView = FXCollections.unmodifiableObservableList(categories);
    private final List<Consumer<Set<String>>> seatListeners = new CopyOnWriteArrayList<>();
    /** Issue 18: the standing areas' places by area id, from the snapshot and the live stream. */
    private final javafx.collections.ObservableMap<String, AreaCount> areas =
            FXCollections.observableHashMap();
    private final javafx.collections.ObservableMap<String, AreaCount> areasView =
            FXCollections.unmodifiableObservableMap(areas);
    private SeatStatusBoard board;
    private LiveSeatFeed feed;
    private EventInfo event;
    private int generation;

    public SeatAvailabilityViewModel(CenterSession session, TaskExecutor tasks, Duration firstRetry,
                                     Duration longestRetry) {
        this.session = session;
        this.tasks = tasks;
        this.firstRetry = firstRetry;
        this.longestRetry = longestRetry;
    }

    public SeatAvailabilityViewModel(CenterSession session, TaskExecutor tasks) {
        this(session, tasks, FIRST_RETRY, LONGEST_RETRY);
    }

    /** The event whose seats are shown or loading; null when none. */
    public EventInfo event() {
        return event;
    }

    /** Shows the seats of {@code newEvent}, or nothing for null. */
    public void show(EventInfo newEvent) {
        int current = ++generation;
        stopFeed();
        event = newEvent;
        board = null;
        categories.clear();
        areas.clear();
        seatMap.set(null);
        live.set(false);
        if (newEvent == null) {
            loading.set(false);
            message.set(Message.of("events.seats.none"));
            return;
        }
        loading.set(true);
        message.set(Message.of("events.seats.loading"));
        tasks.execute(() -> new Loaded(seatMapOf(newEvent), session.seats(newEvent.id())), loaded -> {
            if (current != generation) {
                return;
            }
            board = new SeatStatusBoard(loaded.map());
            board.applySnapshot(loaded.snapshot());
            areas.clear();
            applyAreas(loaded.snapshot().areas());
            categories.setAll(loaded.map().categories().stream()
                    .map(c -> new CategoryAvailability(c.id(), c.name(), c.color())).toList());
            updateCounts();
            loading.set(false);
            message.set(null);
            seatMap.set(loaded.map());
            startFeed(newEvent, current);
        }, failure -> {
            if (current == generation) {
                loading.set(false);
                message.set(ErrorMessages.of(failure));
            }
        });
    }

    /** Re-reads the selected event's seats (F5). */
    public void refresh() {
        if (board == null) {
            show(event);
            return;
        }
        int current = generation;
        long eventId = event.id();
        tasks.execute(() -> session.seats(eventId), snapshot -> {
            if (current == generation) {
                applySnapshot(snapshot);
            }
        }, failure -> {
            if (current == generation) {
                message.set(ErrorMessages.of(failure));
            }
        });
    }

    /** A venue's seat-map version never changes once stored, so each is fetched once per session. */
    private SeatMap seatMapOf(EventInfo e) {
        String key = e.venueId() + "/" + e.seatMapVersion();
        SeatMap cached = seatMaps.get(key);
        if (cached != null) {
            return cached;
        }
        SeatMap fetched = session.seatMap(e.venueId(), e.seatMapVersion());
        SeatMap earlier = seatMaps.putIfAbsent(key, fetched);
        return earlier != null ? earlier : fetched;
    }

    private void startFeed(EventInfo e, int current) {
        feed = new LiveSeatFeed(session, e.id(), tasks, new Backoff(firstRetry, longestRetry),
                new LiveSeatFeed.Callbacks() {
                    @Override
                    public void snapshot(Availability snapshot) {
                        if (current == generation) {
                            applySnapshot(snapshot);
                        }
                    }

                    @Override
                    public void changes(SeatChanges changes) {
                        if (current == generation && board != null && changes.eventId() == e.id()) {
                            applyAreas(changes.areas());
                            changed(board.apply(changes.seats()));
                        }
                    }

                    @Override
                    public void live(boolean on) {
                        if (current == generation) {
                            live.set(on);
                        }
                    }
                });
        feed.start();
    }

    /** Newer counts replace older ones (a revision orders them); an older push arriving late changes nothing. */
    private void applyAreas(List<AreaCount> counts) {
        for (var count : counts) {
            var known = areas.get(count.areaId());
            if (known == null || known.revision() <= count.revision()) {
                areas.put(count.areaId(), count);
            }
        }
    }

    /** Issue 18: the standing areas' places by area id as the center last told them. */
    public javafx.collections.ObservableMap<String, AreaCount> areas() {
        return areasView;
    }

    private void applySnapshot(Availability snapshot) {
        applyAreas(snapshot.areas());
        if (board != null) {
            message.set(null);
            changed(board.applySnapshot(snapshot));
        }
    }

    private void changed(Set<String> seatIds) {
        if (seatIds.isEmpty()) {
            return;
        }
        updateCounts();
        for (Consumer<Set<String>> listener : seatListeners) {
            listener.accept(seatIds);
        }
    }

    private void updateCounts() {
        Map<String, SeatStatusBoard.Counts> counts = board.counts();
        for (CategoryAvailability c : categories) {
            c.set(counts.get(c.categoryId()));
        }
    }

    private void stopFeed() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
    }

    /** The seat's status, or null while unknown. */
    public SeatStatus status(String seatId) {
        return board == null ? null : board.status(seatId);
    }

    /** Seats in this seller's own allocated block (flow 3: sellable offline). */
    public boolean isAllocatedToYou(String seatId) {
        return board != null && board.isAllocatedToYou(seatId);
    }

    /** Seats per status, e.g. to find a free one; empty before the seats are loaded. */
    public Map<SeatStatus, List<String>> seatsByStatus() {
        SeatMap map = seatMap.get();
        if (map == null || board == null) {
            return Map.of();
        }
        return map.seats().stream().filter(s -> board.status(s.id()) != null)
                .collect(Collectors.groupingBy(s -> board.status(s.id()),
                        Collectors.mapping(Seat::id, Collectors.toList())));
    }

    /** Called on the UI thread with the ids of seats whose look changed. */
    public void addSeatsChangedListener(Consumer<Set<String>> listener) {
        seatListeners.add(listener);
    }

    public ReadOnlyObjectProperty<SeatMap> seatMapProperty() {
        return seatMap.getReadOnlyProperty();
    }

    /** What to say instead of (or above) the seat map: loading, an error, nothing selected; null when all is well. */
    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    public ObservableList<CategoryAvailability> categories() {
        return categoriesView;
    }

    @Override
    public void close() {
        generation++;
        stopFeed();
    }
}
