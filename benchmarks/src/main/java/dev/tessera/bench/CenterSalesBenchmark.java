package dev.tessera.bench;

import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.SEAT_STATE;
import static dev.tessera.center.db.schema.Tables.SOLD_SEAT;
import static dev.tessera.center.db.schema.Tables.TICKET;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.PlatformCenter;
import dev.tessera.center.sales.TicketFactory;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.PostgresCluster;
import dev.tessera.core.crypto.PasswordHasher;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.SeatMapFormat;
import dev.tessera.core.ticket.Ticket;
import dev.tessera.core.ticket.TicketCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Completed counter sales per second under 64 concurrent sellers, two seats a sale through the HTTP API, on an H2 file
 * and on PostgreSQL, beside {@code pgbench -N} on the same PostgreSQL in the same run: "sell now" (one request, one
 * transaction, issue 13) on one event and hold + confirm (two requests) on another.
 *
 * <p>Taken as issue 13 asks, so the figure is the center's and not the JVM's warm-up or the load generator's: the
 * sellers run in a JVM of their own ({@link SalesLoad}); the center's pool is sized for the machine; each measured
 * window starts only when the center's JIT compiler has gone quiet (its compile time grew by less than 2 % of a
 * 2-second window, twice in a row), and the JIT's share of the window is printed. On PostgreSQL the database holds
 * ten other 100,000-seat events, and a last phase registers a new 100,000-seat event and sells it at once: its first
 * minute, as a share of the steady rate, shows whether the planner knows the new event (plan collapse). After the run
 * the database is searched for a seat sold twice (two tickets for one seat, or sold_seat rows, SOLD seats and seat
 * tickets that disagree).
 */
public final class CenterSalesBenchmark {
    private static final String ORGANIZER_PASSWORD = "bench-organizer";
    private static final String SELLER_PASSWORD = "bench-password";

    public record Settings(int sellers, int seatsPerSale, Duration maxWarmUp, Duration measure, int pool,
                           int otherEvents, Duration firstWindow, int steadyEvents) {
        static Settings fromSystemProperties() {
            return new Settings(Integer.getInteger("bench.sellers", 64), Integer.getInteger("bench.seatsPerSale", 2),
                    Duration.ofSeconds(Integer.getInteger("bench.maxWarmupSeconds", 120)),
                    Duration.ofSeconds(Integer.getInteger("bench.seconds", 15)),
                    // the 2-core machine sold most with ~8 connections; 16 only queued more statements
                    Integer.getInteger("bench.pool", 4 * Runtime.getRuntime().availableProcessors()),
                    Integer.getInteger("bench.otherEvents", 10),
                    Duration.ofSeconds(Integer.getInteger("bench.firstSeconds", 60)),
                    // the events each steady way of selling sells one after the other: at 1,500 sales/s one 100,000-seat
                    // event is sold out in 33 s, before the JIT is quiet; a window with a seller done is refused
                    Integer.getInteger("bench.steadyEvents", 3));
        }
    }

    /** One way of selling, measured once the center's JIT is quiet. */
    record Steady(String how, double salesPerSecond, long p50Micros, long p99Micros, int failures, double jitShare,
                  double warmUpSeconds, double centerCpuMillisPerSale, CpuSplit cpu) {}

    /**
     * Where the machine's CPU went per operation (a sale, or a pgbench transaction), in milliseconds, from procfs:
     * the center's JVM, the load generator (the sellers' JVM, or the pgbench client), PostgreSQL's server processes
     * (0 on H2, which runs inside the center's JVM), and every other process on the machine. -1 where procfs is absent.
     */
    record CpuSplit(double center, double client, double database, double other) {
        double total() {
            return center + client + database + other;
        }

        boolean known() {
            return client >= 0 && database >= 0 && other >= 0;
        }
    }

    /** pgbench's rate and what a transaction cost the machine. */
    record Pgbench(double tps, long transactions, CpuSplit cpu) {}

    /** The phase right after registering a new event: its sales rate and how long the registration took. */
    record Fresh(double salesPerSecond, double seconds, double registrationSeconds, long p99Micros, int failures) {}

