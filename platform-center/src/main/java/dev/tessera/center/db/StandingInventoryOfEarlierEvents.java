package dev.tessera.center.db;

import static dev.tessera.center.db.schema.Tables.EVENT;
import static dev.tessera.center.db.schema.Tables.GA_INVENTORY;
import static dev.tessera.center.db.schema.Tables.SEAT_MAP_VERSION;

import dev.tessera.core.seatmap.GeneralAdmissionArea;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.SeatMapFormat;
import dev.tessera.core.seatmap.SeatMapFormatException;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.Context;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Migration 14: the standing areas of events registered before migration 13 get their inventory, as registration
 * gives a new event's areas (capacity from the event's seat-map version, nothing held or sold), so a center that
 * is upgraded sells its existing events' standing areas too. An event whose areas already have rows is left alone;
 * a stored seat map that no longer loads stops the migration with its venue and version named.
 */
final class StandingInventoryOfEarlierEvents extends CenterJavaMigration {
    StandingInventoryOfEarlierEvents(SQLDialect dialect) {
        super(dialect, "14", "standing inventory of earlier events");
    }

    @Override
    public void migrate(Context context) {
        DSLContext ctx = DSL.using(context.getConnection(), dialect, Database.settings());
        // only the columns that exist at this version: later migrations may add others to these tables
        var events = ctx.select(EVENT.ID, SEAT_MAP_VERSION.VENUE_ID, SEAT_MAP_VERSION.VERSION, SEAT_MAP_VERSION.DOCUMENT)
                .from(EVENT).join(SEAT_MAP_VERSION).on(SEAT_MAP_VERSION.VENUE_ID.eq(EVENT.VENUE_ID),
                        SEAT_MAP_VERSION.VERSION.eq(EVENT.SEAT_MAP_VERSION))
                .whereNotExists(DSL.selectOne().from(GA_INVENTORY).where(GA_INVENTORY.EVENT_ID.eq(EVENT.ID)))
                .orderBy(EVENT.ID).fetch();
        Map<String, SeatMap> maps = new HashMap<>();
        for (var event : events) {
            SeatMap map = maps.computeIfAbsent(event.value2() + "/" + event.value3(), key -> {
                try {
                    return SeatMapFormat.read(event.value4());
                } catch (SeatMapFormatException e) {
                    throw new IllegalStateException("the seat map of venue " + event.value2() + " version "
                            + event.value3() + " (event " + event.value1() + ") does not load: " + e.getMessage(), e);
                }
            });
            for (GeneralAdmissionArea area : map.areas()) {
                ctx.insertInto(GA_INVENTORY).set(GA_INVENTORY.EVENT_ID, event.value1())
                        .set(GA_INVENTORY.AREA_ID, area.id()).set(GA_INVENTORY.CATEGORY_ID, area.categoryId())
                        .set(GA_INVENTORY.CAPACITY, area.capacity()).set(GA_INVENTORY.REVISION, 0L).execute();
            }
        }
    }
}
