package dev.tessera.desktop.organizer;

import dev.tessera.desktop.ui.Feedback;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.designer.model.InvalidDocumentException;
import dev.tessera.designer.model.SeatDocument;
import dev.tessera.designer.validation.Problem;
import dev.tessera.designer.validation.Validator;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.venue.SeatMapAdded;
import dev.tessera.core.model.Venue;
import dev.tessera.desktop.ui.TaskExecutor;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Claim 29 b: the organizer's venues and their versioned seat maps. A venue's latest map opens in
 * the embedded designer; what the designer holds is saved as the venue's next version, or becomes
 * the first map of a new venue (or a sample does).
 */
public final class VenuesViewModel {
    private final CenterSession session;
    private final TaskExecutor tasks;
    private final ObservableList<Venue> venues = FXCollections.observableArrayList();
    private final ObjectProperty<Venue> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Venue> opened = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SeatMap> openedMap = new ReadOnlyObjectWrapper<>();
    private final StringProperty newName = new SimpleStringProperty("");
    private final StringProperty newAddress = new SimpleStringProperty("");
    private final ObjectProperty<MapSource> newSource = new SimpleObjectProperty<>(MapSource.THEATRE);
    private final Feedback feedback = new Feedback();

    public VenuesViewModel(CenterSession session, TaskExecutor tasks) {
        this.session = session;
        this.tasks = tasks;
    }

    public void load() {
        load(null);
    }

    private void load(Long select) {
        tasks.execute(session::venues, list -> {
            long keep = select != null ? select : selected.get() == null ? -1 : selected.get().id();
            venues.setAll(list);
            list.stream().filter(v -> v.id() == keep).findFirst().ifPresent(selected::set);
            if (opened.get() == null && openedMap.get() == null && selected.get() == null && !list.isEmpty()) {
                // the designer starts with the first venue's map rather than an empty plan
                selected.set(list.getFirst());
                openSelected();
            }
        }, feedback::failed);
    }

    /** Opens the selected venue's latest seat map in the designer. */
    public void openSelected() {
        Venue venue = selected.get();
        if (venue == null) {
            feedback.refuse("organizer.venue.noneSelected");
            return;
        }
        if (venue.latestSeatMapVersion() == 0) {
            feedback.refuse("organizer.venue.noMap", venue.name());
            return;
        }
        feedback.working("organizer.venue.opening", venue.name());
        tasks.execute(() -> session.seatMap(venue.id(), venue.latestSeatMapVersion()), map -> {
            opened.set(venue);
            openedMap.set(map);
            feedback.done("organizer.venue.opened", venue.name(), venue.latestSeatMapVersion(), map.seatCount());
        }, feedback::failed);
    }

    /** Saves the designer's plan as the next seat-map version of the venue it was opened from. */
    public void saveVersion(SeatDocument plan) {
        Venue venue = opened.get();
        if (venue == null) {
            feedback.refuse("organizer.venue.notOpened");
            return;
        }
        SeatMap map = checked(plan);
        if (map == null) {
            return;
        }
        feedback.working("organizer.venue.saving", venue.name());
        tasks.execute(() -> session.saveSeatMap(venue.id(), map), saved -> {
            feedback.done("organizer.venue.saved", venue.name(), saved.version(), saved.seatCount());
            opened.set(atVersion(venue, saved.version()));
            load(venue.id());
        }, feedback::failed);
    }

    /** Creates a venue with its first seat map, from the designer's plan or from a sample. */
    public void createVenue(SeatDocument plan) {
        String name = newName.get().strip();
        String address = newAddress.get().strip();
        if (name.isEmpty() || address.isEmpty()) {
            feedback.refuse("organizer.venue.nameAddressRequired");
            return;
        }
        MapSource source = newSource.get();
        SeatMap fromPlan = source.isSample() ? null : checked(plan);
        if (!source.isSample() && fromPlan == null) {
            return;
        }
        feedback.working("organizer.venue.creating", name);
        tasks.execute(() -> {
            SeatMap map = source.isSample() ? named(source.sample(), name) : fromPlan;
            Venue venue = session.createVenue(name, address);
            try {
                return new Created(venue, map, session.saveSeatMap(venue.id(), map));
            } catch (RuntimeException refused) {
                // the venue exists without a map: say so, so that a retry saves a version instead of a second venue
                throw new MapRefused(venue, refused);
            }
        }, created -> {
            newName.set("");
            newAddress.set("");
            opened.set(atVersion(created.venue(), created.saved().version()));
            if (source.isSample()) {
                openedMap.set(created.map());
            }
            feedback.done("organizer.venue.created", name, created.saved().version(), created.saved().seatCount());
            load(created.venue().id());
        }, failure -> {
            if (failure instanceof MapRefused refused) {
                opened.set(refused.venue);
                load(refused.venue.id());
                feedback.failed(refused.cause());
                feedback.refuse("organizer.venue.createdWithoutMap", refused.venue.name(), refused.cause().getMessage());
            } else {
                feedback.failed(failure);
            }
        });
    }

    private static Venue atVersion(Venue venue, int version) {
        return new Venue(venue.id(), venue.name(), venue.address(), version);
    }

    /** A sample's map under the new venue's name. */
    private static SeatMap named(SeatMap sample, String name) {
        return new SeatMap(sample.formatVersion(), name, sample.focalPoint(), sample.categories(), sample.sections(),
                sample.areas(), sample.gates());
    }

    private record Created(Venue venue, SeatMap map, SeatMapAdded saved) {}

    private static final class MapRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Venue venue;

        MapRefused(Venue venue, RuntimeException cause) {
            super(cause);
            this.venue = venue;
        }

        Exception cause() {
            return (Exception) getCause();
        }
    }

    /** The plan as a seat map, or null after telling the user what the designer found wrong. */
    private SeatMap checked(SeatDocument plan) {
        List<Problem> problems = Validator.validate(plan);
        if (!problems.isEmpty()) {
            feedback.refuse("organizer.venue.problems", problems.size(), problems.getFirst().message());
            return null;
        }
        try {
            return plan.toSeatMap();
        } catch (InvalidDocumentException invalid) {
            feedback.refuse("organizer.venue.invalid", invalid.getMessage());
            return null;
        }
    }

    public ObservableList<Venue> venues() {
        return venues;
    }

    public ObjectProperty<Venue> selectedProperty() {
        return selected;
    }

    /** The venue whose map the designer shows (and a save goes to). */
    public ReadOnlyObjectProperty<Venue> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    /** The seat map to show in the designer; a new value replaces the designer's document. */
    public ReadOnlyObjectProperty<SeatMap> openedMapProperty() {
        return openedMap.getReadOnlyProperty();
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public StringProperty newAddressProperty() {
        return newAddress;
    }

    public ObjectProperty<MapSource> newSourceProperty() {
        return newSource;
    }

    Feedback feedback() {
        return feedback;
    }
}
