package dev.tessera.center;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.support.CenterCommand;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: the standalone center in a JVM of its own, as users run it. A first start that is stopped while it
 * loads the demo ends in order and the next start finishes it; a database that cannot be opened, or a start-up
 * that fails after the server listens, ends the process with one sentence and a non-zero exit code.
 */
class StandaloneCenterTest {
    /** A JVM per start costs 5 to 10 s on the 2-core machine; {@link FirstStartTest} makes the 200 in-process. */
    static final int STOPPED_FIRST_STARTS = Integer.getInteger("tessera.stoppedFirstStarts", 3);
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration EXIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aFirstStartStoppedWhileTheDemoLoadsEndsInOrderAndTheNextStartFinishesIt() throws Exception {
        Random random = new Random(19);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < STOPPED_FIRST_STARTS; i++) {
            String url = CenterConfig.h2FileUrl(dir.resolve("stopped-" + i).resolve("center"));
            String firstConsole;
            try (CenterCommand first = CenterCommand.start(dir.resolve("stopped-" + i + ".log"), Map.of(),
                    "--db", url, "--port", "0", "--demo")) {
                assertThat(first.awaitConsole("platform center listening on", START)).as(first.console()).isTrue();
                Thread.sleep(random.nextInt(400));
                first.stop();
                int exit = first.awaitExit(EXIT);
                String console = first.console();
                firstConsole = console;
                if (exit == -1 || console.contains("Exception") || console.contains("\tat ")) {
                    failures.add("start " + i + " (exit " + exit + "):\n" + console);
                    continue;
                }
            }
            try (CenterCommand next = CenterCommand.start(dir.resolve("next-" + i + ".log"), Map.of(),
                    "--db", url, "--port", "0", "--demo")) {
                if (!next.awaitConsole("platform center ready", START)) {
                    failures.add("start " + i + " again:\n" + next.console());
                    continue;
                }
                next.stop();
                assertThat(next.awaitExit(EXIT)).as(next.console()).isNotEqualTo(-1);
                String console = next.console();
                if (console.contains("Exception") || console.contains("WARN")) {
                    failures.add("start " + i + " again:\n" + console + "\nafter the first start's:\n" + firstConsole);
                }
            }
            String demoEvent = demoEventStatus(url);
            if (!"PUBLISHED".equals(demoEvent)) {
                failures.add("start " + i + ": the demo event is " + demoEvent + " after the second start");
            }
        }
        System.out.println("FIRST STARTS STOPPED DURING THE DEMO, IN A JVM OF THEIR OWN: "
                + (STOPPED_FIRST_STARTS - failures.size()) + " ok, " + failures.size() + " failed");
        failures.forEach(System.out::println);
        assertThat(failures).isEmpty();
    }

    @Test
    void aDatabaseThatCannotBeOpenedEndsTheStartWithOneSentence() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:1/tessera?user=tessera&password=secret-in-url";
        try (CenterCommand center = CenterCommand.start(dir.resolve("unreachable.log"), Map.of(),
                "--db", url, "--port", "0")) {
            assertThat(center.awaitExit(EXIT)).as(center.console()).isEqualTo(1);
            assertOneSentence(center.console(), "cannot open the center database "
                    + "jdbc:postgresql://127.0.0.1:1/tessera?user=tessera&password=***: ");
        }
        // the H2 failure users meet: the file is open in another process (here: this JVM)
        String inUse = CenterConfig.h2FileUrl(dir.resolve("in-use").resolve("center"));
        try (Connection holder = DriverManager.getConnection(inUse, "tessera", "");
             CenterCommand center = CenterCommand.start(dir.resolve("in-use.log"), Map.of(),
                     "--db", inUse, "--port", "0")) {
            assertThat(center.awaitExit(EXIT)).as(center.console()).isEqualTo(1);
            assertOneSentence(center.console(), "cannot open the center database " + inUse
                    + ": Database may be already in use");
            assertThat(holder.isValid(1)).as("the other process's connection is untouched").isTrue();
        }
    }

    @Test
    void aStartThatFailsAfterTheServerListensStopsTheServerAndExits() throws Exception {
        // The first organizer takes the demo clerk's login id, so the demo cannot make "clerk" a seller.
        String url = CenterConfig.h2FileUrl(dir.resolve("clash").resolve("center"));
        try (CenterCommand center = CenterCommand.start(dir.resolve("clash.log"),
                Map.of("TESSERA_ADMIN_PASSWORD", "admin-password"),
                "--db", url, "--port", "0", "--admin-login", "clerk", "--demo")) {
            assertThat(center.awaitExit(Duration.ofSeconds(90))).as(center.console()).isEqualTo(1);
            assertThat(center.console()).contains("platform center listening on");
            assertOneSentence(center.console(), "the demo data could not be loaded: ");
        }
    }

    private static String demoEventStatus(String url) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, "tessera", "");
             ResultSet rs = db.createStatement().executeQuery("select status from event where name = 'The Tempest'")) {
            return rs.next() ? rs.getString(1) : "missing";
        }
    }

    /** The console ends with one line "platform-center: {@code start}…" and shows no stack trace or password. */
    private static void assertOneSentence(String console, String start) {
        List<String> lines = console.lines().toList();
        assertThat(lines).as(console).isNotEmpty();
        assertThat(lines.getLast()).as(console).startsWith("platform-center: " + start);
        assertThat(console).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("secret-in-url");
    }
}
