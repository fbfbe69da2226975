package dev.tessera.center.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.support.PostgresCluster;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations 31 and 32 on a center brought up to migration 30 first, as an earlier release left it, on a real H2 file
 * and a real PostgreSQL database: the foreign keys the sale's own transaction keeps are gone (found by their columns,
 * as H2 and PostgreSQL named the unnamed ones of migration 1 differently), the ones whose parent another part of the
 * center writes are still there, and a sale names its issuing info once.
 */
class SalesWithoutForeignKeyChecksMigrationTest {

    @Test
    void anH2CenterAtMigration30IsUpgraded(@TempDir Path dir) throws Exception {
        upgrade(CenterConfig.h2FileUrl(dir.resolve("center")), "tessera", SQLDialect.H2);
    }

    @Test
    void aPostgresCenterAtMigration30IsUpgraded() throws Exception {
        upgrade(PostgresCluster.shared().createDatabase("fk_upgrade"), "postgres", SQLDialect.POSTGRES);
    }

    private static void upgrade(String url, String user, SQLDialect dialect) throws SQLException {
        Flyway.configure().dataSource(url, user, "").locations("classpath:db/center")
                .javaMigrations(new StandingInventoryOfEarlierEvents(dialect), new SalesWithoutEventRowLocks(dialect),
                        new LeanTicketIndexes(dialect))
                .target("30").load().migrate();
        try (Database db = Database.open(url, user, "", 2); Connection c = db.dataSource().getConnection()) {
            assertThat(parents(c, "ticket")).as("ticket").contains("chip").doesNotContain("sale");
            assertThat(parents(c, "sale")).as("sale").contains("counter_shift")
                    .doesNotContain("issuing_info", "account");
            assertThat(parents(c, "issuing_info")).as("issuing info: its member stays checked").containsOnly("account")
                    .doesNotContain("seat_hold");
            assertThat(parents(c, "seat_hold")).as("seat_hold").isEmpty();
            assertThat(parents(c, "seat_hold_seat")).as("seat_hold_seat").isEmpty();
            assertThat(parents(c, "sold_seat")).as("sold_seat").isEmpty();
            assertThat(parents(c, "idempotency_key")).as("idempotency_key").isEmpty();
            assertThat(parents(c, "seat_hold_area")).as("standing places of a hold stay checked").contains("seat_hold");
            // H2 names a constraint's index after it (SALE_ISSUING_INFO_UK_INDEX_2), PostgreSQL as the constraint
            assertThat(uniqueIndexes(c, "sale")).anyMatch(name -> name.startsWith("sale_issuing_info_uk"))
                    .noneMatch(name -> name.startsWith("sale_event_uk"));
        }
    }

    /** The tables {@code table}'s foreign keys name, lower case. */
    private static Set<String> parents(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        Set<String> parents = new TreeSet<>();
        try (ResultSet keys = meta.getImportedKeys(c.getCatalog(), c.getSchema(), CenterJavaMigration.stored(meta, table))) {
            while (keys.next()) {
                parents.add(keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return parents;
    }

    /** The names of {@code table}'s unique indexes, lower case. */
    private static Set<String> uniqueIndexes(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        Set<String> names = new TreeSet<>();
        try (ResultSet indexes = meta.getIndexInfo(c.getCatalog(), c.getSchema(), CenterJavaMigration.stored(meta, table), true, false)) {
            while (indexes.next()) {
                if (indexes.getString("INDEX_NAME") != null) {
                    names.add(indexes.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }
}