    /** What the database holds after the run: a seat sold twice would show in one of these. */
    record Audit(int seatsWithTwoTickets, int soldSeatRows, int seatsSold, int seatTickets, long seatUpdates,
                 long hotSeatUpdates, java.util.Map<String, Integer> missingParents) {
        int doubleSales() {
            return seatsWithTwoTickets + Math.abs(soldSeatRows - seatsSold) + Math.abs(seatTickets - soldSeatRows);
        }
    }

    record Figure(String database, Steady holdConfirm, Steady sellNow, Fresh fresh, Audit audit, double signMicros) {}

    private CenterSalesBenchmark() {}

    public static List<String> run(Settings settings) throws Exception {
        List<String> lines = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        String only = System.getProperty("bench.only", "");
        if (!only.equals("pg")) {
            Path dir = BenchTemp.dir("tessera-bench-h2");
            Figure h2 = sales("H2 file", CenterConfig.h2FileUrl(dir.resolve("center")), "tessera", settings, false, -1);
            BenchTemp.delete(dir);
            print(h2, settings);
            figures.add(h2);
        }
        PostgresCluster pg = PostgresCluster.shared();
        if (!only.equals("h2")) {
            Figure postgres = sales("PostgreSQL", pg.createDatabase("bench_sales"), "postgres", settings, true,
                    pg.postmasterPid());
            print(postgres, settings);
            figures.add(postgres);
        }
        Pgbench bench = pgbench(pg);
        double pgbench = bench.tps();
        System.out.printf("pgbench -N (scale 10, 8 clients, 2 threads, 10 s) on the same PostgreSQL: %.0f TPS%n", pgbench);
        for (Figure f : figures) {
            for (Steady m : List.of(f.sellNow(), f.holdConfirm())) {
                lines.add(("| center sales/s, %d sellers, %s, %s (%d seats a sale; sellers in their own JVM; "
                        + "pool %d; measured %d s after %.0f s of warm-up; JIT %.1f %% of the center's CPU in it) | %.0f sales/s "
                        + "(%.0f tickets/s), p50 %.1f ms, p99 %.1f ms, %d failed; center JVM CPU %.2f ms a sale |")
                        .formatted(settings.sellers(), f.database(), m.how(), settings.seatsPerSale(), settings.pool(),
                                settings.measure().toSeconds(), m.warmUpSeconds(), 100 * m.jitShare(),
                                m.salesPerSecond(), m.salesPerSecond() * settings.seatsPerSale(), m.p50Micros() / 1000.0,
                                m.p99Micros() / 1000.0, m.failures(), m.centerCpuMillisPerSale()));
            }
        }
        lines.add("| pgbench -N TPS, same PostgreSQL, same run | %.0f |".formatted(pgbench));
        if (bench.cpu().known()) {
            lines.add(("| CPU of one pgbench -N transaction: PostgreSQL + pgbench client + other processes "
                    + "| %.3f ms (%.3f + %.3f + %.3f) |").formatted(bench.cpu().total(), bench.cpu().database(),
                    bench.cpu().client(), bench.cpu().other()));
            for (Figure f : figures) {
                for (Steady m : List.of(f.sellNow(), f.holdConfirm())) {
                    if (m.cpu().known()) {
                        lines.add(("| CPU of one sale, %s, %s: center JVM + sellers' JVM + %s + other processes | %.3f ms "
                                + "(%.3f + %.3f + %.3f + %.3f) = %.1f pgbench transactions |").formatted(f.database(),
                                m.how(), f.database().equals("PostgreSQL") ? "PostgreSQL" : "database (in the center JVM)",
                                m.cpu().total(), m.cpu().center(), m.cpu().client(), m.cpu().database(),
                                m.cpu().other(), m.cpu().total() / bench.cpu().total()));
                    }
                }
            }
        }
        for (Figure f : figures) {
            for (Steady m : List.of(f.sellNow(), f.holdConfirm())) {
                lines.add("| ratio %s %s sales/s ÷ pgbench TPS | %.0f%% |".formatted(f.database(), m.how(),
                        100 * m.salesPerSecond() / pgbench));
            }
        }
        for (Figure f : figures) {
            if (f.fresh() != null) {
                lines.add(("| center: the first %.0f s of selling (sell now) a new 100,000-seat event, registered beside "
                        + "%d others, %s | %.0f sales/s = %.0f %% of the steady rate (registration %.1f s, worst 1-s p99 %.1f ms, "
                        + "%d failed) |")
                        .formatted(f.fresh().seconds(), settings.otherEvents() + 2 * settings.steadyEvents(), f.database(),
                                f.fresh().salesPerSecond(), 100 * f.fresh().salesPerSecond() / f.sellNow().salesPerSecond(),
                                f.fresh().registrationSeconds(), f.fresh().p99Micros() / 1000.0, f.fresh().failures()));
            }
        }
        for (Figure f : figures) {
            lines.add(("| center: CPU of one ticket's Ed25519 signature, %s center (`TicketFactory.sign` with its issuer "
                    + "key, in its JVM after the run; median of %,d) | %.1f µs; the %d tickets of a sale: %.3f ms = %.0f %% "
                    + "of the center JVM's CPU a sale (sell now) |").formatted(f.database(), SIGNATURES, f.signMicros(),
                    settings.seatsPerSale(), settings.seatsPerSale() * f.signMicros() / 1000,
                    100 * settings.seatsPerSale() * f.signMicros() / 1000 / f.sellNow().centerCpuMillisPerSale()));
            lines.add(("| center: seats sold twice after the run, %s (tickets per seat, sold_seat rows, SOLD seats) "
                    + "| %d (%,d seats sold, %,d sold_seat rows, %,d seat tickets) |").formatted(f.database(),
                    f.audit().doubleSales(), f.audit().seatsSold(), f.audit().soldSeatRows(), f.audit().seatTickets()));
            lines.add("| center: rows of the sales ledger naming a missing parent after the run, %s (`LedgerIntegrity`) | %s |"
                    .formatted(f.database(), missingParents(f.audit())));
            if (f.audit().seatUpdates() >= 0) {
                lines.add("| center: seat row updates made in place (HOT), %s, whole run | %.0f %% (%,d of %,d) |"
                        .formatted(f.database(), 100.0 * f.audit().hotSeatUpdates() / Math.max(1, f.audit().seatUpdates()),
                                f.audit().hotSeatUpdates(), f.audit().seatUpdates()));
            }
        }
        return lines;
    }

