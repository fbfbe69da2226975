package dev.tessera.center;

import dev.tessera.center.db.Database;
import dev.tessera.center.http.CenterApi;
import io.javalin.Javalin;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

    private final Database db;
    private final Services services;
    private final Javalin server;
    private final ScheduledExecutorService sweeper;

    private PlatformCenter(Database db, Services services, Javalin server, ScheduledExecutorService sweeper) {
        this.db = db;
        this.services = services;
        this.server = server;
        this.sweeper = sweeper;
    }

    public static PlatformCenter start(CenterConfig config) {
        Database db = Database.open(config.jdbcUrl(), config.dbUser(), config.dbPassword(), config.poolSize());
        try {
            Services services = Services.wire(db, config);
            CenterApi api = new CenterApi(services);
            Javalin server = Javalin.create(cfg -> {
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
            LOG.info("platform center listening on {}:{} ({})", config.host(), server.port(), db.dialect());
            return new PlatformCenter(db, services, server, sweeper);
        } catch (RuntimeException e) {
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

    private static void sweep(Services services) {
        try {
            int lapsed = services.holds().lapseExpired();
            if (lapsed > 0) {
                LOG.info("{} holds lapsed", lapsed);
            }
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

    @Override
    public void close() {
        sweeper.shutdownNow();
        services.feed().closeAll();
        server.stop();
        db.close();
    }
}
