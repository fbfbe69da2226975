package dev.tessera.center.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * SoftHSM2 tokens for the tests (Debian's softhsm2). SoftHSM reads its configuration and its token folder once, when
 * a process first loads the module, and never sees a token made later; so the first test that asks makes every token
 * the JVM will use: a configuration of its own under a fresh temporary folder (the file {@code SOFTHSM2_CONF} names,
 * which the Surefire configuration points at {@code target/softhsm/softhsm2.conf}) and three tokens, each with its
 * own PIN. Tests keep apart by key label. With {@code -Dtessera.test.hsm=required} (./tessera test) a missing
 * SoftHSM fails the test instead of skipping it.
 */
public final class SoftHsm {
    public static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final Pattern SLOT = Pattern.compile("reassigned to slot (\\d+)");
    private static List<Token> tokens;

    private SoftHsm() {}

    /** A token: its label, slot id and user PIN. */
    public record Token(String label, String slot, String pin) {
        /**
         * The center's settings for this token's key {@code keyLabel} (docs/operations.md), written into {@code dir};
         * the PIN is read from the environment variable {@code pinEnv}, or from a file next to the settings when null.
         */
        public Path settings(Path dir, String keyLabel, String pinEnv) throws IOException {
            Files.createDirectories(dir);
            Path file = dir.resolve(label + "-" + keyLabel + ".properties");
            String pinLine;
            if (pinEnv != null) {
                pinLine = "pin-env = " + pinEnv;
            } else {
                Path pinFile = dir.resolve(label + ".pin");
                Files.writeString(pinFile, pin + "\n");
                pinLine = "pin-file = " + pinFile;
            }
            Files.writeString(file, "library = " + LIBRARY + "\nslot = " + slot + "\ntoken = " + label + "\nkey = "
                    + keyLabel + "\n" + pinLine + "\n");
            return file;
        }
    }

    /** Tokens {@code tessera-a}, {@code tessera-b} and {@code tessera-c}, made on the first call. */
    public static synchronized List<Token> tokens() {
        if (tokens == null) {
            tokens = make();
        }
        return tokens;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static List<Token> make() {
        Path util = Path.of("/usr/bin/softhsm2-util");
        if (!Files.isRegularFile(LIBRARY) || !Files.isExecutable(util)) {
            if ("required".equals(System.getProperty("tessera.test.hsm"))) {
                throw new IllegalStateException("SoftHSM2 is required for these tests but " + LIBRARY + " or " + util
                        + " is missing; install Debian's softhsm2 package (./tessera test does)");
            }
            Assumptions.abort("SoftHSM2 is not installed; run ./tessera test to include the PKCS#11 tests");
        }
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null || conf.isBlank()) {
            throw new IllegalStateException("SOFTHSM2_CONF is not set: run these tests through Maven, whose Surefire "
                    + "configuration points it at target/softhsm/softhsm2.conf");
        }
        try {
            Path confFile = Path.of(conf);
            Path parent = confFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // an earlier run's tokens: no process of this build uses them any more
            try (var earlier = Files.newDirectoryStream(parent, "tokens-*")) {
                for (Path old : earlier) {
                    deleteTree(old);
                }
            }
            Path tokenDir = Files.createTempDirectory(parent, "tokens-");
            Files.writeString(confFile, "directories.tokendir = " + tokenDir + "\nobjectstore.backend = file\n"
                    + "log.level = ERROR\nslots.removable = false\n", StandardCharsets.US_ASCII);
            List<Token> made = new ArrayList<>();
            for (String label : List.of("tessera-a", "tessera-b", "tessera-c")) {
                String pin = "pin-" + label + "-" + Long.toHexString(System.nanoTime());
                ProcessBuilder init = new ProcessBuilder(util.toString(), "--init-token", "--free", "--label", label,
                        "--so-pin", "so-" + pin, "--pin", pin).redirectErrorStream(true);
                init.environment().put("SOFTHSM2_CONF", conf);
                Process process = init.start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("softhsm2-util --init-token failed: " + out);
                }
                Matcher slot = SLOT.matcher(out);
                if (!slot.find()) {
                    throw new IllegalStateException("softhsm2-util named no slot: " + out);
                }
                made.add(new Token(label, slot.group(1), pin));
            }
            return List.copyOf(made);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the SoftHSM2 tokens: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the SoftHSM2 tokens", e);
        }
    }
}
