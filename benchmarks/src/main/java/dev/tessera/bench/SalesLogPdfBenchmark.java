package dev.tessera.bench;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.db.Database;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.SeatMapFormat;
import dev.tessera.reports.ReportJob;
import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.export.Exporter;
import dev.tessera.reports.saleslog.SalesLogFilter;
import dev.tessera.reports.saleslog.SalesLogReport;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import net.sf.jasperreports.engine.JasperPrint;
import org.jooq.DSLContext;

/**
 * Issue 6's figure: the time to produce the sales-log PDF (query, fill, export) for N sales on an H2
 * file, and the peak heap while doing it. The sales are written straight into the center's schema
 * (the center's own sales path is issue 2's benchmark); the report reads them like any other.
 */
public final class SalesLogPdfBenchmark {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private SalesLogPdfBenchmark() {}

    public static List<String> run(int sales) throws IOException {
        Path dir = Files.createTempDirectory("tessera-bench-reports");
        try (Database db = Database.open(CenterConfig.h2FileUrl(dir.resolve("center")), "tessera", "", 4)) {
            long seedStart = System.nanoTime();
            seed(db.dsl(), sales);
            System.out.printf("seeded %,d sales in %.1f s%n", sales, (System.nanoTime() - seedStart) / 1e9);
            ReportOptions options = ReportOptions.of(Locale.ENGLISH, TOKYO);
            // warm-up: one day of the log, so the figure is the steady state of a running desktop
            LocalDate first = LocalDate.of(2026, 11, 1);
            produce(db.dsl(), SalesLogFilter.all().period(first, first), options, dir.resolve("warm-up.pdf"));
            System.gc();
            heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            Result result = produce(db.dsl(), SalesLogFilter.all(), options, dir.resolve("sales-log.pdf"));
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("sales-log PDF for %,d sales: %.2f s (fill %.2f s, export %.2f s), %,d pages, %.1f MB, peak heap %,d MB%n",
                    sales, seconds, result.fillSeconds, result.exportSeconds, result.pages, result.bytes / 1e6, peak >> 20);
            return List.of(
                    "| sales-log PDF, %,d sales (query + fill + export) | %.2f s (fill %.2f s, export %.2f s), %,d pages |"
                            .formatted(sales, seconds, result.fillSeconds, result.exportSeconds, result.pages),
                    "| sales-log PDF, %,d sales, peak heap | %,d MB |".formatted(sales, peak >> 20));
        } finally {
            deleteTree(dir);
        }
    }

    record Result(double fillSeconds, double exportSeconds, int pages, long bytes) {}

    static Result produce(DSLContext dsl, SalesLogFilter filter, ReportOptions options, Path out) throws IOException {
        long start = System.nanoTime();
        JasperPrint print = SalesLogReport.fill(dsl, filter, options, ReportJob.unattended());
        long filled = System.nanoTime();
        try (OutputStream stream = new java.io.BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            Exporter.pdf(print, stream);
        }
        long exported = System.nanoTime();
        return new Result((filled - start) / 1e9, (exported - filled) / 1e9, print.getPages().size(), Files.size(out));
    }

    /** N sales over 30 days by 10 sellers at two events; every other sale has two tickets. */
    static void seed(DSLContext dsl, int sales) {
        String now = "TIMESTAMP WITH TIME ZONE '2026-10-01 00:00:00+00'";
        dsl.execute("INSERT INTO account (id, login_id, password_hash, role, display_name, created_at) VALUES (1, 'bench-org', 'x', 'ORGANIZER', 'Organizer', " + now + ")");
        dsl.execute("INSERT INTO account (id, login_id, password_hash, role, display_name, created_at) "
                + "SELECT X + 1, 'bench-seller-' || X, 'x', 'SELLER', 'Box office ' || X, " + now + " FROM SYSTEM_RANGE(1, 10)");
        dsl.execute("INSERT INTO venue (id, name, address, organizer_id, created_at) VALUES (1, 'Tessera Theatre', 'Tokyo', 1, " + now + ")");
        dsl.query("INSERT INTO seat_map_version (venue_id, version, seat_count, document, created_at) VALUES (1, 1, ?, ?, " + now + ")",
                SampleVenues.theatre().seatCount(), SeatMapFormat.toJson(SampleVenues.theatre())).execute();
        for (int e = 1; e <= 2; e++) {
            dsl.execute("INSERT INTO event (id, name, servicer, venue_id, seat_map_version, doors_open, starts_at, ends_at, currency, contact, status, organizer_id, created_at) "
                    + "VALUES (" + e + ", 'Bench event " + e + "', 'Tessera Players', 1, 1, TIMESTAMP WITH TIME ZONE '2026-12-24 09:00:00+00', "
                    + "TIMESTAMP WITH TIME ZONE '2026-12-24 10:00:00+00', TIMESTAMP WITH TIME ZONE '2026-12-24 13:00:00+00', 'JPY', 'info@tessera.example', 'PUBLISHED', 1, " + now + ")");
        }
        String soldAt = "DATEADD(SECOND, X * " + Math.max(1, 30 * 86_400 / sales) + ", TIMESTAMP WITH TIME ZONE '2026-10-31 15:00:00+00')";
        String range = " FROM SYSTEM_RANGE(1, " + sales + ")";
        dsl.execute("INSERT INTO seat_hold (id, event_id, seller_id, status, created_at, expires_at) SELECT X, 1 + MOD(X, 2), 2 + MOD(X, 10), 'ISSUED', "
                + soldAt + ", " + soldAt + range);
        dsl.execute("INSERT INTO issuing_info (id, hold_id, seller_id, event_id, customer_auth, registered_at) SELECT X, X, 2 + MOD(X, 10), 1 + MOD(X, 2), 'WALK_IN', "
                + soldAt + range);
        String price = "CASE MOD(X, 3) WHEN 0 THEN 12000 WHEN 1 THEN 8500 ELSE 5000 END";
        String category = "CASE MOD(X, 3) WHEN 0 THEN 'stalls-premium' WHEN 1 THEN 'stalls' ELSE 'balcony' END";
        dsl.execute("INSERT INTO sale (id, event_id, seller_id, issuing_info_id, payment_method, total_minor, currency, sold_at) SELECT X, 1 + MOD(X, 2), 2 + MOD(X, 10), X, "
                + "CASE MOD(X, 4) WHEN 0 THEN 'CASH' WHEN 3 THEN 'INVOICE' ELSE 'CARD' END, (" + price + ") * (1 + MOD(X + 1, 2)), 'JPY', " + soldAt + range);
        for (int copy = 0; copy < 2; copy++) {
            dsl.execute("INSERT INTO ticket (id, event_id, sale_id, seat_id, category_id, gate_id, price_minor, version, status, issued_at, encoded) "
                    + "SELECT CAST(RANDOM_UUID() AS VARCHAR), 1 + MOD(X, 2), X, 'seat-' || X || '-" + copy + "', " + category + ", 'north', " + price
                    + ", 1, 'VALID', " + soldAt + ", 'x'" + range + (copy == 1 ? " WHERE MOD(X, 2) = 1" : ""));
        }
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
