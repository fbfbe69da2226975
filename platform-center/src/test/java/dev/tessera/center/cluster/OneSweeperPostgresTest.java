package dev.tessera.center.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.PlatformCenter;
import dev.tessera.center.db.Database;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.PostgresCluster;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: one sweeper at a time. Two centers on one PostgreSQL database (in this JVM): while instance A sweeps
 * (holds the sweeper's advisory lock inside its transaction), instance B, and A's own next try on another pooled
 * connection, skip the sweep; once A is done B sweeps; and a sweeper whose connection dies in the middle of its
 * sweep (an instance killed) frees the lock with it, so the other instance sweeps again.
 */
class OneSweeperPostgresTest {
    private static final long LOCK = PlatformCenter.SWEEPER_LOCK;

    @Test
    void whileOneInstanceSweepsTheOthersSkipAndADeadSweeperFreesTheLock() throws Exception {
        String url = PostgresCluster.shared().createDatabase("one_sweeper");
        try (CenterFixture a = new CenterFixture(url, "postgres"); CenterFixture b = new CenterFixture(url, "postgres")) {
            Database onA = a.center.services().db();
            Database onB = b.center.services().db();

            Sweep first = Sweep.start(onA);
            AtomicInteger ranOnB = new AtomicInteger();
            assertThat(onB.aloneInCluster(LOCK, ranOnB::incrementAndGet)).as("B while A sweeps").isFalse();
            assertThat(onA.aloneInCluster(LOCK, ranOnB::incrementAndGet)).as("A's next try while A sweeps").isFalse();
            assertThat(ranOnB).hasValue(0);
            first.finish();
            assertThat(first.done.get(10, TimeUnit.SECONDS)).isTrue();
            awaitSweep(onB, ranOnB, 1);

            // A dies in the middle of a sweep: PostgreSQL ends its connection, and with it the transaction's lock
            Sweep dying = Sweep.start(onA);
            assertThat(onB.aloneInCluster(LOCK, ranOnB::incrementAndGet)).isFalse();
            DSLContext admin = onB.dsl();
            Integer pid = admin.select(DSL.field("pid", Integer.class)).from(DSL.table("pg_locks"))
                    .where(DSL.field("locktype", String.class).eq("advisory"), DSL.field("granted", Boolean.class).isTrue(),
                            DSL.field("classid", Long.class).eq(LOCK >>> 32),
                            DSL.field("objid", Long.class).eq(LOCK & 0xFFFF_FFFFL))
                    .fetchOne(0, Integer.class);
            assertThat(pid).as("the sweeping connection of A").isNotNull();
            admin.select(DSL.field("pg_terminate_backend({0})", Boolean.class, DSL.val(pid))).fetch();
            awaitSweep(onB, ranOnB, 2);
            dying.finish();
            assertThat(dying.done).as("A's sweep ends with its connection").failsWithin(10, TimeUnit.SECONDS);
        }
    }

    /** A sweep on {@code db} that has taken the lock and waits inside it until {@link #finish()}. */
    private record Sweep(CountDownLatch release, CompletableFuture<Boolean> done) {
        static Sweep start(Database db) throws InterruptedException {
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Boolean> done = new CompletableFuture<>();
            Thread.ofPlatform().daemon().name("sweep").start(() -> {
                try {
                    // the instance's own sweeper may hold the lock a moment: try until this sweep has it
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    boolean ran = false;
                    while (!ran && System.nanoTime() < deadline) {
                        ran = db.aloneInCluster(LOCK, () -> {
                            inside.countDown();
                            try {
                                release.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
                    }
                    done.complete(ran);
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
            assertThat(inside.await(10, TimeUnit.SECONDS)).as("the sweep took the lock").isTrue();
            return new Sweep(release, done);
        }

        void finish() {
            release.countDown();
        }
    }

    /** Within 10 s {@code db} sweeps ({@code ran} reaches {@code expected}); an instance's own sweeper may be in the way a moment. */
    private static void awaitSweep(Database db, AtomicInteger ran, int expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ran.get() < expected && System.nanoTime() < deadline) {
            db.aloneInCluster(LOCK, ran::incrementAndGet);
        }
        assertThat(ran).hasValue(expected);
    }
}