    private static void print(Figure f, Settings s) {
        for (Steady m : List.of(f.holdConfirm(), f.sellNow())) {
            System.out.printf("%s, %s: %.0f sales/s (%.0f tickets/s) under %d sellers; p50 %.1f ms, p99 %.1f ms; %d failed; "
                            + "JIT %.1f %% of the center's CPU after %.0f s of warm-up; center JVM CPU %.2f ms a sale%n",
                    f.database(), m.how(), m.salesPerSecond(), m.salesPerSecond() * s.seatsPerSale(), s.sellers(),
                    m.p50Micros() / 1000.0, m.p99Micros() / 1000.0, m.failures(), 100 * m.jitShare(),
                    m.warmUpSeconds(), m.centerCpuMillisPerSale());
            if (m.cpu().known()) {
                System.out.printf("%s, %s: CPU a sale %.3f ms: center JVM %.3f, sellers' JVM %.3f, database server %.3f, "
                                + "other processes %.3f%n", f.database(), m.how(), m.cpu().total(), m.cpu().center(),
                        m.cpu().client(), m.cpu().database(), m.cpu().other());
            }
        }
        if (f.fresh() != null) {
            System.out.printf("%s, new event: %.0f sales/s in its first %.0f s (%.0f %% of steady sell now), registered in "
                            + "%.1f s%n", f.database(), f.fresh().salesPerSecond(), f.fresh().seconds(),
                    100 * f.fresh().salesPerSecond() / f.sellNow().salesPerSecond(), f.fresh().registrationSeconds());
        }
        System.out.printf("%s: %d seats sold twice (%d seats SOLD, %d sold_seat rows, %d seat tickets)%n", f.database(),
                f.audit().doubleSales(), f.audit().seatsSold(), f.audit().soldSeatRows(), f.audit().seatTickets());
        System.out.printf("%s: rows of the sales ledger naming a missing parent: %s%n", f.database(),
                missingParents(f.audit()));
        if (f.audit().seatUpdates() >= 0) {
            System.out.printf("%s: %d seat row updates, %d of them HOT (%.0f %%)%n", f.database(), f.audit().seatUpdates(),
                    f.audit().hotSeatUpdates(), 100.0 * f.audit().hotSeatUpdates() / Math.max(1, f.audit().seatUpdates()));
        }
    }

