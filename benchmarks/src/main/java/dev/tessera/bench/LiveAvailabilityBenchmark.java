package dev.tessera.bench;

import dev.tessera.contract.sales.PaymentMethod;
import dev.tessera.core.model.CustomerAuth;
import dev.tessera.designer.availability.SeatStatus;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.core.model.Hold;
import dev.tessera.contract.availability.SeatChange;
import dev.tessera.contract.availability.SeatChanges;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.client.CenterException;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.sales.ConfirmSale;
import dev.tessera.contract.sales.Customer;
import dev.tessera.contract.sales.Payment;
import dev.tessera.desktop.center.SeatStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Issue 7's live availability figure: one terminal confirms a sale at the center; another terminal's
 * live seat stream (the desktop's {@link SeatStream}, Server-Sent Events) hears the seat turn SOLD.
 * Measured from the moment the confirmation is sent (so it includes the sale's own commit) to the
 * moment the watching terminal has the change; the confirmation's round trip alone is printed beside it.
 */
public final class LiveAvailabilityBenchmark {
    private LiveAvailabilityBenchmark() {}

    public static List<String> run(int sales) throws Exception {
        try (BenchCenter bench = BenchCenter.start("live");
             CenterClient sellerTerminal = new CenterClient(bench.center.baseUri());
             CenterClient watchingTerminal = new CenterClient(bench.center.baseUri())) {
            CenterSession seller = sellerTerminal.signIn("clerk", "clerk-demo");
            CenterSession watcher = watchingTerminal.signIn("manager", "manager-demo");
            EventInfo event = BenchCenter.demoEvent(seller);
            Map<String, Long> soldAt = new ConcurrentHashMap<>();
            CountDownLatch opened = new CountDownLatch(1);
            try (SeatStream _ = watcher.watchSeats(event.id(), new SeatStream.Listener() {
                @Override
                public void opened() {
                    opened.countDown();
                }

                @Override
                public void changes(SeatChanges changes) {
                    long now = System.nanoTime();
                    synchronized (soldAt) {
                        for (SeatChange c : changes.seats()) {
                            if (SeatStatus.ofWire(c.status()) == SeatStatus.SOLD) {
                                soldAt.putIfAbsent(c.seatId(), now);
                            }
                        }
                        soldAt.notifyAll();
                    }
                }

                @Override
                public void dropped(CenterException cause) {
                    throw new IllegalStateException("the live stream dropped: " + cause.getMessage(), cause);
                }
            })) {
                if (!opened.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the live stream did not open");
                }
                List<String> categories = event.pricesMinor().keySet().stream().sorted().toList();
                long[] toStream = new long[sales];
                long[] roundTrip = new long[sales];
                for (int i = 0; i < sales; i++) {
                    Hold hold = seller.holdBestAvailable(event.id(), 1, categories.get(i % categories.size()));
                    String seat = hold.seatIds().getFirst();
                    long sent = System.nanoTime();
                    seller.confirmSale(new ConfirmSale(hold.id(), new Customer(CustomerAuth.WALK_IN, null, null, null),
                            new Payment(PaymentMethod.CASH, null, null), List.of()));
                    roundTrip[i] = System.nanoTime() - sent;
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    synchronized (soldAt) {
                        while (!soldAt.containsKey(seat)) {
                            if (System.nanoTime() > deadline) {
                                throw new IllegalStateException("seat " + seat + " never arrived on the live stream");
                            }
                            soldAt.wait(100);
                        }
                    }
                    toStream[i] = soldAt.get(seat) - sent;
                }
                Arrays.sort(toStream);
                Arrays.sort(roundTrip);
                double p50 = BenchCenter.percentile(toStream, 0.50) / 1e6;
                double p99 = BenchCenter.percentile(toStream, 0.99) / 1e6;
                double rt50 = BenchCenter.percentile(roundTrip, 0.50) / 1e6;
                System.out.printf("live availability: sale confirmation sent → SOLD at another terminal's stream, "
                        + "%d sales: p50 %.2f ms, p99 %.2f ms (the confirmation's own round trip: p50 %.2f ms)%n",
                        sales, p50, p99, rt50);
                List<String> lines = new ArrayList<>();
                lines.add("| live availability: sale confirmed at the center → seat SOLD on another terminal's SSE stream "
                        + "(embedded H2 center, %d sales, from the confirmation sent) | p50 %.2f ms, p99 %.2f ms (confirmation round trip p50 %.2f ms) |"
                        .formatted(sales, p50, p99, rt50));
                return lines;
            }
        }
    }
}
