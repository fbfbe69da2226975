package dev.tessera.desktop.organizer;

import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.client.CenterProblemException;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.event.MoveEvent;
import dev.tessera.desktop.ui.DialogService;
import dev.tessera.desktop.ui.ErrorMessages;
import dev.tessera.desktop.ui.Feedback;
import dev.tessera.desktop.ui.Message;
import dev.tessera.desktop.ui.TaskExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Issue 14: the organizer cancels the selected event (its tickets refused at the gates, refunds listed for the
 * manager) or moves it to new dates (its tickets re-issued for them), each after a confirmation that says what
 * follows. The new dates start as the event's own, a week later.
 */
public final class EventChangeViewModel {
    private final CenterSession session;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final ZoneId zone;
    private final ObjectProperty<EventInfo> selected;
    private final Runnable changed;
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty doorsOpen = new SimpleStringProperty("");
    private final StringProperty startsAt = new SimpleStringProperty("");
    private final StringProperty endsAt = new SimpleStringProperty("");
    private final Feedback feedback = new Feedback();

    /** @param changed run on the UI thread after a change, to reload the events */
    public EventChangeViewModel(CenterSession session, TaskExecutor tasks, DialogService dialogs, Clock clock,
                                ObjectProperty<EventInfo> selected, Runnable changed) {
        this.session = session;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.zone = clock.getZone();
        this.selected = selected;
        this.changed = changed;
        selected.addListener((obs, old, now) -> {
            if (now != null && (old == null || old.id() != now.id())) {
                Duration week = Duration.ofDays(7);
                doorsOpen.set(EventFormat.dateTime(now.doorsOpen().plus(week), zone));
                startsAt.set(EventFormat.dateTime(now.startsAt().plus(week), zone));
                endsAt.set(EventFormat.dateTime(now.endsAt().plus(week), zone));
            }
        });
    }

    public void cancel() {
        EventInfo event = selected.get();
        String why = reason.get() == null ? "" : reason.get().strip();
        if (!changeable(event, why)) {
            return;
        }
        if (!dialogs.confirm(Message.of("organizer.change.cancelQuestion", event.name()),
                Message.of("organizer.change.cancelConsequence"), Message.of("organizer.change.cancelAction"))) {
            return;
        }
        feedback.working("organizer.change.working", event.name());
        tasks.execute(() -> session.cancelEvent(event.id(), why), done -> {
            reason.set("");
            feedback.done("organizer.change.cancelled", done.event().name(), done.revokedTickets());
            changed.run();
        }, this::failed);
    }

    public void move() {
        EventInfo event = selected.get();
        String why = reason.get() == null ? "" : reason.get().strip();
        if (!changeable(event, why)) {
            return;
        }
        Optional<Instant> doors = EventFormat.dateTime(doorsOpen.get(), zone);
        Optional<Instant> start = EventFormat.dateTime(startsAt.get(), zone);
        Optional<Instant> end = EventFormat.dateTime(endsAt.get(), zone);
        if (doors.isEmpty() || start.isEmpty() || end.isEmpty()) {
            feedback.refuse("organizer.change.badDates");
            return;
        }
        if (doors.get().isAfter(start.get()) || !start.get().isBefore(end.get())) {
            feedback.refuse("organizer.change.datesOrder");
            return;
        }
        if (!dialogs.confirm(Message.of("organizer.change.moveQuestion", event.name(), startsAt.get()),
                Message.of("organizer.change.moveConsequence"), Message.of("organizer.change.moveAction"))) {
            return;
        }
        feedback.working("organizer.change.working", event.name());
        tasks.execute(() -> session.moveEvent(event.id(), new MoveEvent(doors.get(), start.get(), end.get(), why)),
                done -> {
                    reason.set("");
                    feedback.done("organizer.change.moved", done.event().name(), done.reissuedTickets());
                    changed.run();
                }, this::failed);
    }

    private boolean changeable(EventInfo event, String why) {
        if (event == null) {
            feedback.refuse("organizer.event.noneSelected");
            return false;
        }
        if ("CANCELLED".equals(event.status())) {
            feedback.refuse("organizer.change.alreadyCancelled", event.name());
            return false;
        }
        if (why.isEmpty()) {
            feedback.refuse("organizer.change.noReason");
            return false;
        }
        return true;
    }

    private void failed(Exception failure) {
        if (failure instanceof CenterProblemException p && "event-cancelled".equals(p.kind())) {
            feedback.fail(Message.of("organizer.change.alreadyCancelled", selected.get() == null ? ""
                    : selected.get().name()));
        } else {
            feedback.fail(ErrorMessages.of(failure));
        }
    }

    public StringProperty reasonProperty() {
        return reason;
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

    public ObjectProperty<EventInfo> selectedProperty() {
        return selected;
    }

    public Feedback feedback() {
        return feedback;
    }
}
