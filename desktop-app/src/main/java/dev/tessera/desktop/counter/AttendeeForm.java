package dev.tessera.desktop.counter;

import dev.tessera.desktop.ui.Message;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Claim 70: the attendee names of a basket when the event requires one on every ticket: a line per ticket (a seat,
 * or one standing place) in the order the center issues them (the hold's seats, then its places), each with the
 * place in words and the name typed for it. The counter's sale and the member's Buy tickets share it.
 */
public final class AttendeeForm {
    /** One ticket of the basket: where it admits to, in words, and the name typed for it. */
    public record Line(Message place, StringProperty name) {}

    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final BooleanProperty required = new SimpleBooleanProperty(false);
    private final IntegerProperty missing = new SimpleIntegerProperty(0);
    private final BooleanBinding complete = Bindings.createBooleanBinding(
            () -> !required.get() || missing.get() == 0, required, missing);

    /**
     * The tickets a hold becomes, in the order the center issues them and reads the names (its seat ids sorted, then
     * one line per standing place of its areas, sorted by area id), each in words from the seat map.
     */
    public static List<Message> places(dev.tessera.core.seatmap.SeatMap map, List<String> seatIds,
                                       java.util.Map<String, Integer> areas) {
        List<Message> places = new ArrayList<>();
        for (String seatId : new java.util.TreeSet<>(seatIds)) {
            SeatPlace place = SeatPlace.of(map, seatId);
            places.add(Message.of("attendees.place.seat", place.section(), place.row(), place.seat()));
        }
        if (areas != null) {
            new java.util.TreeMap<>(areas).forEach((areaId, quantity) -> {
                String name = map.areas().stream().filter(a -> a.id().equals(areaId)).map(a -> a.name()).findFirst()
                        .orElse(areaId);
                for (int n = 1; n <= quantity; n++) {
                    places.add(Message.of("attendees.place.standing", name, n));
                }
            });
        }
        return places;
    }

    /**
     * A refusal for missing names said on {@code feedback} follows the typing: the count goes down with each name,
     * and once every ticket is named it says so, no longer as a failure.
     */
    public void keepRefusalCurrent(dev.tessera.desktop.ui.Feedback feedback) {
        missing.addListener((obs, old, now) -> {
            Message said = feedback.messageProperty().get();
            if (said == null || !REFUSED.equals(said.key()) || lines.isEmpty()) {
                return;
            }
            feedback.say(now.intValue() == 0 ? Message.of("attendees.required.done") : Message.of(REFUSED, now));
            feedback.setFailed(now.intValue() > 0);
        });
    }

    /** The sentence a sale refused for missing names says (its argument: how many are missing). */
    public static final String REFUSED = "attendees.required.refused";

    /** A line per ticket, with empty names. */
    public void show(List<Message> places) {
        List<Line> fresh = new ArrayList<>();
        for (Message place : places) {
            StringProperty name = new SimpleStringProperty("");
            name.addListener((obs, old, now) -> count());
            fresh.add(new Line(place, name));
        }
        lines.setAll(fresh);
        count();
    }

    public void clear() {
        show(List.of());
    }

    private void count() {
        missing.set((int) lines.stream().filter(l -> l.name().get() == null || l.name().get().isBlank()).count());
    }

    /** The typed names, stripped, one per ticket in the basket's order; a blank one is null. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Line line : lines) {
            String n = line.name().get() == null ? "" : line.name().get().strip();
            names.add(n.isEmpty() ? null : n);
        }
        return names;
    }

    public ObservableList<Line> lines() {
        return lines;
    }

    /** Whether the event being sold requires a name on every ticket. */
    public BooleanProperty requiredProperty() {
        return required;
    }

    /** How many tickets of the basket still have no name. */
    public IntegerProperty missingProperty() {
        return missing;
    }

    /** True when nothing stops the sale: names not required, or every ticket named. */
    public BooleanBinding completeProperty() {
        return complete;
    }
}
