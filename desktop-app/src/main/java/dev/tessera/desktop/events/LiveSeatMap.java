package dev.tessera.desktop.events;

import dev.tessera.contract.availability.AreaCount;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.designer.availability.AreaLevel;
import dev.tessera.designer.availability.AvailabilityView;
import dev.tessera.designer.availability.SeatStatus;
import dev.tessera.desktop.ui.Localization;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The live seat map of the counter and the Events workspace: seat-designer's {@link AvailabilityView} (the
 * renderer the designer benchmark measures) kept in step with a {@link SeatAvailabilityViewModel}. The view model
 * merges the center's snapshots and live changes; this hands the view each seat's status and whether it is in the
 * seller's own block, and the stage caption in the chosen language.
 */
public final class LiveSeatMap {
    private LiveSeatMap() {}

    /** The live map bound to a view model: {@link #view} kept in step with its statuses and the seller's block. */
    public static AvailabilityView of(SeatAvailabilityViewModel seats, Localization l10n) {
        AvailabilityView view = view(l10n);
        seats.seatMapProperty().addListener((obs, old, map) -> show(view, seats, map));
        seats.addSeatsChangedListener(ids -> update(view, seats, ids));
        show(view, seats, seats.seatMapProperty().get());
        // issue 18: each standing area drawn as full as the center says, with the places left written in it
        Runnable levels = () -> {
            view.getAreaLevels().clear();
            seats.areas().forEach((id, count) -> view.getAreaLevels().put(id, new AreaLevel(count.capacity(),
                    count.held() + count.allocated(), count.sold(),
                    l10n.text("events.area.left", count.remaining(), count.capacity()))));
        };
        seats.areas().addListener((javafx.collections.MapChangeListener<String, AreaCount>) c ->
                levels.run());
        // the app's language outlives this view (a new one each sign-in): listened to weakly, held by the view
        javafx.beans.value.ChangeListener<java.util.Locale> relabel = (obs, old, now) -> levels.run();
        view.getProperties().put(LiveSeatMap.class, relabel);
        l10n.localeProperty().addListener(new javafx.beans.value.WeakChangeListener<>(relabel));
        levels.run();
        return view;
    }

    /**
     * The view exactly as the counter and Events show it, before any seat map: without the designer's side panel
     * (the host shows its own counts and actions), the stage caption in the chosen language. The designer
     * benchmark measures this view.
     */
    public static AvailabilityView view(Localization l10n) {
        AvailabilityView view = new AvailabilityView();
        view.getStyleClass().add("seat-map");
        view.setSidePanelVisible(false);
        view.stageLabelProperty().bind(l10n.binding("events.seats.stage"));
        return view;
    }

    private static void show(AvailabilityView view, SeatAvailabilityViewModel seats, SeatMap map) {
        view.getOwnSeatIds().clear();
        view.setSeatMap(map);
        if (map == null) {
            return;
        }
        // the first statuses of a map are not news: no animation for them
        boolean animated = view.isAnimated();
        view.setAnimated(false);
        update(view, seats, map.seats().stream().map(Seat::id).toList());
        view.setAnimated(animated);
    }

    private static void update(AvailabilityView view, SeatAvailabilityViewModel seats, Iterable<String> seatIds) {
        Map<String, SeatStatus> changes = new HashMap<>();
        Set<String> own = view.getOwnSeatIds();
        for (String id : seatIds) {
            SeatStatus status = seats.status(id);
            // a seat no snapshot has named yet is not for sale here
            changes.put(id, status == null ? SeatStatus.BLOCKED : status);
            if (seats.isAllocatedToYou(id)) {
                own.add(id);
            } else {
                own.remove(id);
            }
        }
        view.applyChanges(changes);
    }
}
