package dev.tessera.desktop.organizer;

import dev.tessera.desktop.ui.Feedback;
import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.Gate;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.event.RegisterEvent;
import dev.tessera.core.model.Venue;
import dev.tessera.desktop.ui.TaskExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Claims 29 c-d and 71: the organizer's events, a new event with its service information (name,
 * servicer, venue and pinned seat-map version, doors-open, start and end times, currency, prices
 * per category, entrance gates, contact) and publishing a draft after a confirmation.
 */
public final class OrganizerEventsViewModel {
    /** A category of the chosen seat map and the price typed for it, in major units. */
    public record PriceRow(Category category, StringProperty amount) {}

    /** An entrance gate of the chosen seat map and whether the event uses it. */
    public record GateChoice(Gate gate, BooleanProperty chosen) {}

    private final CenterSession session;
    private final TaskExecutor tasks;
    private final ZoneId zone;
    private final ObservableList<EventInfo> events = FXCollections.observableArrayList();
    private final ObjectProperty<EventInfo> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty servicer = new SimpleStringProperty("");
    private final ObjectProperty<Venue> venue = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> seatMapVersion = new SimpleObjectProperty<>();
    private final ObjectProperty<SeatMap> seatMap = new SimpleObjectProperty<>();
    private final StringProperty doorsOpen = new SimpleStringProperty("");
    private final StringProperty startsAt = new SimpleStringProperty("");
    private final StringProperty endsAt = new SimpleStringProperty("");
    private final StringProperty currency = new SimpleStringProperty("JPY");
    private final StringProperty contact = new SimpleStringProperty("");
    /** Claim 70: attendee names required, one per ticket (optional when unticked). */
    private final javafx.beans.property.BooleanProperty attendeeNamesRequired =
            new javafx.beans.property.SimpleBooleanProperty(false);
    private final ObservableList<PriceRow> prices = FXCollections.observableArrayList();
    private final ObservableList<GateChoice> gates = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper confirmingPublish = new ReadOnlyBooleanWrapper();
    private final Feedback feedback = new Feedback();

    public OrganizerEventsViewModel(CenterSession session, TaskExecutor tasks, Clock clock) {
        this.session = session;
        this.tasks = tasks;
        this.zone = clock.getZone();
        // a fortnight ahead, an evening performance: the organizer overwrites what differs
        LocalDate day = LocalDate.now(clock).plusWeeks(2);
        Instant start = day.atTime(LocalTime.of(19, 0)).atZone(zone).toInstant();
        doorsOpen.set(EventFormat.dateTime(start.minus(Duration.ofMinutes(45)), zone));
        startsAt.set(EventFormat.dateTime(start, zone));
        endsAt.set(EventFormat.dateTime(start.plus(Duration.ofHours(3)), zone));
        venue.addListener((obs, old, now) -> {
            Integer latest = now == null ? null : now.latestSeatMapVersion();
            if (java.util.Objects.equals(latest, seatMapVersion.get())) {
                loadSeatMap();
            } else {
                seatMapVersion.set(latest);
            }
        });
        seatMapVersion.addListener((obs, old, now) -> loadSeatMap());
        selected.addListener((obs, old, now) -> confirmingPublish.set(false));
    }

    public void load() {
        tasks.execute(session::events, list -> {
            long keep = selected.get() == null ? -1 : selected.get().id();
            events.setAll(list);
            list.stream().filter(e -> e.id() == keep).findFirst().ifPresent(selected::set);
        }, feedback::failed);
    }

    private void loadSeatMap() {
        Venue v = venue.get();
        Integer version = seatMapVersion.get();
        if (v == null || version == null || version < 1) {
            seatMap.set(null);
            prices.clear();
            gates.clear();
            return;
        }
        tasks.execute(() -> session.seatMap(v.id(), version), map -> {
            if (v.equals(venue.get()) && version.equals(seatMapVersion.get())) {
                showCategoriesAndGates(map);
            }
        }, feedback::failed);
    }

    private void showCategoriesAndGates(SeatMap map) {
        Map<String, String> typed = prices.stream()
                .collect(Collectors.toMap(p -> p.category().id(), p -> p.amount().get(), (a, b) -> a));
        seatMap.set(map);
        prices.setAll(map.categories().stream()
                .map(c -> new PriceRow(c, new SimpleStringProperty(typed.getOrDefault(c.id(), "")))).toList());
        gates.setAll(map.gates().stream().map(g -> new GateChoice(g, new SimpleBooleanProperty(true))).toList());
    }

