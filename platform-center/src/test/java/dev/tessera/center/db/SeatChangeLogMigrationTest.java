package dev.tessera.center.db;

import static dev.tessera.center.db.schema.Tables.SEAT_CHANGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.live.AvailabilityService;
import dev.tessera.center.support.PostgresCluster;
import dev.tessera.contract.availability.SeatChange;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations 33 and 34 on a center brought up to migration 32 first, as an earlier release left it, with seats already
 * changed, on a real H2 file and a real PostgreSQL database: each changed seat's latest revision is in seat_change, a
 * delta from before every change lists exactly those seats, no index of the seat rows names the revision, and on
 * PostgreSQL new seat pages are filled to 80 %.
 */
class SeatChangeLogMigrationTest {
    private static final long EVENT = 7;

    @Test
    void anH2CenterAtMigration32IsUpgraded(@TempDir Path dir) throws Exception {
        upgrade(CenterConfig.h2FileUrl(dir.resolve("center")), "tessera", SQLDialect.H2);
    }

    @Test
    void aPostgresCenterAtMigration32IsUpgraded() throws Exception {
        upgrade(PostgresCluster.shared().createDatabase("seat_change_upgrade"), "postgres", SQLDialect.POSTGRES);
    }

    private static void upgrade(String url, String user, SQLDialect dialect) throws SQLException {
        Flyway.configure().dataSource(url, user, "").locations("classpath:db/center")
                .javaMigrations(new StandingInventoryOfEarlierEvents(dialect), new SalesWithoutEventRowLocks(dialect),
                        new LeanTicketIndexes(dialect), new SalesWithoutForeignKeyChecks(dialect))
                .target("32").load().migrate();
        try (Connection c = java.sql.DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            // the seats alone, without the event, venue and seat map they belong to: no check of their references
            s.execute(dialect == SQLDialect.H2 ? "SET REFERENTIAL_INTEGRITY FALSE"
                    : "SET session_replication_role = replica");
            s.execute("INSERT INTO seat_state (event_id, seat_id, category_id, section_id, row_id, seat_index, status,"
                    + " hold_id, revision) VALUES (7, 'A-1', 'c', 's', 'A', 0, 'FREE', NULL, 0),"
                    + " (7, 'A-2', 'c', 's', 'A', 1, 'SOLD', 3, 41), (7, 'A-3', 'c', 's', 'A', 2, 'FREE', 4, 44),"
                    + " (7, 'A-4', 'c', 's', 'A', 3, 'HELD', 5, 42), (8, 'A-1', 'c', 's', 'A', 0, 'SOLD', 6, 43)");
            if (dialect == SQLDialect.H2) {
                s.execute("SET REFERENTIAL_INTEGRITY TRUE");
            }
        }
        try (Database db = Database.open(url, user, "", 2)) {
            DSLContext ctx = db.dsl();
            assertThat(ctx.select(SEAT_CHANGE.EVENT_ID, SEAT_CHANGE.REVISION, SEAT_CHANGE.SEAT_ID).from(SEAT_CHANGE)
                    .orderBy(SEAT_CHANGE.REVISION).fetch(r -> r.value1() + "/" + r.value2() + "/" + r.value3()))
                    .as("the latest change of every changed seat").containsExactly("7/41/A-2", "7/42/A-4", "8/43/A-1",
                            "7/44/A-3");
            assertThat(AvailabilityService.changesSince(ctx, EVENT, 0)
                    .fetch(r -> new SeatChange(r.value1(), r.value2(), r.value3())))
                    .containsExactly(new SeatChange("A-2", "SOLD", 41), new SeatChange("A-4", "HELD", 42),
                            new SeatChange("A-3", "FREE", 44));
            assertThat(AvailabilityService.changesSince(ctx, EVENT, 42)
                    .fetch(r -> new SeatChange(r.value1(), r.value2(), r.value3())))
                    .containsExactly(new SeatChange("A-3", "FREE", 44));
            try (Connection c = db.dataSource().getConnection()) {
                var meta = c.getMetaData();
                try (ResultSet indexes = meta.getIndexInfo(c.getCatalog(), c.getSchema(),
                        CenterJavaMigration.stored(meta, "seat_state"), false, false)) {
                    while (indexes.next()) {
                        assertThat(indexes.getString("COLUMN_NAME"))
                                .as("a column of %s", indexes.getString("INDEX_NAME"))
                                .isNotEqualToIgnoringCase("revision");
                    }
                }
            }
            if (dialect == SQLDialect.POSTGRES) {
                assertThat(ctx.resultQuery("select reloptions from pg_class where relname = 'seat_state'").fetchSingle()
                        .get(0, String[].class)).containsExactly("fillfactor=" + SeatRowsWithRoom.SEAT_FILLFACTOR);
            }
            List<String> versions = ctx.resultQuery(
                    "select \"version\" from \"flyway_schema_history\" order by \"installed_rank\"")
                    .fetch(r -> r.get(0, String.class));
            assertThat(versions).as("migrations").endsWith("33", "34");
        }
    }
}
