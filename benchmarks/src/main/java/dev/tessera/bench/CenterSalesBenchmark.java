package dev.tessera.bench;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.PlatformCenter;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.PostgresCluster;
import dev.tessera.core.crypto.PasswordHasher;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.SeatMapFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 2's figure: completed counter sales per second (hold + confirm, two seats each, through the
 * HTTP API) under 64 concurrent sellers, on an H2 file and on PostgreSQL, beside {@code pgbench -N}
 * on the same PostgreSQL in the same run.
 */
public final class CenterSalesBenchmark {
    private static final String ORGANIZER_PASSWORD = "bench-organizer";

    public record Settings(int sellers, int seatsPerSale, Duration warmUp, Duration measure, int pool) {
        static Settings fromSystemProperties() {
            return new Settings(Integer.getInteger("bench.sellers", 64), Integer.getInteger("bench.seatsPerSale", 2),
                    Duration.ofSeconds(Integer.getInteger("bench.warmupSeconds", 10)),
                    Duration.ofSeconds(Integer.getInteger("bench.seconds", 15)), Integer.getInteger("bench.pool", 16));
        }
    }

    record Figure(String database, double salesPerSecond, double ticketsPerSecond, long p50Micros, long p99Micros,
                  int failures) {}

    private CenterSalesBenchmark() {}

    public static List<String> run(Settings settings) throws Exception {
        List<String> lines = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        String only = System.getProperty("bench.only", "");
        if (!only.equals("pg")) {
            Path dir = Files.createTempDirectory("tessera-bench-h2");
            Figure h2 = sales("H2 file", CenterConfig.h2FileUrl(dir.resolve("center")), "tessera", settings);
            print(h2, settings);
            figures.add(h2);
        }
        PostgresCluster pg = PostgresCluster.shared();
        if (!only.equals("h2")) {
            Figure postgres = sales("PostgreSQL", pg.createDatabase("bench_sales"), "postgres", settings);
            print(postgres, settings);
            figures.add(postgres);
        }
        double pgbench = pgbench(pg);
        System.out.printf("pgbench -N (scale 10, 8 clients, 2 threads, 10 s) on the same PostgreSQL: %.0f TPS%n", pgbench);
        for (Figure f : figures) {
            lines.add("| center sales/s, 64 sellers, %s (%d seats a sale) | %.0f sales/s (%.0f tickets/s), p50 %.1f ms, p99 %.1f ms, %d failed |"
                    .formatted(f.database(), settings.seatsPerSale(), f.salesPerSecond(), f.ticketsPerSecond(),
                            f.p50Micros() / 1000.0, f.p99Micros() / 1000.0, f.failures()));
        }
        lines.add("| pgbench -N TPS, same PostgreSQL, same run | %.0f |".formatted(pgbench));
        for (Figure f : figures) {
            lines.add("| ratio %s sales/s ÷ pgbench TPS | %.0f%% |".formatted(f.database(), 100 * f.salesPerSecond() / pgbench));
        }
        return lines;
    }

    private static void print(Figure f, Settings s) {
        System.out.printf("%s: %.0f sales/s (%.0f tickets/s) under %d sellers; p50 %.1f ms, p99 %.1f ms; %d failed%n",
                f.database(), f.salesPerSecond(), f.ticketsPerSecond(), s.sellers(), f.p50Micros() / 1000.0,
                f.p99Micros() / 1000.0, f.failures());
    }

    static Figure sales(String name, String jdbcUrl, String user, Settings s) throws Exception {
        CenterConfig config = CenterConfig.of(jdbcUrl, user, "", 0).withPoolSize(s.pool())
                // Sign-in cost is not what this measures: a cheap Argon2id for the 64 bench accounts.
                .withPasswordHasher(new PasswordHasher(1024, 1, 1, 16, 32, new SecureRandom()));
        try (PlatformCenter center = PlatformCenter.start(config)) {
            center.services().accounts().bootstrap("bench-organizer", ORGANIZER_PASSWORD.toCharArray(),
                    Role.ORGANIZER, "Bench Organizer");
            ApiClient anonymous = new ApiClient(center.baseUri());
            ApiClient organizer = anonymous.login("bench-organizer", ORGANIZER_PASSWORD);
            SeatMap map = SampleVenues.stadium(100_000);
            long eventId = stadiumEvent(organizer, map);
            List<ApiClient> sellers = new ArrayList<>();
            Map<String, Integer> quotas = new LinkedHashMap<>();
            map.categories().forEach(c -> quotas.put(c.id(), 1_000_000));
            for (int i = 0; i < s.sellers(); i++) {
                String login = "bench-seller-" + i;
                expect(organizer.post("/api/accounts", Map.of("loginId", login, "password", "bench-password",
                        "role", "SELLER", "displayName", "Seller " + i)), 201);
                long id = anonymous.login(login, "bench-password").get("/api/me").get("accountId").asLong();
                expect(organizer.post("/api/events/" + eventId + "/authorizations", Map.of("sellerId", id,
                        "quotas", quotas, "seatIds", List.of())), 201);
                sellers.add(anonymous.login(login, "bench-password"));
            }
            expect(organizer.post("/api/events/" + eventId + "/publish", Map.of()), 200);
            List<String> seats = map.seats().stream().filter(Seat::isForSale).map(Seat::id).toList();
            return race(name, eventId, sellers, seats, s);
        }
    }

