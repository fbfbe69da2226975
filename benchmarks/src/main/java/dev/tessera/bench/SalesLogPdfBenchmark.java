package dev.tessera.bench;

import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.SeatMapFormat;
import dev.tessera.reports.ReportJob;
import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.export.Exporter;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.manager.ReportFilters;
import dev.tessera.desktop.manager.ReportKind;
import dev.tessera.desktop.manager.ReportSource;
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
 * Issue 6's figure, on the path the manager's desktop runs: the time to produce the sales-log PDF for N
 * sales with the desktop's {@link ReportSource} — the center's {@code /api/sales-log} and
 * {@code /api/sales-log/adjustments} over HTTP from an embedded center on an H2 file, the lines made from
 * them, the fill and the PDF export — and the peak heap while doing it. The sales (and a void or refund for
 * every 50th sale) are written straight into the center's schema (the center's own sales path is issue 2's
 * benchmark); the report reads them like any other.
 */
public final class SalesLogPdfBenchmark {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** The class whose path this benchmark measures. */
    static final String MEASURES = ReportSource.class.getName();

    private SalesLogPdfBenchmark() {}

    public static List<String> run(int sales) throws IOException {
        BenchCenter bench = BenchCenter.start("reports");
        try (bench; CenterClient client = new CenterClient(bench.center.baseUri())) {
            long seedStart = System.nanoTime();
            seed(bench.center.services().db().dsl(), sales);
            System.out.printf("seeded %,d sales in %.1f s%n", sales, (System.nanoTime() - seedStart) / 1e9);
            CenterSession manager = client.signIn("manager", "manager-demo");
            ReportSource source = new ReportSource(manager);
            ReportOptions options = ReportOptions.of(Locale.ENGLISH, TOKYO);
            // warm-up: one day of the log, so the figure is the steady state of a running desktop
            LocalDate first = LocalDate.of(2026, 11, 1);
            produce(source, new ReportFilters(ReportKind.SALES_LOG, null, null, first, first, null), options,
                    bench.dir.resolve("warm-up.pdf"));
            System.gc();
            heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            Result result = produce(source, new ReportFilters(ReportKind.SALES_LOG, null, null, null, null, null), options,
                    bench.dir.resolve("sales-log.pdf"));
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("sales-log PDF for %,d sales (measures %s: center API over HTTP + lines + fill + export): "
                            + "%.2f s (API + fill %.2f s, export %.2f s), %,d pages, %.1f MB, peak heap %,d MB%n",
                    sales, MEASURES, seconds, result.fillSeconds, result.exportSeconds, result.pages, result.bytes / 1e6,
                    peak >> 20);
            return List.of(
                    "| sales-log PDF, %,d sales (%s: center API + fill + export) | %.2f s (API + fill %.2f s, export %.2f s), %,d pages |"
                            .formatted(sales, ReportSource.class.getSimpleName(), seconds, result.fillSeconds,
                                    result.exportSeconds, result.pages),
                    "| sales-log PDF, %,d sales, peak heap | %,d MB |".formatted(sales, peak >> 20));
        } finally {
            deleteTree(bench.dir);
        }
    }

    record Result(double fillSeconds, double exportSeconds, int pages, long bytes) {}

    static Result produce(ReportSource source, ReportFilters filters, ReportOptions options, Path out) throws IOException {
        long start = System.nanoTime();
        JasperPrint print = source.generate(filters, options, ReportJob.unattended()).print();
        long filled = System.nanoTime();
        try (OutputStream stream = new java.io.BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            Exporter.pdf(print, stream);
        }
        long exported = System.nanoTime();
        return new Result((filled - start) / 1e9, (exported - filled) / 1e9, print.getPages().size(), Files.size(out));
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
