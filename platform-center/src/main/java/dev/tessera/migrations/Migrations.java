package dev.tessera.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;

/**
 * Flyway's migrate for the center's database and the terminal's ledger, skipped when the database already holds every
 * migration this build carries (issue 13: on each start Flyway found, read and checksummed every migration and compared
 * them with its history, ~0.13 s of the app's start for the center and ~0.04 s for the ledger).
 *
 * <p>After a migrate the database is stamped ({@code schema_stamp}, made by a migration) with the fingerprint of the
 * build's migrations: the SQL files' names and bytes, the Java migrations' classes, versions and descriptions. A start
 * that finds its own fingerprint there skips Flyway. Any other (a new or changed migration, a new database, a database
 * without the stamp) runs Flyway as before, with its validation of what was applied, and stamps the database again.
 */
public final class Migrations {
    /** The fingerprint's own format: a change to what it covers changes every fingerprint. */
    private static final String FORMAT = "tessera-migrations-1";
    static final String STAMP_TABLE = "schema_stamp";

    /** What a start did. */
    public enum Outcome { MIGRATED, UP_TO_DATE }

    private Migrations() {}

    /**
     * Migrates the database behind {@code dataSource} with the SQL migrations at {@code location} (a class-path folder,
     * such as {@code db/center}) and {@code javaMigrations}, unless it is stamped with exactly these.
     *
     * @throws org.flywaydb.core.api.FlywayException when Flyway refuses or fails
     */
    public static Outcome migrate(DataSource dataSource, String location, JavaMigration... javaMigrations) {
        String fingerprint = fingerprint(location, javaMigrations);
        if (stamps(dataSource).contains(fingerprint)) {
            return Outcome.UP_TO_DATE;
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:" + location).javaMigrations(javaMigrations)
                .load().migrate();
        writeStamp(dataSource, fingerprint);
        return Outcome.MIGRATED;
    }

    /** The fingerprint of the migrations at {@code location} and of {@code javaMigrations}. */
    static String fingerprint(String location, JavaMigration... javaMigrations) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        update(digest, FORMAT);
        resources(location).forEach((name, bytes) -> {
            update(digest, name);
            update(digest, Integer.toString(bytes.length));
            digest.update(bytes);
        });
        for (JavaMigration java : javaMigrations) {
            update(digest, java.getClass().getName());
            update(digest, String.valueOf(java.getVersion()));
            update(digest, java.getDescription());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    /** Every file under {@code location} on the class path (in jars and folders, as Flyway finds them), by name. */
    private static TreeMap<String, byte[]> resources(String location) {
        TreeMap<String, byte[]> found = new TreeMap<>();
        String prefix = location + "/";
        try {
            for (URL url : Collections.list(Migrations.class.getClassLoader().getResources(location))) {
                if (url.getProtocol().equals("jar")) {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        for (JarEntry entry : Collections.list(jar.entries())) {
                            if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                                try (InputStream in = jar.getInputStream(entry)) {
                                    found.put(entry.getName(), in.readAllBytes());
                                }
                            }
                        }
                    }
                } else if (url.getProtocol().equals("file")) {
                    Path folder = Path.of(url.toURI());
                    List<Path> files = new ArrayList<>();
                    try (var walk = Files.walk(folder)) {
                        walk.filter(Files::isRegularFile).forEach(files::add);
                    }
                    for (Path file : files) {
                        String name = prefix + folder.relativize(file).toString().replace('\\', '/');
                        found.put(name, Files.readAllBytes(file));
                    }
                } else {
                    // a class path this code cannot list: no fingerprint can be trusted, so Flyway runs every time
                    found.put(url.toString(), String.valueOf(System.nanoTime()).getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the migrations at " + location, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the migrations at " + location, e);
        }
        return found;
    }

    /**
     * The database's stamps: one, or none (no stamp table: a database Flyway has not brought this far); two instances
     * of a cluster stamping at once may leave two, of the same fingerprint.
     */
    private static List<String> stamps(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DSLContext dsl = DSL.using(connection, JDBCUtils.dialect(connection));
            return dsl.select(DSL.field("fingerprint", String.class)).from(DSL.table(STAMP_TABLE))
                    .fetch(r -> r.value1());
        } catch (SQLException | DataAccessException e) {
            return List.of();
        }
    }

    private static void writeStamp(DataSource dataSource, String fingerprint) {
        try (Connection connection = dataSource.getConnection()) {
            DSLContext dsl = DSL.using(connection, JDBCUtils.dialect(connection));
            dsl.transaction(tx -> {
                tx.dsl().deleteFrom(DSL.table(STAMP_TABLE)).execute();
                tx.dsl().insertInto(DSL.table(STAMP_TABLE)).columns(DSL.field("fingerprint", String.class))
                        .values(fingerprint).execute();
            });
        } catch (SQLException e) {
            throw new DataAccessException("cannot stamp the migrated database: " + e.getMessage(), e);
        }
    }
}
