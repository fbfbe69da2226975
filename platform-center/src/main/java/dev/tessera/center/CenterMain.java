package dev.tessera.center;

import dev.tessera.center.db.Database;
import dev.tessera.center.db.DatabaseStartException;
import dev.tessera.center.demo.DemoData;
import dev.tessera.center.keys.KekSource;
import dev.tessera.center.transfer.TransferService;
import dev.tessera.core.model.Role;
import io.javalin.util.JavalinBindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * The standalone center: {@code java -jar platform-center.jar --db <jdbc-url> --port <n>}.
 * See docs/operations.md for every option.
 */
public final class CenterMain {
    private static final String USAGE = """
            usage: java -jar platform-center.jar [options]
              --db <jdbc-url>          jdbc:h2:file:/path/center or jdbc:postgresql://host:5432/tessera
                                       (default: an H2 file in ./tessera-center-data)
              --db-user <name>         database user (default: tessera)
              --db-password-env <VAR>  read the database password from this environment variable
              --port <n>               HTTP port (default 8410; 0 picks a free port)
              --host <address>         address to listen on (default 127.0.0.1)
              --hold-seconds <n>       how long a hold lasts before it lapses (default 600)
              --transfer-hours <n>     how long a member's ticket transfer waits for its assignee (default 72)
              --pool <n>               database connections (default 4 a core; H2: one request at a time)
              --chip-kek <file>        key-encryption key sealing the chip key masters (default: next to
                                       an H2 file, else $TESSERA_DATA or ~/.local/share/tessera/center-chip-kek)
              --chip-kek pkcs11:<settings>  the key-encryption key inside a PKCS#11 token (HSM, SoftHSM2): the
                                       settings file names module, slot, key label and where the PIN is
              --chip-kek-previous <file | pkcs11:settings>  the key being rotated out: sealed keys are sealed again
              --admin-login <id>       first organizer account, created when it does not exist
              --demo                   load the demo venue, event and accounts on an empty database
            The first organizer's password is read from the environment variable TESSERA_ADMIN_PASSWORD.
            """;

    private static final String ADMIN_PASSWORD_VARIABLE = "TESSERA_ADMIN_PASSWORD";

