package dev.tessera.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.migrations.Migrations.Outcome;
import java.nio.file.Path;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: Flyway runs when the database is not stamped with this build's migrations, and only then; a stamp of
 * other migrations (a changed file, an older build) runs Flyway with its validation again.
 */
class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void aStampedDatabaseSkipsFlywayAndAnyOtherStampRunsIt() {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("db"), "sa", "");
        try {
            DSLContext dsl = DSL.using(pool, SQLDialect.H2);
            assertThat(Migrations.migrate(pool, "db/stamp-a")).isEqualTo(Outcome.MIGRATED);
            assertThat(dsl.fetchCount(DSL.table("\"flyway_schema_history\""), DSL.field("\"success\"").isTrue(),
                    DSL.field("\"type\"").eq("SQL"))).isEqualTo(2);
            assertThat(dsl.fetch("SELECT fingerprint FROM schema_stamp").getValues(0, String.class))
                    .containsExactly(Migrations.fingerprint("db/stamp-a"));

            assertThat(Migrations.migrate(pool, "db/stamp-a")).isEqualTo(Outcome.UP_TO_DATE);

            // a stamp of other migrations: Flyway runs (nothing to apply) and stamps this build's
            dsl.execute("UPDATE schema_stamp SET fingerprint = 'of another build'");
            assertThat(Migrations.migrate(pool, "db/stamp-a")).isEqualTo(Outcome.MIGRATED);
            assertThat(Migrations.migrate(pool, "db/stamp-a")).isEqualTo(Outcome.UP_TO_DATE);

            // a build whose V1 differs from the one applied: Flyway's validation refuses it, as without the stamp
            assertThatThrownBy(() -> Migrations.migrate(pool, "db/stamp-b")).isInstanceOf(FlywayException.class)
                    .hasMessageContaining("checksum");
        } finally {
            pool.dispose();
        }
    }

    @Test
    void theFingerprintFollowsTheMigrationsBytes() {
        assertThat(Migrations.fingerprint("db/stamp-a")).hasSize(64).isEqualTo(Migrations.fingerprint("db/stamp-a"))
                .isNotEqualTo(Migrations.fingerprint("db/stamp-b"));
        // the center's own migrations are found in its jar or classes folder
        assertThat(Migrations.fingerprint("db/center")).isNotEqualTo(Migrations.fingerprint("db/no-such-folder"));
    }
}
