package dev.tessera.center.db;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jooq.SQLDialect;

/**
 * A center migration written in Java (where SQL alone cannot do it on both H2 and PostgreSQL): its version and
 * description, run in the migration's transaction, no checksum (Flyway keeps none for Java migrations we change).
 */
abstract class CenterJavaMigration implements JavaMigration {
    protected final SQLDialect dialect;
    private final MigrationVersion version;
    private final String description;

    CenterJavaMigration(SQLDialect dialect, String version, String description) {
        this.dialect = dialect;
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return null;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }
}
