package dev.tessera.desktop.events;

import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.ui.ErrorMessages;
import dev.tessera.desktop.ui.Localization;
import dev.tessera.desktop.ui.Message;
import dev.tessera.desktop.ui.TaskExecutor;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Events workspace, for every role: the event list, and the selected event's service information and seats. */
public final class EventsViewModel implements AutoCloseable {
    private final CenterSession session;
    private final TaskExecutor tasks;
    private final ObservableList<EventInfo> events = FXCollections.observableArrayList();
    private final ObservableList<EventInfo> eventsView = FXCollections.unmodifiableObservableList(events);
    private final ObjectProperty<EventInfo> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Message> error = new ReadOnlyObjectWrapper<>();
    private final SeatAvailabilityViewModel seats;
    private final ServiceInfoViewModel serviceInfo;
    private boolean onScreen = true;

    public EventsViewModel(CenterSession session, TaskExecutor tasks, Localization l10n, SeatAvailabilityViewModel seats) {
        this.session = session;
        this.tasks = tasks;
        this.seats = seats;
        this.serviceInfo = new ServiceInfoViewModel(selected, seats.seatMapProperty(), l10n);
        selected.addListener((obs, old, now) -> {
            if (onScreen) {
                showSeats(now);
            }
        });
    }

    public static EventsViewModel create(CenterSession session, TaskExecutor tasks, Localization l10n) {
        return new EventsViewModel(session, tasks, l10n, new SeatAvailabilityViewModel(session, tasks));
    }

    /** Loads the event list, keeps the selection if the event is still there, else selects the first. */
    public void load() {
        loading.set(true);
        tasks.execute(session::events, list -> {
            loading.set(false);
            error.set(null);
            List<EventInfo> sorted = list.stream().sorted(Comparator.comparing(EventInfo::startsAt)).toList();
            EventInfo previous = selected.get();
            events.setAll(sorted);
            EventInfo keep = previous == null ? null
                    : sorted.stream().filter(e -> e.id() == previous.id()).findFirst().orElse(null);
            selected.set(keep != null ? keep : sorted.isEmpty() ? null : sorted.getFirst());
        }, failure -> {
            loading.set(false);
            error.set(ErrorMessages.of(failure));
        });
    }

    /**
     * Whether the workspace is on screen: while it is not, a new selection (the list loaded at sign-in) waits, and its
     * seats are loaded when the workspace comes on screen. A seller starts at the counter, which loads its own.
     */
    public void onScreen(boolean shown) {
        onScreen = shown;
        if (shown) {
            showSeats(selected.get());
        }
    }

    private void showSeats(EventInfo event) {
        EventInfo showing = seats.event();
        boolean same = event == null ? showing == null : showing != null && showing.id() == event.id();
        if (!same) {
            seats.show(event);
        }
    }

    /** F5: the list again, and the selected event's seats. */
    public void refresh() {
        load();
        seats.refresh();
    }

    public ObservableList<EventInfo> events() {
        return eventsView;
    }

    /** The selected event; the view binds the list's selection to it both ways. */
    public ObjectProperty<EventInfo> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public SeatAvailabilityViewModel seats() {
        return seats;
    }

    public ServiceInfoViewModel serviceInfo() {
        return serviceInfo;
    }

    @Override
    public void close() {
        seats.close();
    }
}
