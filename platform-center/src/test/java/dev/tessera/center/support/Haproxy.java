package dev.tessera.center.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * HAProxy from Debian's package in front of center instances, as an operator runs it (docs/operations.md "Several
 * instances"): round robin over the instances that answer {@code GET /health}, plain HTTP on one port and, given a
 * certificate, HTTPS on another. With {@code -Dtessera.test.pg=required} (./tessera test) a missing haproxy fails.
 */
public final class Haproxy implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/haproxy");

    private final Process process;
    private final int httpPort;
    private final int httpsPort;
    private final Path log;

    private Haproxy(Process process, int httpPort, int httpsPort, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.log = log;
    }

    /**
     * Starts haproxy in the foreground over {@code backendPorts} on 127.0.0.1.
     *
     * @param certificateAndKey a PEM file with the server certificate, its chain and its key, or null for no HTTPS
     */
    public static Haproxy start(Path dir, List<Integer> backendPorts, Path certificateAndKey) {
        if (!Files.isExecutable(BINARY)) {
            if ("required".equals(System.getProperty("tessera.test.pg"))) {
                throw new IllegalStateException("HAProxy is required for the cluster tests but " + BINARY
                        + " is missing; install Debian's haproxy package (./tessera test does)");
            }
            Assumptions.abort("haproxy is not installed; run ./tessera test to include the cluster tests");
        }
        int httpPort = freePort();
        int httpsPort = certificateAndKey == null ? -1 : freePort();
        Path config = dir.resolve("haproxy.cfg");
        try {
            Files.writeString(config, config(httpPort, httpsPort, backendPorts, certificateAndKey));
            Path log = dir.resolve("haproxy.log");
            Process process = new ProcessBuilder(BINARY.toString(), "-db", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Haproxy haproxy = new Haproxy(process, httpPort, httpsPort, log);
            haproxy.awaitListening(httpPort);
            if (httpsPort > 0) {
                haproxy.awaitListening(httpsPort);
            }
            return haproxy;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start haproxy", e);
        }
    }

    /** The configuration docs/operations.md shows, with the test's ports. */
    static String config(int httpPort, int httpsPort, List<Integer> backendPorts, Path certificateAndKey) {
        StringBuilder cfg = new StringBuilder("""
                global
                    maxconn 4096

                defaults
                    mode http
                    option httplog
                    timeout connect 1s
                    timeout client 65s
                    timeout server 65s
                    timeout http-keep-alive 60s
                    # a request whose connection to an instance failed goes to another instance, never a request
                    # that an instance may have started (that is the client's to retry, with its Idempotency-Key)
                    retries 3
                    option redispatch 1
                    retry-on conn-failure

                frontend center
                    bind 127.0.0.1:%d
                """.formatted(httpPort));
        if (certificateAndKey != null) {
            cfg.append("    bind 127.0.0.1:%d ssl crt %s alpn http/1.1\n".formatted(httpsPort, certificateAndKey));
        }
        cfg.append("""
                    default_backend instances

                backend instances
                    balance roundrobin
                    option httpchk GET /health
                    http-check expect status 200
                    timeout check 3s
                    # a killed instance refuses connections: out after three failed checks (under a second), back
                    # after one; a busy instance that answers slowly stays in
                    default-server inter 500ms fastinter 250ms downinter 500ms fall 3 rise 1
                """);
        for (int i = 0; i < backendPorts.size(); i++) {
            cfg.append("    server center%d 127.0.0.1:%d check\n".formatted(i + 1, backendPorts.get(i)));
        }
        return cfg.toString();
    }

    public int httpPort() {
        return httpPort;
    }

    public int httpsPort() {
        return httpsPort;
    }

    private void awaitListening(int port) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy ended: " + log());
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.onSpinWait();
            }
        }
        throw new IllegalStateException("haproxy did not listen on " + port + ": " + log());
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