    private CenterMain() {}

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "tessera-center-logback.xml");
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("platform-center: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.print(USAGE);
            return;
        }
        if (options.adminLogin != null && !usableAdminPassword(System.getenv(ADMIN_PASSWORD_VARIABLE))) {
            System.err.println("platform-center: set " + ADMIN_PASSWORD_VARIABLE
                    + " (8 characters or more) for --admin-login");
            System.exit(2);
            return;
        }
        // A stop (SIGTERM, Ctrl+C) during start-up closes the center (its own exit hook); main then ends quietly.
        AtomicBoolean stopRequested = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopRequested.set(true), "center-stop-requested"));
        PlatformCenter center;
        try {
            center = start(options, System::getenv);
        } catch (CenterStartException e) {
            LoggerFactory.getLogger(CenterMain.class).debug("the start-up failed", e);
            if (stopRequested.get()) {
                System.err.println("platform-center: stopped before the start-up finished");
                return;
            }
            System.err.println("platform-center: " + e.getMessage());
            System.exit(1);
            return;
        }
        // The server's threads keep the JVM up; the center closes itself when the JVM is stopped.
        if (stopRequested.get()) {
            System.err.println("platform-center: stopped before the start-up finished");
            return;
        }
        System.out.println("platform center ready on http://" + options.host + ":" + center.port()
                + "  (OpenAPI: /openapi.json)");
    }

    /** The center's configuration from the command line's options (the database password from the environment). */
    static CenterConfig config(Options options, Function<String, String> environment) {
        String dbPassword = options.dbPasswordEnv == null ? "" : environment.apply(options.dbPasswordEnv);
        return CenterConfig.of(options.db, options.dbUser, dbPassword == null ? "" : dbPassword, options.port)
                .withHost(options.host).withHoldPeriod(Duration.ofSeconds(options.holdSeconds)).withPoolSize(options.pool)
                .withTransferValidity(Duration.ofHours(options.transferHours))
                .withChipKek(options.chipKek == null ? null : KekSource.parse(options.chipKek, environment),
                        options.chipKekPrevious == null ? null : KekSource.parse(options.chipKekPrevious, environment));
    }

    /**
     * Starts the center the command line describes, with its first organizer and demo data, without waiting for a
     * stop. A failure after the server listens closes the center again, so no process serves a half-started center.
     *
     * @throws CenterStartException with one sentence for the operator
     */
    static PlatformCenter start(Options options, Function<String, String> environment) {
        String adminPassword = options.adminLogin == null ? null : environment.apply(ADMIN_PASSWORD_VARIABLE);
        if (options.adminLogin != null && !usableAdminPassword(adminPassword)) {
            throw new CenterStartException("set " + ADMIN_PASSWORD_VARIABLE + " (8 characters or more) for --admin-login",
                    null);
        }
        CenterConfig config = config(options, environment);
        PlatformCenter center;
        try {
            center = PlatformCenter.start(config);
        } catch (DatabaseStartException e) {
            throw new CenterStartException(e.getMessage(), e);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            // the chip key-encryption key is missing, wrong or unreadable (ChipKek), or its token refused (TokenKek)
            throw new CenterStartException(e.getMessage(), e);
        } catch (JavalinBindException e) {
            throw new CenterStartException("cannot listen on " + options.host + ":" + options.port + ": "
                    + e.getMessage(), e);
        }
        try {
            if (options.adminLogin != null) {
                center.duringStartUp(() -> center.services().accounts().bootstrap(options.adminLogin,
                        adminPassword.toCharArray(), Role.ORGANIZER, "Administrator"));
            }
        } catch (PlatformCenter.CenterClosedException e) {
            throw new CenterStartException(e.getMessage(), e);
        } catch (RuntimeException e) {
            center.close();
            throw new CenterStartException("the first organizer could not be created: " + Database.reasonOf(e), e);
        }
        try {
            if (options.demo) {
                center.duringStartUp(() -> DemoData.loadIfEmpty(center.services(), config.clock()));
            }
        } catch (PlatformCenter.CenterClosedException e) {
            throw new CenterStartException(e.getMessage(), e);
        } catch (RuntimeException e) {
            center.close();
            throw new CenterStartException("the demo data could not be loaded: " + Database.reasonOf(e), e);
        }
        return center;
    }

    private static boolean usableAdminPassword(String password) {
        return password != null && password.length() >= 8;
    }

    static final class Options {
        String db;
        String dbUser = "tessera";
        String dbPasswordEnv;
        int port = 8410;
        String host = "127.0.0.1";
        int holdSeconds = 600;
        int transferHours = (int) TransferService.DEFAULT_VALIDITY.toHours();
        int pool = CenterConfig.defaultPoolSize();
        String adminLogin;
        String chipKek;
        String chipKekPrevious;
        boolean demo;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> rest = new ArrayList<>(List.of(args));
            while (!rest.isEmpty()) {
                String flag = rest.removeFirst();
                switch (flag) {
                    case "--db" -> o.db = value(flag, rest);
                    case "--db-user" -> o.dbUser = value(flag, rest);
                    case "--db-password-env" -> o.dbPasswordEnv = value(flag, rest);
                    case "--port" -> o.port = number(flag, value(flag, rest), 0, 65535);
                    case "--host" -> o.host = value(flag, rest);
                    case "--hold-seconds" -> o.holdSeconds = number(flag, value(flag, rest), 1, 86_400);
                    case "--transfer-hours" -> o.transferHours = number(flag, value(flag, rest), 1, 720);
                    case "--pool" -> o.pool = number(flag, value(flag, rest), 1, 500);
                    case "--admin-login" -> o.adminLogin = value(flag, rest);
                    case "--chip-kek" -> o.chipKek = value(flag, rest);
                    case "--chip-kek-previous" -> o.chipKekPrevious = value(flag, rest);
                    case "--demo" -> o.demo = true;
                    case "--help", "-h" -> o.help = true;
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            if (o.db == null) {
                Path dir = Path.of("tessera-center-data");
                try {
                    Files.createDirectories(dir);
                } catch (java.io.IOException e) {
                    throw new IllegalArgumentException("cannot create " + dir.toAbsolutePath() + ": " + e.getMessage());
                }
                o.db = CenterConfig.h2FileUrl(dir.resolve("center"));
            }
            return o;
        }

        private static String value(String flag, List<String> rest) {
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return rest.removeFirst();
        }

        private static int number(String flag, String value, int min, int max) {
            try {
                int n = Integer.parseInt(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(flag + " takes a number from " + min + " to " + max + ", not " + value);
        }
    }
}
