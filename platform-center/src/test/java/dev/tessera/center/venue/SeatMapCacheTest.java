package dev.tessera.center.venue;

import static dev.tessera.center.db.schema.Tables.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.db.Database;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.SeatMapFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seat-map cache after a restart, on H2 (one session at a time, ADR 0003): a request that needs a map nobody has
 * read yet waits for the database while a transaction holds it, and that transaction needs the same map. Both must go
 * on (CenterKillFaultTest hung here: the first thread loaded the map inside the cache's lock).
 */
class SeatMapCacheTest {

    @Test
    void aTransactionAndARequestAskingForTheSameUnreadMapBothGetIt(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(CenterConfig.h2FileUrl(dir.resolve("center")), "tessera", "", 2)) {
            long venue = venueWith(db, SampleVenues.theatre());
            int version = 1;
            // the center started again: nothing read yet
            VenueService venues = new VenueService(db, Clock.systemUTC());

            CountDownLatch holding = new CountDownLatch(1);
            AtomicReference<Thread> request = new AtomicReference<>();
            CompletableFuture<SeatMap> fromRequest = new CompletableFuture<>();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                CompletableFuture<SeatMap> fromTransaction = CompletableFuture.supplyAsync(() -> db.tx(ctx -> {
                    holding.countDown();
                    // the request is waiting for the database this transaction holds
                    awaitWaiting(request);
                    return venues.seatMap(venue, version);
                }));
                holding.await(10, TimeUnit.SECONDS);
                request.set(Thread.ofPlatform().start(() -> {
                    try {
                        fromRequest.complete(venues.seatMap(venue, version));
                    } catch (RuntimeException e) {
                        fromRequest.completeExceptionally(e);
                    }
                }));
                SeatMap a = fromTransaction.get();
                SeatMap b = fromRequest.get();
                assertThat(a.seatCount()).isEqualTo(SampleVenues.theatre().seatCount());
                assertThat(b).as("every caller gets the one map kept").isSameAs(a);
                assertThat(venues.seatMap(venue, version)).isSameAs(a);
            });
        }
    }

    /** After a restart, many requests asking at once for a map nobody has read yet read and parse it once. */
    @Test
    void manyRequestsAskingForAnUnreadMapAtOnceReadItOnce(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(CenterConfig.h2FileUrl(dir.resolve("center")), "tessera", "", 4)) {
            long venue = venueWith(db, SampleVenues.arena(20_000));
            int version = 1;
            VenueService venues = new VenueService(db, Clock.systemUTC());

            int requests = 16;
            CountDownLatch go = new CountDownLatch(1);
            java.util.List<CompletableFuture<SeatMap>> asked = new java.util.ArrayList<>();
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int i = 0; i < requests; i++) {
                    CompletableFuture<SeatMap> answer = new CompletableFuture<>();
                    asked.add(answer);
                    Thread.ofPlatform().start(() -> {
                        try {
                            go.await();
                            answer.complete(venues.seatMap(venue, version));
                        } catch (Throwable e) {
                            answer.completeExceptionally(e);
                        }
                    });
                }
                go.countDown();
                SeatMap first = asked.getFirst().get();
                for (CompletableFuture<SeatMap> answer : asked) {
                    assertThat(answer.get()).isSameAs(first);
                }
            });
            assertThat(venues.documentsRead()).as("documents read for %d requests at once", requests).isEqualTo(1);
        }
    }

    /** A venue whose seat map (version 1) is {@code map}, stored by a service the test then drops. */
    private static long venueWith(Database db, SeatMap map) {
        long organizer = db.dsl().insertInto(ACCOUNT).set(ACCOUNT.LOGIN_ID, "org").set(ACCOUNT.PASSWORD_HASH, "-")
                .set(ACCOUNT.ROLE, "ORGANIZER").set(ACCOUNT.DISPLAY_NAME, "Organizer")
                .set(ACCOUNT.CREATED_AT, OffsetDateTime.now()).returningResult(ACCOUNT.ID).fetchOne(ACCOUNT.ID);
        VenueService before = new VenueService(db, Clock.systemUTC());
        long venue = before.create(organizer, "Venue", "1 Stage Road").id();
        assertThat(before.addSeatMap(venue, SeatMapFormat.toJson(map))).isEqualTo(1);
        return venue;
    }

    private static void awaitWaiting(AtomicReference<Thread> request) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Thread t = request.get();
            if (t != null && (t.getState() == Thread.State.WAITING || t.getState() == Thread.State.BLOCKED)) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the request never waited for the database");
    }
}
