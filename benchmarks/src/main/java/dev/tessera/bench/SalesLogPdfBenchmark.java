package dev.tessera.bench;

import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.SeatMapFormat;
import dev.tessera.desktop.manager.ReportSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Issue 6's figure, on the path the manager's desktop runs: the time to produce the sales-log PDF for N
 * sales with the desktop's {@link ReportSource} — the center's {@code /api/sales-log} and
 * {@code /api/sales-log/adjustments} over HTTP from an embedded center on an H2 file, the lines made from
 * them, the fill and the PDF export — and the desktop side's peak heap while doing it (issue 13: that side runs in a
 * JVM of its own, {@link SalesLogPdfDesktop}; the million-sale log with its heap capped at 512 MB). The sales (and a void or refund for
 * every 50th sale) are written straight into the center's schema (the center's own sales path is issue 2's
 * benchmark); the report reads them like any other.
 */
public final class SalesLogPdfBenchmark {
    /** The class whose path this benchmark measures. */
    static final String MEASURES = ReportSource.class.getName();

    private SalesLogPdfBenchmark() {}

    /**
     * Prints of the whole 100,000-sale log before the one measured: the desktop's JIT compilers spend more of the first
     * print compiling (9-13 s of a 9-13 s print on the 2-core machine) than making the report, and keep at it through the
     * second; a running desktop has made its reports before. The first print's time is printed beside the figure.
     */
    static final int WARM_PRINTS = 3;

    /** The desktop side's heap for the million-sale log (issue 13's aim: a peak under 512 MB). */
    static final String LARGE_LOG_HEAP = "-Xmx512m";

    /** Issue 13's two figures: {@code sales} (100,000) without a heap cap, then {@code largeSales} (1,000,000; 0: none) in 512 MB. */
    public static List<String> run(int sales, int largeSales) throws IOException {
        List<String> rows = new ArrayList<>(run(sales, null, WARM_PRINTS));
        if (largeSales > 0) {
            // a print of a million sales takes minutes: measured once, after the one-day warm-up (its aim is the heap)
            rows.addAll(run(largeSales, LARGE_LOG_HEAP, 0));
        }
        return rows;
    }

    /**
     * Seeds {@code sales} sales into an embedded center (this JVM) and runs the manager's desktop side in a JVM of its
     * own ({@link SalesLogPdfDesktop}, with {@code heapCap} when given), so the peak heap printed is the desktop's
     * alone, read from that JVM's memory pool MXBeans; the print measured comes after {@code warmPrints} others.
     */
    static List<String> run(int sales, String heapCap, int warmPrints) throws IOException {
        BenchCenter bench = BenchCenter.start("reports");
        try (bench) {
            long seedStart = System.nanoTime();
            seed(bench.center.services().db().dsl(), sales);
            System.out.printf("seeded %,d sales in %.1f s%n", sales, (System.nanoTime() - seedStart) / 1e9);
            Measured measured = desktop(bench, heapCap, warmPrints);
            SalesLogPdfDesktop.Result r = measured.desktop();
            String heap = heapCap == null ? "" : ", desktop JVM " + heapCap;
            measured.first().ifPresent(f -> System.out.printf("sales-log PDF for %,d sales, the first print of the whole "
                    + "log in the desktop's JVM: %.2f s, desktop JVM CPU %.2f s (JIT compiling %.2f s)%n", sales,
                    f.seconds(), f.cpuSeconds(), f.jitSeconds()));
            System.out.printf("sales-log PDF for %,d sales (measures %s: center API over HTTP + lines + fill + export, "
                            + "desktop side in its own JVM%s): %.2f s (API + fill %.2f s, export %.2f s), %,d pages, "
                            + "%.1f MB, desktop peak heap %,d MB, desktop JVM CPU %.2f s (JIT compiling %.2f s), center JVM CPU %.2f s%n",
                    sales, MEASURES, heap, r.seconds(), r.fillSeconds(), r.exportSeconds(), r.pages(), r.bytes() / 1e6,
                    r.peakHeapBytes() >> 20, r.cpuSeconds(), r.jitSeconds(), measured.centerCpuSeconds());
            String warm = measured.first().map(f -> "; the desktop's %s print of the log, its first took %.2f s (JIT compiling %.2f s)"
                    .formatted(ordinal(warmPrints + 1), f.seconds(), f.jitSeconds())).orElse("");
            return List.of(
                    "| sales-log PDF, %,d sales (%s: center API + fill + export%s) | %.2f s (API + fill %.2f s, export %.2f s), %,d pages; CPU in it: desktop JVM %.2f s (its JIT compiling %.2f s), center JVM %.2f s |"
                            .formatted(sales, ReportSource.class.getSimpleName(), warm, r.seconds(), r.fillSeconds(),
                                    r.exportSeconds(), r.pages(), r.cpuSeconds(), r.jitSeconds(), measured.centerCpuSeconds()),
                    "| sales-log PDF, %,d sales, desktop peak heap (its own JVM%s) | %,d MB |"
                            .formatted(sales, heapCap == null ? "" : ", " + heapCap, r.peakHeapBytes() >> 20));
        } finally {
            BenchTemp.delete(bench.dir);
        }
    }

