package dev.tessera.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 7's start-up figure: from a new JVM to a ready counter (the demo clerk signed in, the counter's
 * seat map showing the event's seat states), the app on its embedded defaults under Monocle headless.
 * Each run is a fresh JVM ({@link AppStartChild}), so class loading counts. The first run also creates
 * the data folder (the center's and the ledger's H2 files, the demo data); the median is over the
 * runs after it, on the same folder, as a clerk starts the app every morning.
 */
public final class AppStartBenchmark {
    private static final Pattern LINE = Pattern.compile("STARTUP signin=(\\d+) counter=(\\d+)");

    private AppStartBenchmark() {}

    public static List<String> run(int runs) throws Exception {
        Path data = Files.createTempDirectory("tessera-bench-app");
        long[] first = start(data);
        long[] signIn = new long[runs];
        long[] counter = new long[runs];
        for (int i = 0; i < runs; i++) {
            long[] r = start(data);
            signIn[i] = r[0];
            counter[i] = r[1];
        }
        Arrays.sort(signIn);
        Arrays.sort(counter);
        long medianSignIn = signIn[runs / 2];
        long medianCounter = counter[runs / 2];
        System.out.printf("app start: JVM start → sign-in screen %d ms, → ready counter %d ms (median of %d runs; "
                + "the first start, creating the data folder: %d / %d ms)%n", medianSignIn, medianCounter, runs,
                first[0], first[1]);
        return List.of(("| desktop app start to a ready counter screen (new JVM, embedded center, Monocle headless; "
                + "sign-in as the demo clerk included) | %,d ms (sign-in screen at %,d ms; median of %d runs; "
                + "first start creating the data: %,d ms) |").formatted(medianCounter, medianSignIn, runs, first[1]));
    }

    private static long[] start(Path data) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Djava.awt.headless=true", "-Dheadless.geometry=1440x900-32",
                "-cp", System.getProperty("java.class.path"), AppStartChild.class.getName(), data.toString()));
        Path log = Files.createTempFile("tessera-bench-app", ".log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!child.waitFor(3, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new IllegalStateException("the app did not reach the counter in 3 minutes; see " + log);
        }
        String output = Files.readString(log);
        Matcher m = LINE.matcher(output);
        if (child.exitValue() != 0 || !m.find()) {
            throw new IllegalStateException("the app start run failed (exit " + child.exitValue() + "):\n" + output);
        }
        Files.delete(log);
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }
}
