package dev.tessera.center.db;

import static org.jooq.impl.DSL.constraint;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Migration 23 (issue 13): a sale no longer locks its event's row seven times.
 *
 * <p>On PostgreSQL every foreign-key check takes {@code FOR KEY SHARE} on the row it names; issuing info, sale, two
 * sold seats and two tickets each named the event, so every concurrent sale of an event queued on one row (as a
 * multixact). Their event now follows from a row the sale itself just wrote or locked, and the database still
 * enforces it: issuing info names its hold with the hold's event, the sale its issuing info with that event, each
 * ticket its sale with the sale's event, and a sold seat the event's own seat row (whose key includes the event). Only
 * the hold names the event row, once a sale. The single-column keys these composite ones contain are dropped with
 * them. The parent keys need {@code UNIQUE (id, event_id)} on seat_hold, issuing_info and sale.
 *
 * <p>{@code seat_state_revision_ix} stays although {@code revision} changes on every seat update (so no seat update is
 * HOT): a cluster instance reads every watched event's changes by revision every two seconds (its catch-up) and a
 * reconnecting terminal its delta; without the index each read walks the whole event (100,000 rows a stadium).
 *
 * <p>A Java migration because the foreign keys of V1 have no names of their own: H2 and PostgreSQL named them
 * differently, so they are found by their columns in the database's metadata.
 */
final class SalesWithoutEventRowLocks extends CenterJavaMigration {
    SalesWithoutEventRowLocks(SQLDialect dialect) {
        super(dialect, "23", "sales without event row locks");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        DSLContext ctx = DSL.using(connection, dialect, Database.settings());
        ctx.alterTable("seat_hold").add(constraint("seat_hold_event_uk").unique("id", "event_id")).execute();
        ctx.alterTable("issuing_info").add(constraint("issuing_info_event_uk").unique("id", "event_id")).execute();
        ctx.alterTable("sale").add(constraint("sale_event_uk").unique("id", "event_id")).execute();
        for (String[] key : List.of(new String[] {"issuing_info", "event_id", "event"},
                new String[] {"issuing_info", "hold_id", "seat_hold"}, new String[] {"sale", "event_id", "event"},
                new String[] {"sale", "issuing_info_id", "issuing_info"}, new String[] {"sold_seat", "event_id", "event"},
                new String[] {"ticket", "event_id", "event"}, new String[] {"ticket", "sale_id", "sale"})) {
            dropForeignKey(ctx, connection, key[0], key[1], key[2]);
        }
        ctx.alterTable("issuing_info").add(constraint("issuing_info_hold_event_fk").foreignKey("hold_id", "event_id")
                .references("seat_hold", "id", "event_id")).execute();
        ctx.alterTable("sale").add(constraint("sale_issuing_info_event_fk").foreignKey("issuing_info_id", "event_id")
                .references("issuing_info", "id", "event_id")).execute();
        ctx.alterTable("ticket").add(constraint("ticket_sale_event_fk").foreignKey("sale_id", "event_id")
                .references("sale", "id", "event_id")).execute();
        ctx.alterTable("sold_seat").add(constraint("sold_seat_seat_fk").foreignKey("seat_id", "event_id")
                .references("seat_state", "seat_id", "event_id")).execute();
    }
}
