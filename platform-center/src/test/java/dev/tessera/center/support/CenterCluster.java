package dev.tessera.center.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.support.ApiClient.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 16's cluster as an operator runs it (docs/operations.md "Several instances"): center instances, each a JVM of
 * its own ({@link CenterCommand}) on one database of the shared test PostgreSQL, behind {@link Haproxy}, over HTTPS too
 * when given certificates. The first instance creates the schema, the chip KEK the others share and the organizer
 * {@code admin} ({@link #ADMIN_PASSWORD}).
 */
public final class CenterCluster implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "cluster-admin-password";
    private static final String READY = "platform center ready on";

    private final Path dir;
    private final String dbUrl;
    private final Path kek;
    private final int[] ports;
    private final CenterCommand[] instances;
    private final AtomicInteger starts = new AtomicInteger();
    private Haproxy balancer;

    private CenterCluster(Path dir, String dbUrl, int size) {
        this.dir = dir;
        this.dbUrl = dbUrl;
        this.kek = dir.resolve("center.chip-kek");
        this.ports = new int[size];
        this.instances = new CenterCommand[size];
        for (int i = 0; i < size; i++) {
            ports[i] = Haproxy.freePort();
        }
    }

    /** Starts {@code size} instances on a new database {@code database}, then the balancer. */
    public static CenterCluster start(String database, int size, TestCertificates tls) throws InterruptedException {
        PostgresCluster pg = PostgresCluster.shared();
        Path dir;
        try {
            dir = Files.createTempDirectory("tessera-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CenterCluster cluster = new CenterCluster(dir, pg.createDatabase(database), size);
        try {
            // the first alone: it migrates the schema and writes the chip KEK the others then share; then the rest at once
            cluster.launch(0);
            cluster.awaitReady(0);
            for (int i = 1; i < size; i++) {
                cluster.launch(i);
            }
            for (int i = 1; i < size; i++) {
                cluster.awaitReady(i);
            }
            List<Integer> backends = new ArrayList<>();
            for (int port : cluster.ports) {
                backends.add(port);
            }
            cluster.balancer = Haproxy.start(dir, backends, tls == null ? null : tls.serverPem());
            cluster.awaitBalancer();
            return cluster;
        } catch (RuntimeException | InterruptedException | Error e) {
            cluster.close();
            throw e;
        }
    }

    public String dbUrl() {
        return dbUrl;
    }

    public int size() {
        return ports.length;
    }

    public URI viaBalancer() {
        return URI.create("http://127.0.0.1:" + balancer.httpPort());
    }

    public URI viaBalancerTls() {
        return URI.create("https://127.0.0.1:" + balancer.httpsPort());
    }

    public URI direct(int instance) {
        return URI.create("http://127.0.0.1:" + ports[instance]);
    }

    public CenterCommand instance(int i) {
        return instances[i];
    }

    /** SIGKILLs instance {@code i} and starts it again on its port, without waiting for it. */
    public void killAndRestart(int i) throws InterruptedException {
        instances[i].close();
        launch(i);
    }

    public void awaitReady(int i) throws InterruptedException {
        assertThat(instances[i].awaitConsole(READY, Duration.ofSeconds(90)))
                .as("instance %d started: %s", i, instances[i].console()).isTrue();
    }

    private void launch(int i) {
        Path console = dir.resolve("center" + (i + 1) + "-" + starts.incrementAndGet() + ".log");
        instances[i] = CenterCommand.start(console, Map.of("TESSERA_ADMIN_PASSWORD", ADMIN_PASSWORD),
                "--db", dbUrl, "--db-user", "postgres", "--port", String.valueOf(ports[i]), "--pool", "12",
                "--chip-kek", kek.toString(), "--admin-login", "admin");
    }

    private void awaitBalancer() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                Response health = new ApiClient(viaBalancer()).get("/health");
                if (health.status() == 200) {
                    return;
                }
                last = health.status() + " " + health.body();
            } catch (UncheckedIOException e) {
                last = e.getMessage();
            }
        }
        throw new IllegalStateException("the balancer does not answer /health (" + last + "): " + balancer.log());
    }

    @Override
    public void close() throws InterruptedException {
        if (balancer != null) {
            balancer.close();
        }
        for (CenterCommand instance : instances) {
            if (instance != null) {
                instance.close();
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the OS cleans it
        }
    }
}
