package dev.tessera.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./tessera bench [name ...]}: runs the named benchmarks (all by default), prints each
 * figure beside its reference measured in the same run, and writes the table to docs/performance.md.
 */
public final class BenchMain {
    /** Every benchmark, in the order a bare {@code ./tessera bench} runs them. */
    static final List<String> ALL = List.of("center", "chip", "reports", "designer", "live", "sync", "app");

    /** How the desktop-side figures are taken, written under the table when they ran. */
    private static final Map<String, String> NOTES = Map.of(
            "center", "- **center sales**: the 64 sellers run in a JVM of their own (`SalesLoad`), each selling its own "
                    + "slice of a 100,000-seat event, 2 seats a sale: hold + confirm (two requests) on one event, then "
                    + "\"sell now\" (`POST /api/events/{id}/sales`, one request) on another; the center's pool has 4 "
                    + "connections a core; each window is measured once the center's JIT compiler has gone quiet (under "
                    + "2 % of a 2-second window, twice in a row) and the JIT's share of the center's CPU in it is printed, "
                    + "with the center JVM's CPU per sale. On PostgreSQL ten other 100,000-seat events are registered "
                    + "first; after the steady windows a new 100,000-seat event is registered, authorized for the 64 "
                    + "sellers, published and sold at once (sell now), and its first minute (shorter if a seller sold "
                    + "its whole slice) is compared with the steady sell-now rate (a planner that does not know the new "
                    + "event scans it for every seat: issue 13's plan collapse). After the run the database is searched "
                    + "for a seat sold twice. What a sale costs the machine is read from procfs over each measured "
                    + "window: the center JVM's CPU, the sellers' JVM (its own process, speaking HTTP/1.1 over one "
                    + "kept-alive connection a seller: `LeanHttp`), PostgreSQL's server processes (the postmaster, its "
                    + "live backends and the ones it reaped), and the rest of the machine's busy time; pgbench's "
                    + "transaction is read the same way (the server's processes and the pgbench client), so the two "
                    + "rates can be compared by what each operation costs.",
            "chip", "- **gate CPU per tap**: the gate thread's own CPU time (ThreadMXBean) for `GateVerifier.tap` on a chip "
                    + "holding one used ticket of the event, so every check runs and the repeat is refused. Two rows: with "
                    + "the in-JVM simulated chip, whose applet runs on the reader's thread beside the gate (8-10 ms of CPU a "
                    + "tap, its JIT compiling and its cache traffic land on the same 2 cores), warmed until the JIT is quiet "
                    + "(at most 3,000 taps); and a tap recorded once and replayed by a javax.smartcardio card that the real "
                    + "`PcscReader` drives, as a USB reader's chip costs the JVM nothing. The steps of a tap are ranked by "
                    + "JMH (`GateTapBenchmark`, docs/performance.md \"Gate CPU per tap\").",
            "designer", "- **designer status changes**: the view measured is the counter's own map, `dev.tessera.designer.availability.AvailabilityView` as the desktop's `LiveSeatMap.view` builds it for the counter and the Events workspace (no designer side panel, stage caption from the desktop's bundle), showing the 99,336-seat stadium fitted in a 1440x900 window; `applyChanges` (the call `LiveSeatMap` makes for every live batch) with animation off, then the repaint of the changed seats.",
            "live", "- **live availability**: a seller terminal confirms 500 one-seat sales one after another at the "
                    + "embedded center (H2 file); a second terminal (another HTTP client, signed in as the manager) "
                    + "watches the event's Server-Sent Events stream through the desktop's `SeatStream`. Timed from the "
                    + "moment the confirmation is sent, so the sale's own commit counts; the stream usually has the seat "
                    + "before the seller has its answer, which is why the confirmation's round trip is shown beside it.",
            "reports", "- **sales-log PDF**: measured on the path the manager's desktop runs, "
                    + "`dev.tessera.desktop.manager.ReportSource` (the Reports workspace's only way to a report): the "
                    + "embedded center's `/api/sales-log/groups`, then per event and seller `/api/sales-log` a page of "
                    + "5,000 sales at a time (keyset, the next page fetched while the fill works) and "
                    + "`/api/sales-log/adjustments` over HTTP, the lines `SalesLogGroupLines` makes of them as they come, "
                    + "`SalesLogReport.fill` and `Exporter.pdf`. The desktop side runs in a JVM of its own "
                    + "(`SalesLogPdfDesktop`; the center and its H2 file in the benchmark's JVM), so the peak heap is the "
                    + "desktop's alone: the sum of its heap pools' peaks (memory pool MXBeans, reset before the print "
                    + "measured). The 100,000-sale log is measured at the desktop's fourth print of it, after one day of "
                    + "the log and three whole prints, as a desktop that has made its reports before (in a fresh JVM the "
                    + "JIT compilers spend more of the first print compiling than the report takes; that first print's "
                    + "time is in the row too); the CPU the desktop's JVM and the center's JVM used in the print measured "
                    + "and the desktop's JIT time in it (CompilationMXBean) are printed beside it. The 1,000,000-sale log "
                    + "is printed once after the one-day warm-up, with that JVM capped at `-Xmx512m`. Texts are measured once "
                    + "per element and shape (`RepeatedTextMeasurerFactory`); a plain one-line text is written straight "
                    + "into the PDF page (`OneLinePdfExporter`); a log above 150,000 lines fills through a swap-file "
                    + "virtualizer.",
            "sync", "- **sync**: a terminal's H2 ledger holds 10,000 journal entries from an offline shift (the clerk's "
                    + "whole offline seat block sold, the rest hold/sale/issue records); the desktop's `TerminalSync` "
                    + "pushes them in batches of 500 (one transaction each at the center) and the center checks the hash "
                    + "chain and keeps each once. Timed "
                    + "from the first push to the last acknowledgement; writing the entries (a durable H2 commit each) "
                    + "is printed on the console, not counted.",
            "app", "- **app start**: `TesseraApp` on its embedded defaults in a new JVM under Monocle headless (so class "
                    + "loading counts), from the JVM's start until the demo clerk is signed in and the counter's seat map "
                    + "shows the event with its seat states; the sign-in is filled in the moment the screen is up. The "
                    + "first start creates the data folder and is shown separately; the median is over the starts after it. "
                    + "A training start then records the Java 25 AOT cache (`-XX:AOTCacheOutput`, as `./tessera run` does "
                    + "on its first start after a build), and the starts alternate with the cache (`-XX:AOTCache`, "
                    + "`-XX:AOTMode=on`, so a cache the JVM cannot use fails the run) and without it.");

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        List<String> names = args.length == 0 ? ALL : List.of(args);
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "center" -> lines.addAll(CenterSalesBenchmark.run(CenterSalesBenchmark.Settings.fromSystemProperties()));
                case "chip" -> lines.addAll(ChipBenchmark.run());
                case "reports" -> lines.addAll(SalesLogPdfBenchmark.run(Integer.getInteger("bench.sales", 100_000),
                        Integer.getInteger("bench.largeSales", 1_000_000)));
                case "designer" -> lines.addAll(DesignerBenchmark.run());
                case "live" -> lines.addAll(LiveAvailabilityBenchmark.run(Integer.getInteger("bench.liveSales", 500)));
                case "sync" -> lines.addAll(JournalSyncBenchmark.run(Integer.getInteger("bench.syncEntries", 10_000)));
                case "app" -> lines.addAll(AppStartBenchmark.run(Integer.getInteger("bench.appRuns", 5)));
                default -> {
                    System.err.println("unknown benchmark " + name + "; known: " + String.join(", ", ALL));
                    System.exit(2);
                }
            }
        }
        StringBuilder table = new StringBuilder("| figure | value |\n|---|---|\n");
        lines.forEach(line -> table.append(line).append('\n'));
        System.out.println();
        System.out.print(table);
        Path docs = Path.of("docs");
        if (!names.containsAll(ALL)) {
            // the page gives one run's figures side by side; a partial run would drop the others
            System.out.println("docs/performance.md left as it is: only a run of every benchmark rewrites it");
        } else if (Files.isDirectory(docs)) {
            Path out = docs.resolve("performance.md");
            String header = "Written by `./tessera bench " + String.join(" ", names) + "` on "
                    + LocalDate.now() + ": " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + Runtime.version() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                    + ".\nEach figure was measured in that one run, beside its reference where one exists.\n\n";
            StringBuilder notes = new StringBuilder();
            names.stream().map(n -> NOTES.get(n.toLowerCase(Locale.ROOT))).filter(n -> n != null)
                    .forEach(n -> notes.append(n).append('\n'));
            String generated = header + table + (notes.isEmpty() ? "" : "\nHow the figures are taken:\n\n" + notes);
            String page = Files.isRegularFile(out) ? Files.readString(out) : "";
            Files.writeString(out, withRun(page, generated));
            System.out.println("wrote " + out.toAbsolutePath() + " (this run's table; the sections after it kept)");
        }
        Path readme = Path.of("README.md");
        if (names.containsAll(ALL) && Files.isRegularFile(readme)) {
            Files.writeString(readme, withSummary(Files.readString(readme), lines));
            System.out.println("wrote the summary into " + readme.toAbsolutePath());
        }
    }

    static final String RUN_START = "<!-- bench:run:start (written by ./tessera bench; the sections after the end mark "
            + "are written by hand and kept) -->";
    static final String RUN_END = "<!-- bench:run:end -->";

    /**
     * docs/performance.md with this run's table in place of the last run's: the text between the run marks is
     * replaced; what the engineers wrote after them (what was changed, the profiles of a missed aim) stays. A page
     * without the marks gets them after its title, its own text following.
     */
    static String withRun(String page, String generated) {
        String block = RUN_START + "\n" + generated + RUN_END + "\n";
        int start = page.indexOf(RUN_START);
        int end = page.indexOf(RUN_END);
        if (start >= 0 && end > start) {
            return page.substring(0, start) + block + page.substring(end + RUN_END.length()).replaceFirst("^\n", "");
        }
        String title = "# Performance\n";
        String rest = page.startsWith(title) ? page.substring(title.length()).stripLeading() : page;
        return title + "\n" + block + (rest.isEmpty() ? "" : "\n" + rest);
    }

    static final String SUMMARY_START = "<!-- bench:start (written by ./tessera bench) -->";
    static final String SUMMARY_END = "<!-- bench:end -->";

    /** The rows of a full run the README shows (the headline figure of each benchmark), by how they begin. */
    static final List<String> SUMMARY_ROWS = List.of("| center sales/s", "| pgbench", "| CPU of one", "| ratio", "| center: the first", "| live availability",
            "| chip issue 4 ticket(s): APDUs", "| chip issue 4 ticket(s): on air", "| gate verification: CPU",
            "| sync:", "| sales-log PDF, 100,000 sales (", "| designer: open", "| designer: full redraw",
            "| designer: apply 1,000", "| designer: select all", "| designer: hit-test a click", "| desktop app start");

    /** {@code readme} with the table between the summary markers replaced by this run's headline rows. */
    static String withSummary(String readme, List<String> lines) {
        int start = readme.indexOf(SUMMARY_START);
        int end = readme.indexOf(SUMMARY_END);
        if (start < 0 || end < start) {
            return readme;
        }
        StringBuilder summary = new StringBuilder(SUMMARY_START).append("\nMeasured on ").append(LocalDate.now())
                .append(" (").append(Runtime.getRuntime().availableProcessors()).append(" cores):\n\n")
                .append("| figure | value |\n|---|---|\n");
        lines.stream().filter(line -> SUMMARY_ROWS.stream().anyMatch(line::startsWith))
                .forEach(line -> summary.append(line).append('\n'));
        return readme.substring(0, start) + summary + readme.substring(end);
    }
}
