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

    /** The name of the foreign key of {@code table} whose only column is {@code column}, referencing {@code parent}. */
    static String foreignKey(Connection connection, String table, String column, String parent)
            throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, String> parents = new LinkedHashMap<>();
        try (ResultSet keys = meta.getImportedKeys(connection.getCatalog(), connection.getSchema(), stored)) {
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
