package dev.tessera.reader.sim;

import dev.tessera.reader.pcsc.ReaderUnavailableException;
import dev.tessera.reader.pcsc.Readers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.CardTerminal;

/**
 * A PC/SC service of our own for the simulated reader on the real PC/SC path: pcscd in the foreground
 * with the vsmartcard vpcd driver, which shows {@link #VIRTUAL_READER} and takes simulated chips through
 * {@link VpcdBridge}. Stopped by its PID on {@link #close()}. Used by tests and demos; a real counter uses
 * the system's own pcscd.
 */
public final class PcscdProcess implements AutoCloseable {
    public static final Path PCSCD = Path.of("/usr/sbin/pcscd");
    public static final Path VPCD_DRIVER = Path.of("/usr/lib/pcsc/drivers/serial/libifdvpcd.so");
    public static final String VIRTUAL_READER = "Virtual PCD 00 00";
    public static final String INSTALL = "apt-get install -y pcscd libpcsclite1 vsmartcard-vpcd pcsc-tools";

    private final Process process;
    private final Path log;
    private final CardTerminal reader;

    private PcscdProcess(Process process, Path log, CardTerminal reader) {
        this.process = process;
        this.log = log;
        this.reader = reader;
    }

    /** Why this machine cannot run it, if it cannot: a missing package, said with the command that installs it. */
    public static Optional<String> missing() {
        if (!Files.isExecutable(PCSCD) || !Files.exists(VPCD_DRIVER) || !Files.exists(Readers.DEBIAN_LIBRARY)) {
            return Optional.of("pcscd, vsmartcard-vpcd or libpcsclite1 is not installed: " + INSTALL);
        }
        return Optional.empty();
    }

    /** Starts pcscd and waits until it lists the virtual reader. */
    public static PcscdProcess start(Path workDir, Duration timeout) throws IOException, InterruptedException {
        missing().ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        Path log = workDir.resolve("pcscd.log");
        Process process = new ProcessBuilder(PCSCD.toString(), "--foreground", "--error").redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(200);
            try {
                Optional<CardTerminal> found = Readers.find(Readers.pcsc(), VIRTUAL_READER);
                if (found.isPresent()) {
                    return new PcscdProcess(process, log, found.get());
                }
            } catch (ReaderUnavailableException notYet) {
                // pcscd is still starting
            }
        }
        process.destroyForcibly();
        throw new IOException("pcscd (pid " + process.pid() + ") shows no \"" + VIRTUAL_READER + "\" reader within "
                + timeout.toSeconds() + " s: " + Files.readString(log));
    }

    /** The virtual reader as the PC/SC service lists it. */
    public CardTerminal reader() {
        return reader;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