    /** Registers the event as a draft; every field is checked first and a wrong one is named. */
    public void create() {
        Optional<RegisterEvent> event = newEvent();
        if (event.isEmpty()) {
            return;
        }
        feedback.working("organizer.event.creating", event.get().name());
        tasks.execute(() -> session.createEvent(event.get()), created -> {
            events.add(created);
            selected.set(created);
            name.set("");
            feedback.done("organizer.event.created", created.name());
        }, feedback::failed);
    }

    private Optional<RegisterEvent> newEvent() {
        if (name.get().isBlank() || servicer.get().isBlank() || contact.get().isBlank()) {
            return refuse("organizer.event.required");
        }
        SeatMap map = seatMap.get();
        if (venue.get() == null || map == null) {
            return refuse("organizer.event.noVenue");
        }
        Optional<Instant> doors = EventFormat.dateTime(doorsOpen.get(), zone);
        Optional<Instant> start = EventFormat.dateTime(startsAt.get(), zone);
        Optional<Instant> end = EventFormat.dateTime(endsAt.get(), zone);
        if (doors.isEmpty()) {
            return refuse("organizer.event.badDoorsOpen", doorsOpen.get());
        }
        if (start.isEmpty()) {
            return refuse("organizer.event.badStart", startsAt.get());
        }
        if (end.isEmpty()) {
            return refuse("organizer.event.badEnd", endsAt.get());
        }
        if (doors.get().isAfter(start.get()) || !end.get().isAfter(start.get())) {
            return refuse("organizer.event.timeOrder");
        }
        Optional<Currency> money = EventFormat.currency(currency.get());
        if (money.isEmpty()) {
            return refuse("organizer.event.badCurrency", currency.get());
        }
        Map<String, Long> minor = new LinkedHashMap<>();
        for (PriceRow row : prices) {
            Optional<Long> price = EventFormat.minorUnits(row.amount().get(), money.get());
            if (price.isEmpty()) {
                return refuse("organizer.event.badPrice", row.category().name(), money.get().getCurrencyCode());
            }
            minor.put(row.category().id(), price.get());
        }
        List<String> chosenGates = gates.stream().filter(g -> g.chosen().get()).map(g -> g.gate().id()).toList();
        if (chosenGates.isEmpty()) {
            return refuse("organizer.event.noGate");
        }
        return Optional.of(new RegisterEvent(name.get().strip(), servicer.get().strip(), venue.get().id(),
                seatMapVersion.get(), doors.get(), start.get(), end.get(), money.get().getCurrencyCode(), minor,
                chosenGates, contact.get().strip(), attendeeNamesRequired.get()));
    }

    private <T> Optional<T> refuse(String key, Object... args) {
        feedback.refuse(key, args);
        return Optional.empty();
    }

    /** Claim 29 d, first step: asks before the draft goes on sale (it cannot go back to draft). */
    public void requestPublish() {
        EventInfo event = selected.get();
        if (event == null) {
            feedback.refuse("organizer.event.noneSelected");
        } else if (!"DRAFT".equals(event.status())) {
            feedback.refuse("organizer.event.notDraft", event.name());
        } else {
            confirmingPublish.set(true);
        }
    }

    public void cancelPublish() {
        confirmingPublish.set(false);
    }

    public void confirmPublish() {
        EventInfo event = selected.get();
        if (!confirmingPublish.get() || event == null) {
            return;
        }
        confirmingPublish.set(false);
        feedback.working("organizer.event.publishing", event.name());
        tasks.execute(() -> session.publish(event.id()), published -> {
            int at = events.indexOf(event);
            if (at >= 0) {
                events.set(at, published);
            }
            selected.set(published);
            feedback.done("organizer.event.published", published.name());
        }, feedback::failed);
    }

    public ObservableList<EventInfo> events() {
        return events;
    }

    public ObjectProperty<EventInfo> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty servicerProperty() {
        return servicer;
    }

    public ObjectProperty<Venue> venueProperty() {
        return venue;
    }

    public ObjectProperty<Integer> seatMapVersionProperty() {
        return seatMapVersion;
    }

    public StringProperty doorsOpenProperty() {
        return doorsOpen;
    }

    public StringProperty startsAtProperty() {
        return startsAt;
    }

    public StringProperty endsAtProperty() {
        return endsAt;
    }

    public StringProperty currencyProperty() {
        return currency;
    }

    public javafx.beans.property.BooleanProperty attendeeNamesRequiredProperty() {
        return attendeeNamesRequired;
    }

    public StringProperty contactProperty() {
        return contact;
    }

    public ObservableList<PriceRow> prices() {
        return prices;
    }

    public ObservableList<GateChoice> gates() {
        return gates;
    }

    public ReadOnlyBooleanProperty confirmingPublishProperty() {
        return confirmingPublish.getReadOnlyProperty();
    }

    Feedback feedback() {
        return feedback;
    }
}