    /** The desktop side's result, its first print of the whole log when it was not the one measured, and the center JVM's CPU seconds over the measured print. */
    private record Measured(SalesLogPdfDesktop.Result desktop, java.util.Optional<SalesLogPdfDesktop.FirstPrint> first,
                            double centerCpuSeconds) {}

    private static String ordinal(int n) {
        return n + switch (n % 100 > 10 && n % 100 < 14 ? 0 : n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private static Measured desktop(BenchCenter bench, String heapCap, int warmPrints) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (heapCap != null) {
            command.add(heapCap);
        }
        String jfr = System.getProperty("bench.reportsJfr");
        if (jfr != null) {
            command.add("-XX:StartFlightRecording=filename=" + jfr + (heapCap == null ? "" : "-large") + ".jfr,settings=profile");
        }
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Djava.io.tmpdir=" + bench.dir, "-cp", System.getProperty("java.class.path"),
                SalesLogPdfDesktop.class.getName(), bench.center.baseUri().toString(), bench.dir.toString(),
                String.valueOf(warmPrints)));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        // this JVM runs the center: its CPU over the desktop's measured run is the center's share of the 2 cores
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        StringBuilder out = new StringBuilder();
        long centerCpu = 0;
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.equals(SalesLogPdfDesktop.WINDOW_START)) {
                    centerCpu = -os.getProcessCpuTime();
                } else if (line.equals(SalesLogPdfDesktop.WINDOW_END)) {
                    centerCpu += os.getProcessCpuTime();
                }
                out.append(line).append('\n');
            }
        }
        try {
            if (child.waitFor() != 0) {
                throw new IllegalStateException("the desktop side failed:\n" + out);
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the desktop side ran", e);
        }
        return new Measured(SalesLogPdfDesktop.Result.parse(out.toString()),
                SalesLogPdfDesktop.FirstPrint.parse(out.toString()), centerCpu / 1e9);
    }

    /**
     * N sales over 30 days by 10 sellers at two events beside the demo data (ids from 1,000 and 10,000,000 up);
     * every other sale has two tickets; one ticket of every 50th sale is taken back two hours after the sale,
     * refunded in cash, or (every 100th) voided without a refund.
     */
    static void seed(DSLContext dsl, int sales) {
        String now = "TIMESTAMP WITH TIME ZONE '2026-10-01 00:00:00+00'";
        dsl.execute("INSERT INTO account (id, login_id, password_hash, role, display_name, created_at) VALUES (1001, 'bench-org', 'x', 'ORGANIZER', 'Organizer', " + now + ")");
        dsl.execute("INSERT INTO account (id, login_id, password_hash, role, display_name, created_at) "
                + "SELECT X + 1001, 'bench-seller-' || X, 'x', 'SELLER', 'Box office ' || X, " + now + " FROM SYSTEM_RANGE(1, 10)");
        dsl.execute("INSERT INTO venue (id, name, address, organizer_id, created_at) VALUES (1001, 'Bench Theatre', 'Tokyo', 1001, " + now + ")");
        dsl.query("INSERT INTO seat_map_version (venue_id, version, seat_count, document, created_at) VALUES (1001, 1, ?, ?, " + now + ")",
                SampleVenues.theatre().seatCount(), SeatMapFormat.toJson(SampleVenues.theatre())).execute();
        for (int e = 1; e <= 2; e++) {
            dsl.execute("INSERT INTO event (id, name, servicer, venue_id, seat_map_version, doors_open, starts_at, ends_at, currency, contact, status, organizer_id, created_at) "
                    + "VALUES (" + (1000 + e) + ", 'Bench event " + e + "', 'Tessera Players', 1001, 1, TIMESTAMP WITH TIME ZONE '2026-12-24 09:00:00+00', "
                    + "TIMESTAMP WITH TIME ZONE '2026-12-24 10:00:00+00', TIMESTAMP WITH TIME ZONE '2026-12-24 13:00:00+00', 'JPY', 'info@tessera.example', 'PUBLISHED', 1001, " + now + ")");
        }
        // the center's API serves an event with its prices and gates, as the desktop asks for them
        for (int e = 1; e <= 2; e++) {
            dsl.execute("INSERT INTO event_price (event_id, category_id, price_minor) VALUES (" + (1000 + e)
                    + ", 'stalls-premium', 12000), (" + (1000 + e) + ", 'stalls', 8500), (" + (1000 + e) + ", 'balcony', 5000)");
            dsl.execute("INSERT INTO event_gate (event_id, gate_id) VALUES (" + (1000 + e) + ", 'north')");
        }
        String soldAt = "DATEADD(SECOND, X * " + Math.max(1, 30 * 86_400 / sales) + ", TIMESTAMP WITH TIME ZONE '2026-10-31 15:00:00+00')";
        String range = " FROM SYSTEM_RANGE(1, " + sales + ")";
        String id = "X + " + SALE_IDS;
        dsl.execute("INSERT INTO seat_hold (id, event_id, seller_id, status, created_at, expires_at) SELECT " + id + ", 1001 + MOD(X, 2), 1002 + MOD(X, 10), 'ISSUED', "
                + soldAt + ", " + soldAt + range);
        dsl.execute("INSERT INTO issuing_info (id, hold_id, seller_id, event_id, customer_auth, registered_at) SELECT " + id + ", " + id + ", 1002 + MOD(X, 10), 1001 + MOD(X, 2), 'WALK_IN', "
                + soldAt + range);
        String price = "CASE MOD(X, 3) WHEN 0 THEN 12000 WHEN 1 THEN 8500 ELSE 5000 END";
        String category = "CASE MOD(X, 3) WHEN 0 THEN 'stalls-premium' WHEN 1 THEN 'stalls' ELSE 'balcony' END";
        dsl.execute("INSERT INTO sale (id, event_id, seller_id, issuing_info_id, payment_method, total_minor, currency, sold_at) SELECT " + id + ", 1001 + MOD(X, 2), 1002 + MOD(X, 10), " + id + ", "
                + "CASE MOD(X, 4) WHEN 0 THEN 'CASH' WHEN 3 THEN 'INVOICE' ELSE 'CARD' END, (" + price + ") * (1 + MOD(X + 1, 2)), 'JPY', " + soldAt + range);
        for (int copy = 0; copy < 2; copy++) {
            dsl.execute("INSERT INTO ticket (id, event_id, sale_id, seat_id, category_id, gate_id, price_minor, version, status, issued_at, encoded) "
                    + "SELECT CAST(RANDOM_UUID() AS VARCHAR), 1001 + MOD(X, 2), " + id + ", 'seat-' || X || '-" + copy + "', " + category + ", 'north', " + price
                    + ", 1, 'VALID', " + soldAt + ", 'x'" + range + (copy == 1 ? " WHERE MOD(X, 2) = 1" : ""));
        }
        dsl.execute("INSERT INTO ticket_void (ticket_id, version, sale_id, voided_by, reason, refund_minor, refund_method, voided_at) "
                + "SELECT t.id, 1, t.sale_id, s.seller_id, 'bench', CASE WHEN MOD(s.id, 100) = 0 THEN 0 ELSE t.price_minor END, "
                + "CASE WHEN MOD(s.id, 100) = 0 THEN NULL ELSE 'CASH' END, DATEADD(HOUR, 2, s.sold_at) "
                + "FROM ticket t JOIN sale s ON s.id = t.sale_id WHERE s.id > " + SALE_IDS + " AND MOD(s.id, 50) = 0 AND t.seat_id LIKE '%-0'");
        dsl.execute("UPDATE ticket SET status = 'VOID' WHERE id IN (SELECT ticket_id FROM ticket_void WHERE reason = 'bench')");
    }

    private static final long SALE_IDS = 10_000_000;
}
