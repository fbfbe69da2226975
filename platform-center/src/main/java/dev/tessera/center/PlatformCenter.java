package dev.tessera.center;

import dev.tessera.center.cluster.ClusterNotifications;
import dev.tessera.center.db.Database;
import dev.tessera.center.http.CenterApi;
import io.javalin.Javalin;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The electronic ticket platform center, separate from the organizer (claim 29): a running HTTP
 * service over the master database. Standalone through {@link CenterMain}, or in-process in the
 * desktop app.
 */
public final class PlatformCenter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformCenter.class);
    /** How often live streams get a comment; terminals treat a longer silence as a dead connection. */
    public static final long HEARTBEAT_SECONDS = 15;
    /** Longer than the 30 s a JDK HTTP client keeps an idle connection (jdk.httpclient.keepalive.timeout). */
    private static final long IDLE_CONNECTION_MILLIS = 120_000;
    /** A sweep lapses at most 500 holds, each in a short transaction. */
    private static final long SWEEPER_STOP_SECONDS = 10;
    /** A demo load takes a second or two; a close waits this long for start-up work before closing anyway. */
    private static final long START_UP_WORK_STOP_SECONDS = 60;
    /** The advisory lock (PostgreSQL) that lets one instance of a cluster sweep at a time. */
    public static final long SWEEPER_LOCK = 0x7465_7373_6572_6131L;
    /** The advisory lock of the statistics refresh: one instance of a cluster analyzes at a time. */
    static final long STATISTICS_LOCK = 0x7465_7373_6572_6132L;
    /** How often the sales tables' growth is checked against their statistics (PostgreSQL). */
    static final long STATISTICS_SECONDS = 2;

    private final Database db;
    private final Services services;
    private final Javalin server;
    private final ScheduledExecutorService sweeper;
    private final ClusterNotifications cluster;
    private final AtomicBoolean closed = new AtomicBoolean();
    // Held while start-up work (first organizer, demo data) runs on its own thread: a close waits for it.
    private final ReentrantLock startUpWork = new ReentrantLock();
    // The database is closed by the center, in order, also when the JVM exits (H2's own exit hook is off: Database).
    private final Thread closeAtExit = new Thread(this::close, "center-close-at-exit");

    private PlatformCenter(Database db, Services services, Javalin server, ScheduledExecutorService sweeper,
                           ClusterNotifications cluster) {
        this.db = db;
        this.services = services;
        this.server = server;
        this.sweeper = sweeper;
        this.cluster = cluster;
        Runtime.getRuntime().addShutdownHook(closeAtExit);
    }

    public static PlatformCenter start(CenterConfig config) {
        Database db = Database.open(config.jdbcUrl(), config.dbUser(), config.dbPassword(), config.poolSize());
        Javalin server = null;
        ClusterNotifications cluster = null;
        try {
            Services services = Services.wire(db, config);
            // several instances may share a PostgreSQL database: they hear each other's changes (docs/operations.md)
            if (db.dialect() == org.jooq.SQLDialect.POSTGRES) {
                cluster = ClusterNotifications.start(db, services.feed(), services.availability(), services.accounts(),
                        services.events());
            }
            CenterApi api = new CenterApi(services);
            server = Javalin.create(cfg -> {
                api.configure(cfg);
                cfg.jetty.host = config.host();
                cfg.jetty.port = config.port();
            }).start();
            keepIdleConnectionsLongerThanClients(server);
            ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "hold-lapse-sweeper");
                t.setDaemon(true);
                return t;
            });
            long period = config.lapseSweepInterval().toMillis();
            if (period > 0) {
                sweeper.scheduleWithFixedDelay(() -> sweep(services), period, period, TimeUnit.MILLISECONDS);
            }
            sweeper.scheduleWithFixedDelay(services.feed()::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
                    TimeUnit.SECONDS);
            if (db.dialect() == org.jooq.SQLDialect.POSTGRES) {
                sweeper.scheduleWithFixedDelay(() -> refreshStatistics(db), STATISTICS_SECONDS, STATISTICS_SECONDS,
                        TimeUnit.SECONDS);
            }
            LOG.info("platform center listening on {}:{} ({})", config.host(), server.port(), db.dialect());
            return new PlatformCenter(db, services, server, sweeper, cluster);
        } catch (RuntimeException e) {
            // a half-started center stops what it started: a server left listening would keep the JVM up for nothing
            if (server != null) {
                server.stop();
            }
            if (cluster != null) {
                cluster.close();
            }
            db.close();
            throw e;
        }
    }

    /**
     * Jetty closes a connection idle for 30 s, and Java's HTTP client (every terminal's) reuses a pooled
     * connection for 30 s too: a request sent on a connection the server is closing that very moment fails
     * with "header parser received no bytes", and a POST is not retried. With the server waiting longer than
     * any client keeps a connection, the client always gives up its side first.
     */
    private static void keepIdleConnectionsLongerThanClients(Javalin server) {
        for (Connector connector : server.jettyServer().server().getConnectors()) {
            if (connector instanceof AbstractConnector c) {
                c.setIdleTimeout(IDLE_CONNECTION_MILLIS);
            }
        }
    }

    /** Keeps the planner's statistics of the sales tables up with their growth (Database#refreshGrownStatistics). */
    private static void refreshStatistics(Database db) {
        try {
            db.aloneInCluster(STATISTICS_LOCK, () -> db.refreshGrownStatistics(Database.STATISTICS_MIN_CHANGES));
        } catch (RuntimeException e) {
            LOG.warn("statistics refresh failed: {}", e.toString());
        }
    }

    private static void sweep(Services services) {
        try {
            // one instance of a cluster sweeps at a time; a sweeper that dies frees the lock with its connection
            services.db().aloneInCluster(SWEEPER_LOCK, () -> {
                int lapsed = services.holds().lapseExpired();
                if (lapsed > 0) {
                    LOG.info("{} holds lapsed", lapsed);
                }
                services.idempotency().purgeExpired();
            });
        } catch (RuntimeException e) {
            // The next sweep tries again; a sweeper that dies would leave seats held forever.
            LOG.warn("hold lapse sweep failed: {}", e.toString());
        }
    }

    /**
     * Lapses every hold whose time is up by the center's clock, now, on the caller's thread (claim 32). The sweeper
     * does this every {@link CenterConfig#lapseSweepInterval()}; a center started with no sweeper relies on this call.
     *
     * @return how many holds lapsed
     */
    public int lapseExpiredHolds() {
        int total = 0;
        int lapsed;
        do {
            lapsed = services.holds().lapseExpired();
            total += lapsed;
        } while (lapsed > 0);
        return total;
    }

    public int port() {
        return server.port();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public Services services() {
        return services;
    }

    /** True on H2 (one instance), and on PostgreSQL while this instance hears the other instances' notifications. */
    public boolean hearsTheCluster() {
        return cluster == null || cluster.listening();
    }

    /** True on PostgreSQL while another instance listens: this one sends it its seat changes (none on H2). */
    public boolean seesOtherInstances() {
        return cluster != null && cluster.othersListen();
    }

    /**
     * Runs start-up work (the first organizer, the demo data) on the calling thread, so that a close meanwhile (a
     * stop: the JVM's exit hook) waits for it to end before closing the database. Closing the pool under a running
     * statement closes its H2 session from another thread, and H2 then leaves its file as a kill would. Work that
     * has not begun when the center is closing does not begin.
     *
     * @throws CenterClosedException when the center is closing or closed
     */
    public <T> T duringStartUp(Supplier<T> work) {
        startUpWork.lock();
        try {
            if (closed.get()) {
                throw new CenterClosedException();
            }
            return work.get();
        } finally {
            startUpWork.unlock();
        }
    }

    /** Start-up work was asked of a center that is closing or closed (a stop came first). */
    public static final class CenterClosedException extends IllegalStateException {
        CenterClosedException() {
            super("the center was stopped before the start-up finished");
        }
    }

    /**
     * Waits for start-up work under way ({@link #duringStartUp}), then stops the sweeper (and waits for it), the live
     * streams and the server, then closes the database; idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        forgetCloseAtExit();
        awaitStartUpWork();
        stopSweeper();
        services.feed().closeAll();
        server.stop();
        if (cluster != null) {
            cluster.close();
        }
        db.close();
    }

    private void awaitStartUpWork() {
        try {
            if (startUpWork.tryLock(START_UP_WORK_STOP_SECONDS, TimeUnit.SECONDS)) {
                startUpWork.unlock();
            } else {
                LOG.warn("the start-up work did not end within {} s; closing the database anyway",
                        START_UP_WORK_STOP_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void forgetCloseAtExit() {
        try {
            Runtime.getRuntime().removeShutdownHook(closeAtExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting and this close() is, or races, the exit hook itself: nothing to remove
        }
    }

    /**
     * A sweep under way finishes before the database closes, so nothing writes after close(). No interrupt first:
     * an interrupt inside H2's file I/O closes its FileChannel and with it the database.
     */
    private void stopSweeper() {
        sweeper.shutdown();
        try {
            if (!sweeper.awaitTermination(SWEEPER_STOP_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("the hold lapse sweeper did not stop within {} s; interrupting it", SWEEPER_STOP_SECONDS);
                sweeper.shutdownNow();
                if (!sweeper.awaitTermination(SWEEPER_STOP_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("the hold lapse sweeper is still running; closing the database anyway");
                }
            }
        } catch (InterruptedException e) {
            sweeper.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
