package dev.tessera.desktop.events;

import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.Gate;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.desktop.ui.Localization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The service information of the selected event (claim 71) in the chosen language: servicer,
 * venue, doors-open and start times, prices per category, gates, sellers and contact.
 */
public final class ServiceInfoViewModel {
    private final Localization l10n;
    private final ObservableValue<EventInfo> event;
    private final ObservableValue<SeatMap> seatMap;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper servicer = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper venue = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper doorsOpen = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper startsAt = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper prices = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper gates = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sellers = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper contact = new ReadOnlyStringWrapper("");

    public ServiceInfoViewModel(ObservableValue<EventInfo> event, ObservableValue<SeatMap> seatMap, Localization l10n) {
        this.l10n = l10n;
        this.event = event;
        this.seatMap = seatMap;
        event.addListener((obs, old, now) -> update());
        seatMap.addListener((obs, old, now) -> update());
        l10n.localeProperty().addListener((obs, old, now) -> update());
        update();
    }

    private void update() {
        EventInfo e = event.getValue();
        if (e == null) {
            List.of(name, status, servicer, venue, doorsOpen, startsAt, prices, gates, sellers, contact)
                    .forEach(p -> p.set(""));
            return;
        }
        Locale locale = l10n.getLocale();
        SeatMap map = seatMap.getValue();
        name.set(e.name());
        status.set(l10n.text("event.status." + e.status()));
        servicer.set(e.servicer());
        venue.set(e.venueName() == null ? "#" + e.venueId() : e.venueName());
        doorsOpen.set(Formats.dateTime(e.doorsOpen(), locale));
        startsAt.set(Formats.dateTime(e.startsAt(), locale));
        prices.set(prices(e, map, locale));
        gates.set(String.join(l10n.text("list.separator"), e.gates().stream().map(g -> gateName(g, map)).toList()));
        sellers.set(e.sellerNames().isEmpty() ? l10n.text("events.info.noSellers")
                : String.join(l10n.text("list.separator"), e.sellerNames()));
        contact.set(e.contact());
    }

    /** One line per category, in the seat map's order when it is known. */
    private static String prices(EventInfo e, SeatMap map, Locale locale) {
        List<String> lines = new ArrayList<>();
        List<String> order = map == null ? e.pricesMinor().keySet().stream().sorted().toList()
                : map.categories().stream().map(Category::id).filter(e.pricesMinor()::containsKey).toList();
        for (String id : order) {
            String label = map == null ? id : map.category(id).map(Category::name).orElse(id);
            lines.add(label + "  " + Formats.money(e.pricesMinor().get(id), e.currency(), locale));
        }
        return String.join("\n", lines);
    }

    private static String gateName(String id, SeatMap map) {
        if (map == null) {
            return id;
        }
        Map<String, String> names = new HashMap<>();
        for (Gate g : map.gates()) {
            names.put(g.id(), g.name());
        }
        return names.getOrDefault(id, id);
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty servicerProperty() {
        return servicer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty venueProperty() {
        return venue.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty doorsOpenProperty() {
        return doorsOpen.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty startsAtProperty() {
        return startsAt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pricesProperty() {
        return prices.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty gatesProperty() {
        return gates.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sellersProperty() {
        return sellers.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty contactProperty() {
        return contact.getReadOnlyProperty();
    }
}
