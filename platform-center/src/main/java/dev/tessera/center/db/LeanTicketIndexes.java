package dev.tessera.center.db;

import java.sql.SQLException;
import org.flywaydb.core.api.migration.Context;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Migration 30 (issue 13): two fewer index entries for every ticket a sale writes.
 *
 * <p>{@code ticket_sale_ix (sale_id)} goes: {@code ticket_sales_log_ix} (V27) begins with {@code sale_id} and serves
 * every lookup of a sale's tickets (and the foreign-key checks of a deleted sale) as well. On PostgreSQL
 * {@code ticket_holder_ix} keeps only the tickets that are on a chip: a paper ticket (no chip) added an entry under
 * NULL that no query reads, since every query of it asks for one chip ({@code holder_chip_id = ?}), which the partial
 * index answers. H2 has no partial indexes and keeps the whole one.
 */
final class LeanTicketIndexes extends CenterJavaMigration {
    LeanTicketIndexes(SQLDialect dialect) {
        super(dialect, "30", "lean ticket indexes");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        DSLContext ctx = DSL.using(context.getConnection(), dialect, Database.settings());
        ctx.dropIndex("ticket_sale_ix").on("ticket").execute();
        if (dialect.family() == SQLDialect.POSTGRES) {
            ctx.dropIndex("ticket_holder_ix").on("ticket").execute();
            ctx.createIndex("ticket_holder_ix").on("ticket", "holder_chip_id")
                    .where(DSL.field(DSL.name("holder_chip_id")).isNotNull()).execute();
        }
    }
}