    private static Figure race(String name, long eventId, List<ApiClient> sellers, List<String> seats, Settings s)
            throws InterruptedException {
        int perSeller = seats.size() / sellers.size();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sales = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long[][] latencies = new long[sellers.size()][];
        AtomicLong measuredStart = new AtomicLong();
        CountDownLatch done = new CountDownLatch(sellers.size());
        for (int i = 0; i < sellers.size(); i++) {
            int index = i;
            ApiClient api = sellers.get(i);
            List<String> mine = seats.subList(i * perSeller, (i + 1) * perSeller);
            Thread.ofPlatform().name("seller-" + i).start(() -> {
                long[] lat = new long[perSeller];
                int count = 0;
                try {
                    for (int next = 0; next + s.seatsPerSale() <= mine.size() && !stop.get(); next += s.seatsPerSale()) {
                        long t0 = System.nanoTime();
                        Response hold = api.post("/api/events/" + eventId + "/holds",
                                Map.of("seatIds", mine.subList(next, next + s.seatsPerSale())));
                        boolean ok = hold.status() == 201;
                        if (ok) {
                            Response sale = api.post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                                    "customer", Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CARD", "reference", "bench")));
                            ok = sale.status() == 201;
                        }
                        if (measuring.get()) {
                            if (ok) {
                                sales.incrementAndGet();
                                lat[count++] = (System.nanoTime() - t0) / 1000;
                            } else {
                                failures.incrementAndGet();
                            }
                        }
                    }
                } finally {
                    latencies[index] = Arrays.copyOf(lat, count);
                    done.countDown();
                }
            });
        }
        Thread.sleep(s.warmUp().toMillis());
        measuring.set(true);
        measuredStart.set(System.nanoTime());
        Thread.sleep(s.measure().toMillis());
        measuring.set(false);
        double seconds = (System.nanoTime() - measuredStart.get()) / 1e9;
        stop.set(true);
        done.await(2, TimeUnit.MINUTES);
        long[] all = Arrays.stream(latencies).filter(a -> a != null).flatMapToLong(Arrays::stream).sorted().toArray();
        long p50 = all.length == 0 ? 0 : all[all.length / 2];
        long p99 = all.length == 0 ? 0 : all[Math.min(all.length - 1, (int) (all.length * 0.99))];
        double perSecond = sales.get() / seconds;
        return new Figure(name, perSecond, perSecond * s.seatsPerSale(), p50, p99, failures.get());
    }

    private static long stadiumEvent(ApiClient organizer, SeatMap map) {
        long venueId = expect(organizer.post("/api/venues", Map.of("name", "Bench Stadium", "address", "-")), 201)
                .get("id").asLong();
        int version = expect(organizer.post("/api/venues/" + venueId + "/seat-maps", SeatMapFormat.toJson(map)), 201)
                .get("version").asInt();
        Map<String, Long> prices = new LinkedHashMap<>();
        map.categories().forEach(c -> prices.put(c.id(), 4_000L));
        Instant start = Instant.now().plus(Duration.ofDays(7));
        return expect(organizer.post("/api/events", Map.ofEntries(
                Map.entry("name", "Bench Cup Final"), Map.entry("servicer", "Bench"), Map.entry("venueId", venueId),
                Map.entry("seatMapVersion", version), Map.entry("doorsOpen", start.minus(Duration.ofHours(2)).toString()),
                Map.entry("startsAt", start.toString()), Map.entry("endsAt", start.plus(Duration.ofHours(3)).toString()),
                Map.entry("currency", "JPY"), Map.entry("pricesMinor", prices),
                Map.entry("gates", map.gates().stream().map(g -> g.id()).toList()), Map.entry("contact", "-"))), 201)
                .get("id").asLong();
    }

    private static Response expect(Response r, int status) {
        if (r.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + r.status() + ": " + r.body());
        }
        return r;
    }

    static double pgbench(PostgresCluster pg) throws IOException, InterruptedException {
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
        String out = exec(runCmd);
        Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench printed no tps:\n" + out);
        }
        return Double.parseDouble(m.group(1));
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
