package dev.tessera.bench;

import dev.tessera.center.support.ApiClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The center benchmark's load generator, in a JVM of its own so that its threads, JSON and JIT do not share the
 * center's CPU accounting (issue 13: "the load generator in its own process"). Each seller signs in once and sells
 * its own slice of the event's seats, hold + confirm, {@code seatsPerSale} seats a sale, as fast as the center
 * answers, each request under a fresh {@code Idempotency-Key} as the desktop sends them (the center keeps every
 * answer). The sales go over {@link LeanHttp}, one kept-alive connection a seller, so that the load generator takes
 * as little of the shared machine's CPU as it can.
 *
 * <p>Commands on stdin, one a line; answers on stdout:
 * <ul>
 *   <li>{@code SELL <eventId>[,<eventId>...] <seatFile> <HOLD|NOW>}: stop selling the previous events, then sell
 *       these (the same seat ids, a seat id a line, in each), by hold + confirm (two requests) or "sell now"
 *       ({@code POST /api/events/{id}/sales}, one request): each seller its slice of the first event, then of the
 *       next; answers {@code SELLING}.</li>
 *   <li>{@code MARK}: answers {@code MARK <sales> <failures> <p50 µs> <p99 µs> <count> <done>}: completed sales and
 *       failed attempts since the start, the latency of the sales completed since the previous MARK and their count,
 *       and how many sellers have sold their whole slice of every event.</li>
 *   <li>{@code STOP}: stops selling, once every seller's sale under way is done; answers {@code STOPPED}.</li>
 *   <li>{@code QUIT}: stops and exits.</li>
 * </ul>
 * Arguments: the center's base URI, the number of sellers (signed in as {@code bench-seller-<i>}), their password,
 * seats a sale.
 */
public final class SalesLoad {

    private final URI base;
    private final List<ApiClient> sellers = new ArrayList<>();
    private final int seatsPerSale;
    private final AtomicInteger sales = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sellersDone = new AtomicInteger();
    private AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    private SalesLoad(URI base, int sellerCount, String password, int seatsPerSale) {
        this.base = base;
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
                    load.sell(Arrays.stream(words[1].split(",")).map(Long::parseLong).toList(),
                            Files.readAllLines(Path.of(words[2])), words.length > 3 && words[3].equals("NOW"));
                    answer("SELLING");
                }
                case "MARK" -> answer(load.mark());
                case "STOP" -> {
                    load.stop();
                    answer("STOPPED");
                }
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

    private void sell(List<Long> eventIds, List<String> seats, boolean sellNow) {
        AtomicBoolean run = new AtomicBoolean(true);
        running = run;
        sellersDone.set(0);
        int perSeller = seats.size() / sellers.size();
        for (int i = 0; i < sellers.size(); i++) {
            String token = sellers.get(i).token();
            List<String> mine = seats.subList(i * perSeller, (i + 1) * perSeller);
            threads.add(Thread.ofPlatform().name("seller-" + i).start(() -> {
                boolean done = true;
                try (LeanHttp http = new LeanHttp(base, token)) {
                    for (long eventId : eventIds) {
                        int next = 0;
                        for (; next + seatsPerSale <= mine.size() && run.get(); next += seatsPerSale) {
                            long t0 = System.nanoTime();
                            List<String> seatIds = mine.subList(next, next + seatsPerSale);
                            count(sellNow ? sellNow(http, eventId, seatIds) : holdAndConfirm(http, eventId, seatIds),
                                    t0);
                        }
                        done = next + seatsPerSale > mine.size();
                    }
                }
                if (done) {
                    sellersDone.incrementAndGet();
                }
            }));
        }
    }

    /** One request: {@code POST /api/events/{id}/sales}, a walk-in paying by card. */
    private static boolean sellNow(LeanHttp http, long eventId, List<String> seatIds) {
        return answered(http, "/api/events/" + eventId + "/sales", Map.of("seatIds", seatIds, "customer",
                Map.of("auth", "WALK_IN"), "payment", Map.of("method", "CARD", "reference", "bench")), 201) != null;
    }

    /** Two requests: hold the seats, then confirm the hold as a sale. */
    private static boolean holdAndConfirm(LeanHttp http, long eventId, List<String> seatIds) {
        LeanHttp.Answer hold = answered(http, "/api/events/" + eventId + "/holds", Map.of("seatIds", seatIds), 201);
        if (hold == null) {
            return false;
        }
        try {
            long holdId = ApiClient.JSON.readTree(hold.body()).get("id").asLong();
            return answered(http, "/api/sales", Map.of("holdId", holdId, "customer", Map.of("auth", "WALK_IN"),
                    "payment", Map.of("method", "CARD", "reference", "bench")), 201) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The answer when it has the expected status, else null (a refusal or a dropped connection: a failed sale). */
    private static LeanHttp.Answer answered(LeanHttp http, String path, Object body, int expected) {
        try {
            // a fresh key a request, as the desktop's CenterHttp.postOnce sends: the center keeps each answer
            LeanHttp.Answer answer = http.post(path, ApiClient.JSON.writeValueAsString(body),
                    UUID.randomUUID().toString());
            return answer.status() == expected ? answer : null;
        } catch (IOException e) {
            return null;
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
