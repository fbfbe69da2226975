package dev.tessera.center.db;

import java.sql.SQLException;
import org.flywaydb.core.api.migration.Context;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Migration 34 (issue 13): on PostgreSQL, seat rows are written with a fifth of each page left free, so that a seat
 * change (hold, sale, release, void) writes the row's new version on its own page as a HOT update: no new entry in the
 * primary key or {@code seat_state_row_ix}, which migration 33 made possible by moving the revision's index into
 * {@code seat_change}. A new event's seats are inserted with the room; the pages of seats already there fill up as
 * before and gain room as vacuum frees them. H2 has no such setting and needs none.
 */
final class SeatRowsWithRoom extends CenterJavaMigration {
    /** Percent of a seat page that inserts fill. */
    static final int SEAT_FILLFACTOR = 80;

    SeatRowsWithRoom(SQLDialect dialect) {
        super(dialect, "34", "seat rows with room");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        if (dialect.family() == SQLDialect.POSTGRES) {
            DSL.using(context.getConnection(), dialect, Database.settings())
                    .execute("ALTER TABLE seat_state SET (fillfactor = " + SEAT_FILLFACTOR + ")");
        }
    }
}
