package dev.tessera.center;

import dev.tessera.center.demo.DemoData;
import dev.tessera.core.model.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

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
              --pool <n>               database connections (default 16)
              --admin-login <id>       first organizer account, created when it does not exist
              --demo                   load the demo venue, event and accounts on an empty database
            The first organizer's password is read from the environment variable TESSERA_ADMIN_PASSWORD.
            """;

    private CenterMain() {}

    public static void main(String[] args) throws Exception {
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
        PlatformCenter center = start(options, System::getenv);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            center.close();
            stopped.countDown();
        }, "center-shutdown"));
        System.out.println("platform center ready on http://" + options.host + ":" + center.port()
                + "  (OpenAPI: /openapi.json)");
        stopped.await();
    }

    /** Starts the center the command line describes, with its first organizer and demo data, without waiting for a stop. */
    static PlatformCenter start(Options options, Function<String, String> environment) {
        String dbPassword = options.dbPasswordEnv == null ? "" : environment.apply(options.dbPasswordEnv);
        CenterConfig config = CenterConfig.of(options.db, options.dbUser, dbPassword == null ? "" : dbPassword,
                        options.port)
                .withHost(options.host).withHoldPeriod(Duration.ofSeconds(options.holdSeconds)).withPoolSize(options.pool);
        PlatformCenter center = PlatformCenter.start(config);
        if (options.adminLogin != null) {
            String password = environment.apply("TESSERA_ADMIN_PASSWORD");
            if (password == null || password.length() < 8) {
                center.close();
                System.err.println("platform-center: set TESSERA_ADMIN_PASSWORD (8 characters or more) for --admin-login");
                System.exit(2);
            }
            center.services().accounts().bootstrap(options.adminLogin, password.toCharArray(), Role.ORGANIZER,
                    "Administrator");
        }
        if (options.demo) {
            DemoData.loadIfEmpty(center.services(), config.clock());
        }
        return center;
    }

    static final class Options {
        String db;
        String dbUser = "tessera";
        String dbPasswordEnv;
        int port = 8410;
        String host = "127.0.0.1";
        int holdSeconds = 600;
        int pool = 16;
        String adminLogin;
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
                    case "--pool" -> o.pool = number(flag, value(flag, rest), 1, 500);
                    case "--admin-login" -> o.adminLogin = value(flag, rest);
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
