package dev.tessera.desktop.aftersales;

import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterSession;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The event, its venue address and seat map, as paper and rows need them: fetched once per event. */
final class EventPapers {
    private final CenterSession session;
    private final Map<Long, EventPaper> events = new ConcurrentHashMap<>();

    EventPapers(CenterSession session) {
        this.session = session;
    }

    /** Blocking: the event's paper, fetched on first use. */
    EventPaper of(long eventId) {
        return events.computeIfAbsent(eventId, id -> {
            EventInfo event = session.event(id);
            return new EventPaper(event, session.venueOfEvent(event).address(),
                    session.seatMap(event.venueId(), event.seatMapVersion()), session.eventTax(id));
        });
    }
}
