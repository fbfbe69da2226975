package dev.tessera.center;

import dev.tessera.center.db.Database;
import dev.tessera.center.http.CenterApi;
import io.javalin.Javalin;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
            ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "hold-lapse-sweeper");
                t.setDaemon(true);
                return t;
            });
            long period = config.lapseSweepInterval().toMillis();
            sweeper.scheduleWithFixedDelay(() -> sweep(services), period, period, TimeUnit.MILLISECONDS);
            sweeper.scheduleWithFixedDelay(services.feed()::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
                    TimeUnit.SECONDS);
            LOG.info("platform center listening on {}:{} ({})", config.host(), server.port(), db.dialect());
            return new PlatformCenter(db, services, server, sweeper);
        } catch (RuntimeException e) {
            db.close();
            throw e;
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
