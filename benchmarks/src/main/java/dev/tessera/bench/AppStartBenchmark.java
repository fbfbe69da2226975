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
 * runs after it, on the same folder, as a clerk starts the app every morning. Issue 13: the starts are measured
 * with the Java 25 AOT cache that {@code ./tessera run} records on its first start after a build (a training start
 * writes it here the same way) and without it, alternating, so both medians see the same machine.
 */
public final class AppStartBenchmark {
    private static final Pattern LINE = Pattern.compile("STARTUP signin=(\\d+) counter=(\\d+)");

    private AppStartBenchmark() {}

    public static List<String> run(int runs) throws Exception {
        Path data = BenchTemp.dir("tessera-bench-app");
        Path cache = data.resolve("app.aot");
        long[] first = start(data, List.of());
        // the training start, as ./tessera run's first start after a build: records the classes and writes the cache
        start(data, List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot=error,cds=error"));
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException("the training start wrote no AOT cache at " + cache);
        }
        long[][] plain = new long[2][runs];
        long[][] cached = new long[2][runs];
        for (int i = 0; i < runs; i++) {
            long[] p = start(data, List.of());
            long[] c = start(data, List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on", "-Xlog:aot=error,cds=error"));
            for (int k = 0; k < 2; k++) {
                plain[k][i] = p[k];
                cached[k][i] = c[k];
            }
        }
        long[] plainMedian = {median(plain[0]), median(plain[1])};
        long[] cachedMedian = {median(cached[0]), median(cached[1])};
        System.out.printf("app start with the AOT cache (./tessera run after its first start): JVM start → sign-in "
                + "screen %d ms, → ready counter %d ms; without it %d / %d ms (medians of %d runs each, alternated; "
                + "the first start, creating the data folder: %d / %d ms; cache %,d bytes)%n", cachedMedian[0],
                cachedMedian[1], plainMedian[0], plainMedian[1], runs, first[0], first[1], Files.size(cache));
        return List.of(("| desktop app start to a ready counter screen (new JVM, embedded center, Monocle headless; "
                + "sign-in as the demo clerk included; with the AOT cache `./tessera run` records) | %,d ms (sign-in "
                + "screen at %,d ms; without the cache %,d ms; medians of %d runs; first start creating the data: "
                + "%,d ms) |").formatted(cachedMedian[1], cachedMedian[0], plainMedian[1], runs, first[1]));
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long[] start(Path data, List<String> jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Djava.awt.headless=true", "-Dheadless.geometry=1440x900-32",
                "-cp", System.getProperty("java.class.path"), AppStartChild.class.getName(), data.toString()));
        Path log = BenchTemp.file("tessera-bench-app", ".log");
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
