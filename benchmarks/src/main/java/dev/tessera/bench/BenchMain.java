package dev.tessera.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./tessera bench [name ...]}: runs the named benchmarks (all by default), prints each
 * figure beside its reference measured in the same run, and writes the table to docs/performance.md.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        List<String> names = args.length == 0 ? List.of("center") : List.of(args);
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "center" -> lines.addAll(CenterSalesBenchmark.run(CenterSalesBenchmark.Settings.fromSystemProperties()));
                case "chip" -> lines.addAll(ChipBenchmark.run());
                case "reports" -> lines.addAll(SalesLogPdfBenchmark.run(Integer.getInteger("bench.sales", 100_000)));
                case "designer" -> lines.addAll(DesignerBenchmark.run());
                default -> {
                    System.err.println("unknown benchmark " + name + "; known: center, chip, reports, designer");
                    System.exit(2);
                }
            }
        }
        StringBuilder table = new StringBuilder("| figure | value |\n|---|---|\n");
        lines.forEach(line -> table.append(line).append('\n'));
        System.out.println();
        System.out.print(table);
        Path docs = Path.of("docs");
        if (Files.isDirectory(docs)) {
            Path out = docs.resolve("performance.md");
            String header = "# Performance\n\nWritten by `./tessera bench " + String.join(" ", names) + "` on "
                    + LocalDate.now() + ": " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + Runtime.version() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                    + ".\nEach figure was measured in that one run, beside its reference where one exists.\n\n";
            Files.writeString(out, header + table);
            System.out.println("wrote " + out.toAbsolutePath());
        }
    }
}