    static Figure sales(String name, String jdbcUrl, String user, Settings s, boolean freshEvent, long databasePid)
            throws Exception {
        CenterConfig config = CenterConfig.of(jdbcUrl, user, "", 0).withPoolSize(s.pool())
                // Sign-in cost is not what this measures: a cheap Argon2id for the 64 bench accounts.
                .withPasswordHasher(new PasswordHasher(1024, 1, 1, 16, 32, new SecureRandom()));
        try (PlatformCenter center = PlatformCenter.start(config)) {
            center.services().accounts().bootstrap("bench-organizer", ORGANIZER_PASSWORD.toCharArray(),
                    Role.ORGANIZER, "Bench Organizer");
            ApiClient anonymous = new ApiClient(center.baseUri());
            ApiClient organizer = anonymous.login("bench-organizer", ORGANIZER_PASSWORD);
            SeatMap map = SampleVenues.stadium(100_000);
            long venueId = expect(organizer.post("/api/venues", Map.of("name", "Bench Stadium", "address", "-")), 201)
                    .get("id").asLong();
            int version = expect(organizer.post("/api/venues/" + venueId + "/seat-maps", SeatMapFormat.toJson(map)), 201)
                    .get("version").asInt();
            List<Long> sellerIds = new ArrayList<>();
            for (int i = 0; i < s.sellers(); i++) {
                String login = "bench-seller-" + i;
                expect(organizer.post("/api/accounts", Map.of("loginId", login, "password", SELLER_PASSWORD,
                        "role", "SELLER", "displayName", "Seller " + i)), 201);
                sellerIds.add(anonymous.login(login, SELLER_PASSWORD).get("/api/me").get("accountId").asLong());
            }
            if (freshEvent) {
                for (int i = 1; i <= s.otherEvents(); i++) {
                    onSale(organizer, venueId, version, map, "Bench League round " + i, List.of());
                    System.out.printf("%s: event %d of %d registered and published (100,000 seats)%n", name, i,
                            s.otherEvents() + 2 * s.steadyEvents());
                }
            }
            List<Long> twoStepEvents = new ArrayList<>();
            List<Long> sellNowEvents = new ArrayList<>();
            for (int i = 1; i <= s.steadyEvents(); i++) {
                twoStepEvents.add(onSale(organizer, venueId, version, map, "Bench Cup Final, night " + i, sellerIds));
                sellNowEvents.add(onSale(organizer, venueId, version, map, "Bench Cup Semi-final, night " + i,
                        sellerIds));
            }
            List<String> seats = map.seats().stream().filter(Seat::isForSale).map(Seat::id).toList();
            Path seatFile = BenchTemp.file("tessera-bench-seats", ".txt");
            Files.write(seatFile, seats);
            Steady holdConfirm;
            Steady sellNow;
            Fresh fresh = null;
            try (Load load = Load.start(center.baseUri(), s)) {
                boolean profile = databasePid > 0 && PostgresCluster.STATEMENT_STATISTICS;
                load.sell(twoStepEvents, seatFile, false);
                long[] salesAtReset = {0};
                holdConfirm = steady("hold + confirm", load, s, databasePid,
                        () -> salesAtReset[0] = resetStatements(center, profile));
                printStatements(center, profile, "hold + confirm", salesAtReset[0]);
                load.sell(sellNowEvents, seatFile, true);
                sellNow = steady("sell now", load, s, databasePid,
                        () -> salesAtReset[0] = resetStatements(center, profile));
                printStatements(center, profile, "sell now", salesAtReset[0]);
                if (freshEvent) {
                    load.stop(); // the new event is registered on a quiet center, as before a rush
                    long r0 = System.nanoTime();
                    long newEvent = onSale(organizer, venueId, version, map, "Bench Cup Replay", sellerIds);
                    double registration = (System.nanoTime() - r0) / 1e9;
                    load.sell(List.of(newEvent), seatFile, true);
                    Load.Mark start = load.mark();
                    long f0 = System.nanoTime();
                    Load.Mark end = start;
                    // each second's sales, and on PostgreSQL the autovacuum workers running then: the shape of the window
                    List<String> perSecond = new ArrayList<>();
                    // the window ends early when a seller has sold its whole slice (the rate would fall for that)
                    while (System.nanoTime() - f0 < s.firstWindow().toNanos() && end.sellersDone() == 0) {
                        Thread.sleep(1_000);
                        int before = end.sales();
                        end = load.mark(end);
                        perSecond.add((end.sales() - before) + autovacuumWorkers(center, databasePid));
                    }
                    double seconds = (System.nanoTime() - f0) / 1e9;
                    System.out.printf("%s, new event: sales each second%s: %s%n", name,
                            databasePid > 0 ? " (+ autovacuum workers running, PostgreSQL's own view)" : "",
                            String.join(" ", perSecond));
                    fresh = new Fresh((end.sales() - start.sales()) / seconds, seconds, registration,
                            end.p99Micros(), end.failures() - start.failures());
                }
            }
            // the sellers have stopped (closing the load generator waits for them): every sale is in the database
            return new Figure(name, holdConfirm, sellNow, fresh, audit(center), signMicros(center));
        }
    }

