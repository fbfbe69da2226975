package dev.tessera.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./tessera bench [name ...]}: runs the named benchmarks (all by default) and prints each
 * figure beside its reference measured in the same run.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        List<String> names = args.length == 0 ? List.of("center") : List.of(args);
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "center" -> lines.addAll(CenterSalesBenchmark.run(CenterSalesBenchmark.Settings.fromSystemProperties()));
                default -> {
                    System.err.println("unknown benchmark " + name + "; known: center");
                    System.exit(2);
                }
            }
        }
        System.out.println();
        System.out.println("| figure | value |");
        System.out.println("|---|---|");
        lines.forEach(System.out::println);
    }
}
