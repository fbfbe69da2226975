package dev.tessera.reports.data;

import static dev.tessera.center.db.schema.Tables.EVENT;
import static dev.tessera.center.db.schema.Tables.SEAT_MAP_VERSION;
import static dev.tessera.center.db.schema.Tables.VENUE;

import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.SeatMapFormat;
import dev.tessera.core.seatmap.SeatMapFormatException;
import dev.tessera.reports.ReportException;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;

/** Looks up events with their venue and parsed seat map, each once per report. */
public final class EventCatalog {
    private final DSLContext dsl;
    private final Map<Long, EventInfo> events = new HashMap<>();

    public EventCatalog(DSLContext dsl) {
        this.dsl = dsl;
    }

    public EventInfo event(long eventId) {
        EventInfo known = events.get(eventId);
        if (known == null) {
            known = load(eventId);
            events.put(eventId, known);
        }
        return known;
    }

    private EventInfo load(long eventId) {
        var row = dsl.select(EVENT.ID, EVENT.NAME, EVENT.SERVICER, VENUE.NAME, VENUE.ADDRESS, EVENT.DOORS_OPEN,
                        EVENT.STARTS_AT, EVENT.ENDS_AT, EVENT.CURRENCY, EVENT.CONTACT, SEAT_MAP_VERSION.DOCUMENT)
                .from(EVENT)
                .join(VENUE).on(VENUE.ID.eq(EVENT.VENUE_ID))
                .join(SEAT_MAP_VERSION).on(SEAT_MAP_VERSION.VENUE_ID.eq(EVENT.VENUE_ID),
                        SEAT_MAP_VERSION.VERSION.eq(EVENT.SEAT_MAP_VERSION))
                .where(EVENT.ID.eq(eventId))
                .fetchOne();
        if (row == null) {
            throw new ReportException("There is no event " + eventId + ".");
        }
        SeatMap map;
        try {
            map = SeatMapFormat.read(row.value11());
        } catch (SeatMapFormatException e) {
            throw new ReportException("The seat map of event " + eventId + " could not be read.", e);
        }
        return new EventInfo(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                row.value6().toInstant(), row.value7().toInstant(), row.value8().toInstant(), row.value9(),
                row.value10(), map);
    }
}
