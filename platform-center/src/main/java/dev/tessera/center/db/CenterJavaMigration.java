package dev.tessera.center.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

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

    /**
     * Drops the foreign key of {@code table} whose only column is {@code column}, referencing {@code parent}: the keys
     * of V1 have no names of their own (H2 and PostgreSQL named them differently), so it is found by its columns.
     */
    static void dropForeignKey(DSLContext ctx, Connection connection, String table, String column, String parent)
            throws SQLException {
        ctx.alterTable(table).dropConstraint(DSL.name(foreignKey(connection, table, column, parent))).execute();
    }

    /** {@code table} as the database's metadata spells it (H2 keeps unquoted names in upper case). */
    static String stored(DatabaseMetaData meta, String table) throws SQLException {
        return meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }

    /** The name of the foreign key of {@code table} whose only column is {@code column}, referencing {@code parent}. */
    private static String foreignKey(Connection connection, String table, String column, String parent)
            throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, String> parents = new LinkedHashMap<>();
        try (ResultSet keys = meta.getImportedKeys(connection.getCatalog(), connection.getSchema(),
                stored(meta, table))) {
            while (keys.next()) {
                String name = keys.getString("FK_NAME");
                columns.computeIfAbsent(name, n -> new ArrayList<>()).add(keys.getString("FKCOLUMN_NAME"));
                parents.put(name, keys.getString("PKTABLE_NAME"));
            }
        }
        return columns.entrySet().stream()
                .filter(e -> e.getValue().size() == 1 && e.getValue().getFirst().equalsIgnoreCase(column)
                        && parents.get(e.getKey()).equalsIgnoreCase(parent))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalStateException("no foreign key " + table + " (" + column + ") -> "
                        + parent + " to replace"));
    }
}
