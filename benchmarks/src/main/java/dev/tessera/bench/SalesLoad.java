package dev.tessera.bench;

import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The center benchmark's load generator, in a JVM of its own so that its threads, JSON and JIT do not share the
 * center's CPU accounting (issue 13: "the load generator in its own process"). Each seller signs in once and sells
 * its own slice of the event's seats, hold + confirm, {@code seatsPerSale} seats a sale, as fast as the center
 * answers.
 *
 * <p>Commands on stdin, one a line; answers on stdout:
 * <ul>
 *   <li>{@code SELL <eventId> <seatFile> <HOLD|NOW>}: stop selling the previous event, then sell this one (a seat id a
 *       line), by hold + confirm (two requests) or "sell now" ({@code POST /api/events/{id}/sales}, one request);
 *       answers {@code SELLING}.</li>
 *   <li>{@code MARK}: answers {@code MARK <sales> <failures> <p50 µs> <p99 µs> <count> <done>}: completed sales and
 *       failed attempts since the start, the latency of the sales completed since the previous MARK and their count,
 *       and how many sellers have sold their whole slice of the event.</li>
 *   <li>{@code QUIT}: stops and exits.</li>
 * </ul>
 * Arguments: the center's base URI, the number of sellers (signed in as {@code bench-seller-<i>}), their password,
 * seats a sale.
 */
public final class SalesLoad {

    private final List<ApiClient> sellers = new ArrayList<>();
    private final int seatsPerSale;
    private final AtomicInteger sales = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sellersDone = new AtomicInteger();
    private AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    private SalesLoad(URI base, int sellerCount, String password, int seatsPerSale) {
        this.seatsPerSale = seatsPerSale;
        ApiClient anonymous = new ApiClient(base);
        for (int i = 0; i < sellerCount; i++) {
            sellers.add(anonymous.login("bench-seller-" + i, password));
        }
    }

    public static void main(String[] args) throws Exception {
        SalesLoad load = new SalesLoad(URI.create(args[0]), Integer.parseInt(args[1]), args[2], Integer.parseInt(args[3]));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] words = line.trim().split(" ");
            switch (words[0]) {
                case "SELL" -> {
                    load.stop();
                    load.sell(Long.parseLong(words[1]), Files.readAllLines(Path.of(words[2])),
                            words.length > 3 && words[3].equals("NOW"));
                    answer("SELLING");
                }
                case "MARK" -> answer(load.mark());
                case "QUIT" -> {
                    load.stop();
                    answer("BYE");
                    System.exit(0);
                }
                default -> answer("ERROR unknown command " + line);
            }
        }
        load.stop();
    }

    private static void answer(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private void sell(long eventId, List<String> seats, boolean sellNow) {
        AtomicBoolean run = new AtomicBoolean(true);
        running = run;
        sellersDone.set(0);
        int perSeller = seats.size() / sellers.size();
        for (int i = 0; i < sellers.size(); i++) {
            ApiClient api = sellers.get(i);
            List<String> mine = seats.subList(i * perSeller, (i + 1) * perSeller);
            threads.add(Thread.ofPlatform().name("seller-" + i).start(() -> {
                int next = 0;
                for (; next + seatsPerSale <= mine.size() && run.get(); next += seatsPerSale) {
                    long t0 = System.nanoTime();
                    List<String> seatIds = mine.subList(next, next + seatsPerSale);
                    if (sellNow) {
                        Response sale = api.post("/api/events/" + eventId + "/sales", Map.of("seatIds", seatIds,
                                "customer", Map.of("auth", "WALK_IN"),
                                "payment", Map.of("method", "CARD", "reference", "bench")));
                        count(sale.status() == 201, t0);
                        continue;
                    }
                    Response hold = api.post("/api/events/" + eventId + "/holds", Map.of("seatIds", seatIds));
                    boolean ok = hold.status() == 201;
                    if (ok) {
                        Response sale = api.post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                                "customer", Map.of("auth", "WALK_IN"),
                                "payment", Map.of("method", "CARD", "reference", "bench")));
                        ok = sale.status() == 201;
                    }
                    count(ok, t0);
                }
                if (next + seatsPerSale > mine.size()) {
                    sellersDone.incrementAndGet();
                }
            }));
        }
    }

    private void count(boolean ok, long t0) {
        if (ok) {
            sales.incrementAndGet();
            latencies.add((System.nanoTime() - t0) / 1000);
        } else {
            failures.incrementAndGet();
        }
    }

    private void stop() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join();
        }
        threads.clear();
    }

    private String mark() {
        List<Long> window = new ArrayList<>();
        for (Long l; (l = latencies.poll()) != null; ) {
            window.add(l);
        }
        long[] sorted = window.stream().mapToLong(Long::longValue).sorted().toArray();
        return "MARK " + sales.get() + " " + failures.get() + " " + BenchCenter.percentile(sorted, 0.5) + " "
                + BenchCenter.percentile(sorted, 0.99) + " " + Arrays.stream(sorted).count() + " " + sellersDone.get();
    }
}
