package dev.tessera.desktop.faults;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.CenterMain;
import dev.tessera.center.db.Database;
import dev.tessera.center.support.ChildJvm;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.client.CenterException;
import dev.tessera.client.CenterProblemException;
import dev.tessera.desktop.support.Eventually;
import dev.tessera.h2.H2HeaderRepair;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The standalone center ({@link CenterMain}, a JVM of its own with the demo data) on an H2 file in a folder or on a
 * database of the test PostgreSQL cluster, on a fixed loopback port, so it can be killed with SIGKILL and started
 * again on the same database and port.
 */
final class CenterProcess implements AutoCloseable {
    /**
     * How long a start may take before the run fails. The full run's hundreds of restarts share the machine with 64
     * clients; a start slowed by a starved machine is not what the suite looks for (a lost commit is), so it waits
     * longer: {@code -Dtessera.faults.startSeconds=N}.
     */
    static final int START_LIMIT_SECONDS = Integer.getInteger("tessera.faults.startSeconds", FaultTally.FULL ? 300 : 60);
    private final Path dir;
    private final String jdbcUrl;
    private final String user;
    private final int port;
    private final int holdSeconds;
    private Process process;
    private long slowestStartMillis;
    private String lastStop = "not stopped";

    private CenterProcess(Path dir, String jdbcUrl, String user, int port, int holdSeconds) {
        this.dir = dir;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.port = port;
        this.holdSeconds = holdSeconds;
    }

    /** Starts the center on an H2 file in {@code dir} and waits until it answers /health. */
    static CenterProcess start(Path dir, int holdSeconds) throws IOException {
        return start(dir, CenterConfig.h2FileUrl(dir.resolve("center")), "tessera", holdSeconds);
    }

    /** Starts the center on the database at {@code jdbcUrl} (its log in {@code dir}) and waits for /health. */
    static CenterProcess start(Path dir, String jdbcUrl, String user, int holdSeconds) throws IOException {
        CenterProcess center = new CenterProcess(dir, jdbcUrl, user, freePort(), holdSeconds);
        center.start();
        return center;
    }

    /** The longest time from starting the JVM to its first healthy answer, over every start so far. */
    long slowestStartMillis() {
        return slowestStartMillis;
    }

    /** Copies the center's log (every start of this run) to {@code file}, for a look after the temporary folder is gone. */
    void keepLog(Path file) {
        if (!java.nio.file.Files.exists(dir.resolve("center.log"))) {
            return;
        }
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.copy(dir.resolve("center.log"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Writes the running center's thread dump and heap summary ({@code jcmd <pid> Thread.print}, {@code GC.heap_info})
     * to {@code file}, and copies H2's own trace file and the file as the last SIGKILL left it beside it: what a center
     * that stopped answering was waiting for, kept in target/faults beside its log. Best effort: a failure to dump goes to the
     * test's error output and never hides the failure that asked for it.
     */
    void dumpThreads(Path file) {
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.deleteIfExists(file);
            if (process == null || !process.isAlive()) {
                java.nio.file.Files.writeString(file, "the center was not running\n");
                return;
            }
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            // the threads, then the heap (a center short of its 256 MB would wedge the same way)
            for (String command : List.of("Thread.print -l", "GC.heap_info")) {
                List<String> line = new java.util.ArrayList<>(List.of(jcmd.toString(), Long.toString(process.pid())));
                line.addAll(List.of(command.split(" ")));
                Process dump = new ProcessBuilder(line).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(file.toFile())).start();
                if (!dump.waitFor(60, TimeUnit.SECONDS)) {
                    dump.destroyForcibly();
                }
            }
            // and what H2 itself reported, which the center's log does not show, and the file as the last SIGKILL
            // left it (the start after it wedged)
            java.util.Optional<Path> h2File = H2HeaderRepair.fileOf(jdbcUrl);
            if (h2File.isPresent()) {
                String name = h2File.get().getFileName().toString();
                Path trace = h2File.get().resolveSibling(name.substring(0, name.length() - ".mv.db".length())
                        + ".trace.db");
                if (java.nio.file.Files.exists(trace)) {
                    java.nio.file.Files.copy(trace, file.resolveSibling(file.getFileName() + ".h2-trace.txt"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                if (java.nio.file.Files.exists(killedCopy())) {
                    java.nio.file.Files.copy(killedCopy(), file.resolveSibling(file.getFileName() + ".killed.mv.db"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            System.err.println("could not dump the center's threads: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /**
     * The center's database for the audit after {@link #stop()}, opened as a restarted center opens it: an H2 file that
     * was not closed is first pointed at its newest whole chunk (ADR 0003), so the audit reads what the next center
     * would serve, and never an older state H2 alone would start from.
     */
    Database openDatabase() {
        return Database.open(jdbcUrl, user, "", 2);
    }

    /** CenterMain answers /health before it has loaded the demo data: waits until the clerk sees the demo event. */
    void awaitDemoData(CenterClient client) throws Exception {
        Eventually.await(Duration.ofSeconds(60), "the demo data", () -> {
            try {
                return client.signIn("clerk", "clerk-demo").events().stream().anyMatch(e -> e.name().equals("The Tempest"));
            } catch (CenterProblemException e) {
                return false;
            }
        });
    }

    void start() {
        process = ChildJvm.start(CenterMain.class, List.of("-Xmx256m"), List.of("--db", jdbcUrl, "--db-user", user,
                "--port", Integer.toString(port), "--hold-seconds", Integer.toString(holdSeconds), "--demo"),
                builder -> builder.redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("center.log").toFile())));
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(START_LIMIT_SECONDS);
        try (CenterClient probe = new CenterClient(uri())) {
            while (true) {
                try {
                    probe.checkHealth();
                    slowestStartMillis = Math.max(slowestStartMillis, (System.nanoTime() - started) / 1_000_000);
                    return;
                } catch (CenterException e) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        throw new AssertionError("the center did not start; see " + dir.resolve("center.log"), e);
                    }
                    Pause.millis(50);
                }
            }
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the center did not die of SIGKILL within 30 s");
        }
        // what this SIGKILL left on disk, before the next start repairs and opens it: kept beside the dump if the
        // restarted center wedges (the H2 run of 2026-12-06 did after its 300th restart), to open it again offline
        Path file = H2HeaderRepair.fileOf(jdbcUrl).orElse(null);
        if (file != null && java.nio.file.Files.exists(file)) {
            try {
                java.nio.file.Files.copy(file, killedCopy(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                System.err.println("could not keep the killed center's file: " + e);
            }
        }
    }

    private Path killedCopy() {
        return dir.resolve("last-killed.mv.db.copy");
    }

    /** A normal stop (SIGTERM: the center closes its database), SIGKILL after 30 s. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            long t0 = System.nanoTime();
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                Path dump = Path.of("target", "faults", "center-stop-" + port + "-threads.txt");
                dumpThreads(dump);
                process.destroyForcibly().waitFor();
                lastStop = "killed: it had not closed 30 s after SIGTERM (its threads in " + dump + ")";
            } else {
                lastStop = "closed " + (System.nanoTime() - t0) / 1_000_000 + " ms after SIGTERM";
            }
        }
    }

    /** How the last {@link #stop()} went: closed after SIGTERM (and how fast), or killed. */
    String lastStop() {
        return lastStop;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
