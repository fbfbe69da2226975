package dev.tessera.center.support;

import dev.tessera.center.CenterMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The standalone center as users run it: {@link CenterMain} in a JVM of its own, its console (stdout and stderr
 * together) written to a file, so a test can wait for a line, send a stop signal and read what the user saw.
 */
public final class CenterCommand implements AutoCloseable {
    private final Process process;
    private final Path console;

    private CenterCommand(Process process, Path console) {
        this.process = process;
        this.console = console;
    }

    /** Starts {@code java CenterMain args...} with the test class path; {@code environment} is added to this JVM's. */
    public static CenterCommand start(Path console, Map<String, String> environment, String... args) {
        return new CenterCommand(ChildJvm.start(CenterMain.class, List.of("-Xmx256m"), List.of(args), builder -> {
            builder.redirectErrorStream(true).redirectOutput(console.toFile());
            builder.environment().putAll(environment);
        }), console);
    }

    /** Waits until the console shows {@code text}; false when the process ended or the time ran out first. */
    public boolean awaitConsole(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (console().contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                return console().contains(text);
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** SIGTERM, as a service manager or Ctrl+C stops the center. */
    public void stop() {
        process.destroy();
    }

    /** The exit code, or -1 when the process is still running after {@code timeout}. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    public String console() {
        try {
            return Files.readString(console, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}
