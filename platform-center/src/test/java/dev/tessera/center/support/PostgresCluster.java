package dev.tessera.center.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away PostgreSQL cluster from Debian's package: initdb into a temporary folder, started on
 * 127.0.0.1 on a free port, stopped and deleted afterwards. One cluster serves a whole test JVM.
 * With {@code -Dtessera.test.pg=required} (the README's test command) a missing server is a failure,
 * otherwise the PostgreSQL tests are skipped.
 */
public final class PostgresCluster {
    private static PostgresCluster shared;

    private final Path dir;
    /**
     * {@code -Dbench.pgStatements}: the server keeps per-statement statistics (pg_stat_statements, with the foreign-key
     * checks it runs inside statements), for the center benchmark's profile of a sale; off for tests, as it costs.
     */
    public static final boolean STATEMENT_STATISTICS = Boolean.getBoolean("bench.pgStatements");
    private final int port;
    private final Path bin;

    private PostgresCluster(Path dir, int port, Path bin) {
        this.dir = dir;
        this.port = port;
        this.bin = bin;
    }

    public static synchronized PostgresCluster shared() {
        if (shared == null) {
            Path bin = findBin();
            if (bin == null) {
                boolean required = "required".equals(System.getProperty("tessera.test.pg"));
                if (required) {
                    throw new IllegalStateException("PostgreSQL is required for these tests but no initdb was found "
                            + "under /usr/lib/postgresql/*/bin; install Debian's postgresql package (./tessera test does)");
                }
                Assumptions.abort("PostgreSQL is not installed; run ./tessera test to include the PostgreSQL suite");
            }
            try {
                shared = start(bin);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("could not start a PostgreSQL cluster: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "postgres-test-cluster-stop"));
        }
        return shared;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public Path bin() {
        return bin;
    }

    /** The server's main process (its first line of postmaster.pid): the benchmark reads its CPU time from procfs. */
    public long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dir.resolve("data").resolve("postmaster.pid")).getFirst().trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the server's postmaster.pid in " + dir, e);
        }
    }

    /** A fresh, empty database in the shared cluster. */
    public String createDatabase(String name) {
        run(List.of(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres",
                "-v", "ON_ERROR_STOP=1", "-c", "DROP DATABASE IF EXISTS " + name, "-c", "CREATE DATABASE " + name));
        return jdbcUrl(name);
    }

    private static Path findBin() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (var versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .sorted().reduce((a, b) -> b).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static PostgresCluster start(Path bin) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("tessera-pg-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            runChecked(List.of("chown", "postgres:postgres", dir.toString()));
        }
        PostgresCluster cluster = new PostgresCluster(dir, port, bin);
        cluster.asPostgres(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust",
                "-U", "postgres", "--no-sync"));
        cluster.asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on"
                        + (STATEMENT_STATISTICS ? " -c shared_preload_libraries=pg_stat_statements "
                                + "-c pg_stat_statements.track=all -c pg_stat_statements.track_planning=on" : ""),
                "-l", dir.resolve("log").toString(), "-w", "start"));
        return cluster;
    }

    public void stop() {
        try {
            asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "stop"));
        } catch (RuntimeException e) {
            // already stopped
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the OS cleans it
        }
    }

    /** Stops and starts the server (the data stays): a database restart under load. */
    public void restart() {
        // -l: the restarted server must not inherit (and hold open) the pipe this process reads pg_ctl's output from
        asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast",
                "-l", dir.resolve("log").toString(), "-w", "restart"));
    }

    private void asPostgres(List<String> command) {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) {
        try {
            runChecked(command);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + e.getMessage(), e);
        }
    }

    private static void runChecked(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ": " + output);
        }
    }
}