    /** "" on H2; on PostgreSQL "+n" with n autovacuum workers at work now (their table named), "" when none. */
    private static String autovacuumWorkers(PlatformCenter center, long databasePid) {
        if (databasePid <= 0) {
            return "";
        }
        List<String> tables = center.services().db().dsl().fetch("SELECT query FROM pg_stat_activity"
                + " WHERE backend_type = 'autovacuum worker'").getValues(0, String.class);
        return tables.isEmpty() ? "" : "+" + tables.size() + tables.stream()
                .map(q -> q == null ? "?" : q.replaceFirst("^autovacuum: ", "").replace(' ', '_'))
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    /**
     * {@code -Dbench.pgStatements}: PostgreSQL's statement statistics start again (at a measured window's start);
     * returns how many sales the database holds then.
     */
    private static long resetStatements(PlatformCenter center, boolean profile) {
        if (!profile) {
            return 0;
        }
        DSLContext dsl = center.services().db().dsl();
        dsl.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        dsl.fetch("SELECT pg_stat_statements_reset()");
        return dsl.fetchCount(SALE);
    }

    /**
     * {@code -Dbench.pgStatements}: each statement PostgreSQL ran from the measured window's start until now (the
     * sellers keep selling until it is read), from its own pg_stat_statements, per sale made since: how often, its
     * execution time and the WAL records it wrote. Foreign-key checks show as the
     * {@code SELECT 1 FROM ONLY ... FOR KEY SHARE} PostgreSQL runs for them.
     */
    private static void printStatements(PlatformCenter center, boolean profile, String how, long salesAtReset) {
        if (!profile) {
            return;
        }
        DSLContext dsl = center.services().db().dsl();
        double sales = dsl.fetchCount(SALE) - salesAtReset;
        System.out.printf("PostgreSQL, %s: statements per sale (pg_stat_statements, %,.0f sales from the window's "
                + "start):%n", how, sales);
        System.out.println("  calls   exec µs   plans   plan µs   WAL records  statement");
        String statements = "SELECT calls, total_exec_time, wal_records, regexp_replace(query, '\\s+', ' ', 'g'), "
                + "plans, total_plan_time "
                + "FROM pg_stat_statements WHERE calls >= ? ORDER BY total_exec_time DESC";
        for (var r : dsl.resultQuery(statements, (long) (sales / 10)).fetch()) {
            String query = r.get(3, String.class);
            System.out.printf("  %5.2f  %8.1f  %6.2f  %8.1f  %12.2f  %s%n", r.get(0, Long.class) / sales,
                    r.get(1, Double.class) * 1000 / sales, r.get(4, Long.class) / sales,
                    r.get(5, Double.class) * 1000 / sales, r.get(2, Long.class) / sales,
                    query.length() > 150 ? query.substring(0, 150) + "…" : query);
        }
        var total = dsl.resultQuery("SELECT sum(calls), sum(total_exec_time), sum(wal_records), sum(wal_fpi), "
                + "sum(wal_bytes), sum(plans), sum(total_plan_time) FROM pg_stat_statements").fetchOne();
        System.out.printf("  %5.2f  %8.1f  %6.2f  %8.1f  %12.2f  (every statement; %.2f full pages, %,.0f WAL bytes a "
                + "sale)%n", total.get(0, Long.class) / sales, total.get(1, Double.class) * 1000 / sales,
                total.get(5, Long.class) / sales, total.get(6, Double.class) * 1000 / sales,
                total.get(2, Long.class) / sales, total.get(3, Long.class) / sales, total.get(4, Double.class) / sales);
    }

    /** Warms the current way of selling until the JIT is quiet, then measures it for the set window. */
    private static Steady steady(String how, Load load, Settings s, long databasePid, Runnable atWindowStart)
            throws Exception {
        double warmUp = warmUntilTheJitIsQuiet(load, s.maxWarmUp());
        atWindowStart.run();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Load.Mark before = load.mark();
        long jit0 = jit.getTotalCompilationTime();
        long machine0 = ProcCpu.machineBusy();
        long client0 = ProcCpu.process(load.pid());
        long database0 = databasePid > 0 ? ProcCpu.tree(databasePid) : 0;
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Thread.sleep(s.measure().toMillis());
        Load.Mark after = load.mark();
        long t1 = System.nanoTime();
        double seconds = (t1 - t0) / 1e9;
        if (Boolean.getBoolean("bench.windowClock")) {
            // System.nanoTime is CLOCK_MONOTONIC on Linux: a profiler's samples (perf record -k CLOCK_MONOTONIC) of
            // the whole run can be cut to the window
            System.out.printf("%s: window on the monotonic clock %.3f-%.3f s%n", how, t0 / 1e9, t1 / 1e9);
        }
        long cpu = os.getProcessCpuTime() - cpu0;
        long database = databasePid > 0 ? ProcCpu.tree(databasePid) - database0 : 0;
        long client = ProcCpu.process(load.pid()) - client0;
        long machine = ProcCpu.machineBusy() - machine0;
        int sold = after.sales() - before.sales();
        if (after.sellersDone() > 0) {
            throw new IllegalStateException(how + ": " + after.sellersDone() + " sellers sold all their seats before the "
                    + "measured window ended (the rate would fall for that); give them more: -Dbench.steadyEvents="
                    + (s.steadyEvents() + 1));
        }
        // the compiler threads' time as a share of all the center JVM's CPU in the window
        double jitShare = (jit.getTotalCompilationTime() - jit0) * 1e6 / Math.max(1, cpu);
        return new Steady(how, sold / seconds, after.p50Micros(), after.p99Micros(),
                after.failures() - before.failures(), jitShare, warmUp, cpu / 1e6 / Math.max(1, sold),
                split(machine0 < 0 || client0 < 0 || database0 < 0, cpu, client, database, machine, sold));
    }

    /** Per operation, in ms; the rest of the machine's busy time is "other" (never below 0: the clocks differ). */
    private static CpuSplit split(boolean unknown, long center, long client, long database, long machine, long ops) {
        double n = Math.max(1, ops) * 1e6;
        if (unknown) {
            return new CpuSplit(center / n, -1, -1, -1);
        }
        return new CpuSplit(center / n, client / n, database / n, Math.max(0, machine - center - client - database) / n);
    }

    private static final int SIGNATURES = 2_000;

    /**
     * The thread CPU time of one ticket signature as a sale makes it (the center's {@link TicketFactory} on its active
     * issuer key, a ticket this run sold), median of {@link #SIGNATURES} after as many to warm up: the share of a
     * sale's CPU in the center that the claims' signed tickets take (a pgbench transaction signs nothing).
     */
    private static double signMicros(PlatformCenter center) throws Exception {
        String encoded = center.services().db().dsl().select(TICKET.ENCODED).from(TICKET).limit(1)
                .fetchOne(TICKET.ENCODED);
        Ticket ticket = TicketCodec.decode(java.util.Base64.getDecoder().decode(encoded)).ticket();
        TicketFactory factory = new TicketFactory(center.services().keys());
        var threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[SIGNATURES];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < SIGNATURES; i++) {
                long t0 = threads.getCurrentThreadCpuTime();
                factory.sign(ticket);
                nanos[i] = threads.getCurrentThreadCpuTime() - t0;
            }
        }
        java.util.Arrays.sort(nanos);
        return nanos[SIGNATURES / 2] / 1000.0;
    }

    private static String missingParents(Audit audit) {
        return audit.missingParents().isEmpty() ? "0" : audit.missingParents().toString();
    }

    /** Counts, in the center's database, every sign of a seat sold twice, and every row naming a missing parent. */
    private static Audit audit(PlatformCenter center) {
        return center.services().db().tx(ctx -> audit(ctx));
    }

    private static Audit audit(DSLContext ctx) {
        int twice = ctx.fetchCount(ctx.select(TICKET.EVENT_ID, TICKET.SEAT_ID).from(TICKET)
                .where(TICKET.GENERAL_ADMISSION.isFalse(), TICKET.STATUS.ne("VOID"))
                .groupBy(TICKET.EVENT_ID, TICKET.SEAT_ID).having(DSL.count().gt(1)));
        long updates = -1;
        long hot = -1;
        if (ctx.dialect().family() == org.jooq.SQLDialect.POSTGRES) {
            // how many seat updates PostgreSQL made in place (HOT: no new index entries); its counters lag up to a second
            var row = ctx.fetchOne("SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = 'seat_state'");
            updates = row.get(0, Long.class);
            hot = row.get(1, Long.class);
        }
        return new Audit(twice, ctx.fetchCount(SOLD_SEAT), ctx.fetchCount(SEAT_STATE, SEAT_STATE.STATUS.eq("SOLD")),
                ctx.fetchCount(TICKET, TICKET.GENERAL_ADMISSION.isFalse(), TICKET.STATUS.ne("VOID")), updates, hot,
                dev.tessera.center.sales.LedgerIntegrity.missingParents(ctx));
    }

    /**
     * Sells while the center's JIT compiler works; returns the seconds it took until two 2-second windows in a row
     * spent under 2 % of their time compiling, and at least 30 s (or {@code max} passed).
     */
    private static double warmUntilTheJitIsQuiet(Load load, Duration max) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        int quiet = 0;
        // at least 30 s a phase: on a busy machine the compiler threads get little CPU and look quiet too early
        long minimum = Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() - start < max.toNanos()) {
            long c0 = jit.getTotalCompilationTime();
            Thread.sleep(2_000);
            boolean calm = jit.getTotalCompilationTime() - c0 < 40;
            quiet = calm ? quiet + 1 : 0;
            load.mark();
            if (quiet >= 2 && System.nanoTime() - start >= minimum) {
                break;
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The load generator's JVM and its line protocol ({@link SalesLoad}). */
    private static final class Load implements AutoCloseable {
        record Mark(int sales, int failures, long p50Micros, long p99Micros, long count, int sellersDone) {}

        private final Process process;
        private final BufferedReader out;
        private final PrintWriter in;

        private Load(Process process) {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        }

        static Load start(URI center, Settings s) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                    "--sun-misc-unsafe-memory-access=allow", "-cp", System.getProperty("java.class.path"),
                    SalesLoad.class.getName(), center.toString(), Integer.toString(s.sellers()), SELLER_PASSWORD,
                    Integer.toString(s.seatsPerSale()))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new Load(p);
        }

        long pid() {
            return process.pid();
        }

        void sell(List<Long> eventIds, Path seats, boolean sellNow) throws IOException {
            expectLine("SELL " + eventIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","))
                    + " " + seats + " " + (sellNow ? "NOW" : "HOLD"), "SELLING");
        }

        void stop() throws IOException {
            expectLine("STOP", "STOPPED");
        }

        Mark mark() throws IOException {
            String[] w = expectLine("MARK", "MARK").split(" ");
            return new Mark(Integer.parseInt(w[1]), Integer.parseInt(w[2]), Long.parseLong(w[3]), Long.parseLong(w[4]),
                    Long.parseLong(w[5]), Integer.parseInt(w[6]));
        }

        /** A mark whose p99 covers the sales since {@code earlier} too (the latencies are the window's since a MARK). */
        Mark mark(Mark earlier) throws IOException {
            Mark now = mark();
            // the larger of the two p99s: an upper bound on the window's p99 without keeping every latency here
            return now.count() == 0 ? new Mark(now.sales(), now.failures(), earlier.p50Micros(), earlier.p99Micros(),
                    earlier.count(), now.sellersDone())
                    : new Mark(now.sales(), now.failures(), now.p50Micros(), Math.max(now.p99Micros(),
                    earlier.p99Micros()), now.count() + earlier.count(), now.sellersDone());
        }

        private String expectLine(String command, String answer) throws IOException {
            in.println(command);
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(answer)) {
                    return line;
                }
                if (line.startsWith("ERROR")) {
                    throw new IllegalStateException("load generator: " + line);
                }
                // anything else is the load generator's logging
            }
            throw new IllegalStateException("the load generator ended (exit " + waitForExit() + ") before answering "
                    + command);
        }

        private int waitForExit() {
            try {
                return process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        @Override
        public void close() {
            in.println("QUIT");
            if (waitForExit() == -1) {
                process.destroyForcibly();
            }
        }
    }

    private static long onSale(ApiClient organizer, long venueId, int version, SeatMap map, String name,
                               List<Long> sellers) {
        Map<String, Long> prices = new LinkedHashMap<>();
        map.categories().forEach(c -> prices.put(c.id(), 4_000L));
        Instant start = Instant.now().plus(Duration.ofDays(7));
        long eventId = expect(organizer.post("/api/events", Map.ofEntries(
                Map.entry("name", name), Map.entry("servicer", "Bench"), Map.entry("venueId", venueId),
                Map.entry("seatMapVersion", version), Map.entry("doorsOpen", start.minus(Duration.ofHours(2)).toString()),
                Map.entry("startsAt", start.toString()), Map.entry("endsAt", start.plus(Duration.ofHours(3)).toString()),
                Map.entry("currency", "JPY"), Map.entry("pricesMinor", prices),
                Map.entry("gates", map.gates().stream().map(g -> g.id()).toList()), Map.entry("contact", "-"))), 201)
                .get("id").asLong();
        Map<String, Integer> quotas = new LinkedHashMap<>();
        map.categories().forEach(c -> quotas.put(c.id(), 1_000_000));
        for (long seller : sellers) {
            expect(organizer.post("/api/events/" + eventId + "/authorizations", Map.of("sellerId", seller,
                    "quotas", quotas, "seatIds", List.of())), 201);
        }
        expect(organizer.post("/api/events/" + eventId + "/publish", Map.of()), 200);
        return eventId;
    }

    private static Response expect(Response r, int status) {
        if (r.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + r.status() + ": " + r.body());
        }
        return r;
    }

    static Pgbench pgbench(PostgresCluster pg) throws IOException, InterruptedException {
        pg.createDatabase("bench_pgbench");
        String pgbench = pg.bin().resolve("pgbench").toString();
        List<String> conn = List.of("-h", "127.0.0.1", "-p", String.valueOf(pg.port()), "-U", "postgres");
        List<String> init = new ArrayList<>(List.of(pgbench, "-i", "-q", "-s", "10"));
        init.addAll(conn);
        init.add("bench_pgbench");
        exec(init);
        List<String> runCmd = new ArrayList<>(List.of(pgbench, "-c", "8", "-j", "2", "-T", "10", "-N"));
        runCmd.addAll(conn);
        runCmd.add("bench_pgbench");
        long client0 = ProcCpu.reapedChildrenOfSelf();
        long database0 = ProcCpu.tree(pg.postmasterPid());
        long machine0 = ProcCpu.machineBusy();
        String out = exec(runCmd);
        // pgbench's backends end with it; give the postmaster a moment to reap them (their time moves to its children's)
        Thread.sleep(500);
        long client = ProcCpu.reapedChildrenOfSelf() - client0;
        long database = ProcCpu.tree(pg.postmasterPid()) - database0;
        long machine = ProcCpu.machineBusy() - machine0;
        Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        Matcher n = Pattern.compile("number of transactions actually processed: ([0-9]+)").matcher(out);
        if (!m.find() || !n.find()) {
            throw new IllegalStateException("pgbench printed no tps:\n" + out);
        }
        long transactions = Long.parseLong(n.group(1));
        // this JVM idles while pgbench runs; its own time counts as "other" with the rest of the machine
        return new Pgbench(Double.parseDouble(m.group(1)), transactions,
                split(client0 < 0 || database0 < 0 || machine0 < 0, 0, client, database, machine, transactions));
    }

    private static String exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
