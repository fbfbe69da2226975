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
 * Migration 31 (issue 13): the rows a sale writes no longer check their parents one foreign key at a time.
 *
 * <p>On PostgreSQL each foreign-key check is a query of its own that locks the parent row {@code FOR KEY SHARE} and
 * writes that lock to the WAL. A sale of 2 seats paid at once ran 11 of them: the event row (one row shared by every
 * concurrent sale of the event, so a multixact), the seller's account 4 times, and the hold, issuing info, sale and
 * seats that the same transaction had just written or updated. Dropping them took a sale from 23 statements and 57 WAL
 * records to 12 and 38, and PostgreSQL's CPU a sale by about a quarter (docs/performance.md).
 *
 * <p>Nothing is lost, because no parent row is ever deleted (the center deletes no event, account, hold, issuing info,
 * sale or seat row) and the center writes each of these children in the transaction that writes or checks its parent:
 * the seller is the signed-in account, and the idempotency key's account too; a hold and a sale name the event they
 * read and whose seats or standing places they moved (the number of seats moved is checked before the commit, an
 * area's places by its update); a hold's seats are written with the hold; issuing info, sale, sold seats and tickets
 * are written together, the sold seats naming the seats the same transaction sold. {@code LedgerIntegrity} checks
 * that no such row names a missing parent, after every test suite that sells (H2 and PostgreSQL), the fault tests and
 * the benchmark. The unique keys {@code (id, event_id)} of {@code seat_hold}, {@code issuing_info} and {@code sale}
 * existed only for the composite keys of migration 23 and go with them (three index entries a sale; migration 32
 * gives {@code sale} one back, {@code UNIQUE (issuing_info_id)}, which the lookups of an issued hold's sale use).
 *
 * <p>Kept: the references whose parent another part of the center writes, which a request may name wrongly (a ticket's
 * chip and member, a sale's shift, a seat's allocation, the after-sales rows), and {@code issuing_info (hold_id)}'s
 * uniqueness, which keeps a hold from being sold twice.
 */
final class SalesWithoutForeignKeyChecks extends CenterJavaMigration {
    SalesWithoutForeignKeyChecks(SQLDialect dialect) {
        super(dialect, "31", "sales without foreign key checks");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        DSLContext ctx = DSL.using(connection, dialect, Database.settings());
        for (String[] key : List.of(new String[] {"issuing_info", "issuing_info_hold_event_fk"},
                new String[] {"sale", "sale_issuing_info_event_fk"}, new String[] {"ticket", "ticket_sale_event_fk"},
                new String[] {"sold_seat", "sold_seat_seat_fk"}, new String[] {"seat_hold", "seat_hold_event_uk"},
                new String[] {"issuing_info", "issuing_info_event_uk"}, new String[] {"sale", "sale_event_uk"})) {
            ctx.alterTable(key[0]).dropConstraint(constraint(key[1])).execute();
        }
        for (String[] key : List.of(new String[] {"seat_hold", "event_id", "event"},
                new String[] {"seat_hold", "seller_id", "account"}, new String[] {"seat_hold_seat", "hold_id", "seat_hold"},
                new String[] {"issuing_info", "seller_id", "account"}, new String[] {"sale", "seller_id", "account"},
                new String[] {"idempotency_key", "account_id", "account"})) {
            dropForeignKey(ctx, connection, key[0], key[1], key[2]);
        }
    }
}
