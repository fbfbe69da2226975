package dev.tessera.center.cluster;

import static dev.tessera.center.db.schema.Sequences.SEAT_REVISION_SEQ;
import static dev.tessera.center.db.schema.Tables.SEAT_CHANGE;
import static dev.tessera.center.db.schema.Tables.SEAT_STATE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.db.Database;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.PostgresCluster;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.SampleVenues;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * Two centers on one PostgreSQL database (in this JVM): a terminal watching instance B gets what instance A changed
 * when B's notification connection is cut (B connects again and goes on), and when a change's notification never
 * came at all (an instance killed between its commit and its NOTIFY: B's catch-up by revision delivers it).
 */
class ClusterNotificationsPostgresTest {

    @Test
    void aWatcherOnOneInstanceMissesNothingAfterALostConnectionOrALostNotification() throws Exception {
        PostgresCluster pg = PostgresCluster.shared();
        String url = pg.createDatabase("cluster_resume");
        try (CenterFixture a = new CenterFixture(url, "postgres"); CenterFixture b = new CenterFixture(url, "postgres")) {
            CenterFixture.Account seller = a.account(Role.SELLER);
            var event = a.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(SampleVenues.theatre(), 100)),
                    Map.of());
            long eventId = event.eventId();
            List<String> seats = new java.util.ArrayList<>();
            a.organizer.get("/api/events/" + eventId + "/seats").get("seats").path("FREE").forEach(seat -> {
                if (seats.size() < 3) {
                    seats.add(seat.asText());
                }
            });
            Map<String, String> seenOnB = new ConcurrentHashMap<>();
            CountDownLatch watching = new CountDownLatch(1);
            HttpRequest stream = HttpRequest.newBuilder(b.center.baseUri().resolve("/api/events/" + eventId
                    + "/seats/stream")).header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + seller.client().token()).build();
            var lines = HttpClient.newHttpClient().sendAsync(stream, HttpResponse.BodyHandlers.ofLines());
            Thread.ofPlatform().daemon().name("watcher-on-B").start(() -> {
                try {
                    String kind = "";
                    for (String line : (Iterable<String>) lines.join().body()::iterator) {
                        if (line.startsWith("event:")) {
                            kind = line.substring(6).trim();
                        } else if (line.startsWith("data:") && kind.equals("watching")) {
                            watching.countDown();
                        } else if (line.startsWith("data:") && kind.equals("seats")) {
                            JsonNode changes = ApiClient.JSON.readTree(line.substring(5).trim());
                            changes.path("seats").forEach(s -> seenOnB.put(s.path("seatId").asText(),
                                    s.path("status").asText()));
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    watching.countDown();
                }
            });
            assertThat(watching.await(10, TimeUnit.SECONDS)).isTrue();
            ApiClient onA = new ApiClient(a.center.baseUri()).as(seller.client().token());

            // 1. as it runs: A's hold reaches B's stream through the notification
            assertThat(onA.post("/api/events/" + eventId + "/holds", Map.of("seatIds", List.of(seats.get(0))))
                    .status()).isEqualTo(201);
            awaitStatus(seenOnB, seats.get(0), "HELD");

            // 2. B's notification connection is cut: B connects again, and what A does next reaches B
            DSLContext admin = b.center.services().db().dsl();
            long bKey = b.center.services().db().instanceKey();
            Integer before = listenerPid(admin, bKey);
            assertThat(before).as("B's notification connection").isNotNull();
            admin.select(DSL.field("pg_terminate_backend({0})", Boolean.class, DSL.val(before))).fetch();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            Integer after = listenerPid(admin, bKey);
            while ((after == null || after.equals(before) || !b.center.hearsTheCluster()) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                after = listenerPid(admin, bKey);
            }
            assertThat(after).as("B listens again on a new connection").isNotNull().isNotEqualTo(before);
            assertThat(onA.post("/api/events/" + eventId + "/holds", Map.of("seatIds", List.of(seats.get(1))))
                    .status()).isEqualTo(201);
            awaitStatus(seenOnB, seats.get(1), "HELD");

            // 3. a change whose notification never came (its instance died between commit and NOTIFY): B reads it
            // from the database by revision
            Database dbOfA = a.center.services().db();
            dbOfA.txRun(ctx -> {
                long revision = ctx.update(SEAT_STATE).set(SEAT_STATE.STATUS, "BLOCKED")
                        .set(SEAT_STATE.REVISION, SEAT_REVISION_SEQ.nextval())
                        .where(SEAT_STATE.EVENT_ID.eq(eventId), SEAT_STATE.SEAT_ID.eq(seats.get(2)))
                        .returningResult(SEAT_STATE.REVISION).fetchSingle().value1();
                ctx.insertInto(SEAT_CHANGE, SEAT_CHANGE.EVENT_ID, SEAT_CHANGE.REVISION, SEAT_CHANGE.SEAT_ID)
                        .values(eventId, revision, seats.get(2)).execute();
            });
            awaitStatus(seenOnB, seats.get(2), "BLOCKED");
            lines.cancel(true);
        }
    }

    /**
     * Issue 13: a lone instance sends no seat notification (each would be a PostgreSQL transaction of its own, heard by
     * nobody); an instance that starts beside it is sent them from then on, and once it stops, they stop.
     */
    @Test
    void seatChangesAreSentOnlyWhileAnotherInstanceListens() throws Exception {
        PostgresCluster pg = PostgresCluster.shared();
        String url = pg.createDatabase("cluster_alone");
        try (CenterFixture a = new CenterFixture(url, "postgres");
             java.sql.Connection raw = java.sql.DriverManager.getConnection(url, "postgres", "")) {
            // the test's own listener: not a center instance (its application name is not one), so A does not count it
            raw.createStatement().execute("LISTEN tessera_cluster");
            org.postgresql.PGConnection notifications = raw.unwrap(org.postgresql.PGConnection.class);
            CenterFixture.Account seller = a.account(Role.SELLER);
            var event = a.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(SampleVenues.theatre(), 100)),
                    Map.of());
            long eventId = event.eventId();
            List<String> seats = new java.util.ArrayList<>();
            a.organizer.get("/api/events/" + eventId + "/seats").get("seats").path("FREE")
                    .forEach(seat -> seats.add(seat.asText()));
            ApiClient onA = new ApiClient(a.center.baseUri()).as(seller.client().token());
            assertThat(a.center.seesOtherInstances()).as("A sees another instance while alone").isFalse();
            assertThat(onA.post("/api/events/" + eventId + "/holds", Map.of("seatIds", List.of(seats.get(0))))
                    .status()).isEqualTo(201);
            assertThat(seatNotifications(notifications, 1_000)).as("seat notifications of a lone instance").isEmpty();

            try (CenterFixture b = new CenterFixture(url, "postgres")) {
                awaitTrue(() -> b.center.hearsTheCluster() && a.center.seesOtherInstances(), "A hears of B");
                assertThat(b.center.seesOtherInstances()).as("B sees A").isTrue();
                assertThat(onA.post("/api/events/" + eventId + "/holds", Map.of("seatIds", List.of(seats.get(1))))
                        .status()).isEqualTo(201);
                assertThat(seatNotifications(notifications, 5_000)).as("A's seat notifications while B listens")
                        .anySatisfy(payload -> assertThat(payload).contains(seats.get(1)));
            }
            // A counts the instances again at its next catch-up (every 2 s)
            awaitTrue(() -> !a.center.seesOtherInstances(), "A finds itself alone again");
            seatNotifications(notifications, 200);
            assertThat(onA.post("/api/events/" + eventId + "/holds", Map.of("seatIds", List.of(seats.get(2))))
                    .status()).isEqualTo(201);
            assertThat(seatNotifications(notifications, 1_000)).as("seat notifications after B stopped").isEmpty();
        }
    }

    /** The seat notifications ("S") that arrive within {@code millis}; sign-outs, event changes, hellos left out. */
    private static List<String> seatNotifications(org.postgresql.PGConnection connection, int millis)
            throws java.sql.SQLException {
        List<String> seat = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            org.postgresql.PGNotification[] arrived = connection.getNotifications(100);
            for (org.postgresql.PGNotification n : arrived == null ? new org.postgresql.PGNotification[0] : arrived) {
                String[] parts = n.getParameter().split(" ", 3);
                if (parts.length == 3 && parts[1].equals("S")) {
                    seat.add(parts[2]);
                }
            }
        }
        return seat;
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    private static Integer listenerPid(DSLContext db, long instanceKey) {
        return db.select(DSL.field("pid", Integer.class)).from(DSL.table("pg_stat_activity"))
                .where(DSL.field("application_name", String.class).eq(Database.NOTIFICATIONS_APPLICATION + instanceKey))
                .fetchOne(0, Integer.class);
    }

    /** Within 5 s: longer than the 2 s catch-up period and a reconnect. */
    private static void awaitStatus(Map<String, String> seen, String seat, String status) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!status.equals(seen.get(seat)) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(seen.get(seat)).as("seat %s on B's stream", seat).isEqualTo(status);
    }
}
