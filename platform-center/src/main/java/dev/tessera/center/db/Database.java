package dev.tessera.center.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.tessera.h2.H2HeaderRepair;
import dev.tessera.h2.H2LeftoverCommits;
import dev.tessera.migrations.Migrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The center's master database: one connection pool, Flyway migrations, and jOOQ on H2 or
 * PostgreSQL with the same code. Transactions retry on serialization failures and deadlocks.
 *
 * <p>An H2 database is closed by the center ({@link #close()}, after its threads have stopped), never by H2's own
 * JVM-exit hook: that hook closes every session under a center still running, so a stop during the first start's
 * demo loading killed the start-up with H2 error 90135 ("open in exclusive mode"), see docs/operations.md.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int MAX_ATTEMPTS = 8;
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");
    /** How long the health check lets a connection take to answer {@link Connection#isValid(int)}. */
    private static final int VALIDATION_SECONDS = 2;
    /** The application name of an instance's notification connection, followed by its {@link #instanceKey()}. */
    public static final String NOTIFICATIONS_APPLICATION = "tessera-notifications-";

    private final HikariDataSource dataSource;
    /** What the center's work borrows connections from: on H2, one session at a time. */
    private final DataSource lent;
    private final DSLContext dsl;
    private final SQLDialect dialect;
    // The health check's own thread: a check waiting for a connection must not hold up an HTTP thread.
    private final ExecutorService healthCheck = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "database-health-check");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<Boolean> checkInFlight;
    private final String url;
    private final String user;
    private final String password;
    /**
     * This running center among the instances sharing the database: on PostgreSQL the key of a session-level advisory
     * lock the instance holds on its notification connection ({@link PgChannel#listen}) for as long as it lives.
     */
    private final long instanceKey = new java.security.SecureRandom().nextLong(1, Long.MAX_VALUE);

    private Database(HikariDataSource dataSource, SQLDialect dialect, String url, String user, String password) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        // ADR 0003, "One session at a time": an H2 file stays whole under a kill only when one session uses it at a time
        this.lent = dialect == SQLDialect.H2 ? new OneSessionAtATime(dataSource) : dataSource;
        this.dsl = DSL.using(lent, dialect, settings());
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * A connection of its own, outside the pool, for work that holds one for long (PostgreSQL's LISTEN: the cluster's
     * notifications). The caller closes it.
     */
    Connection dedicatedConnection() throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        // an operator (and a test) finds each instance's notification connection in pg_stat_activity by this name
        properties.setProperty("ApplicationName", NOTIFICATIONS_APPLICATION + instanceKey);
        return DriverManager.getConnection(url, properties);
    }

    /** jOOQ's settings for the center's schema (the migrations written in Java use them too). */
    static Settings settings() {
        // Unquoted names: H2 folds them to upper case, PostgreSQL to lower case, both match the DDL.
        return new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER).withExecuteLogging(false);
    }

    /**
     * Opens the pool and migrates the schema.
     *
     * @throws DatabaseStartException when the database cannot be reached, refuses the user, or cannot be migrated
     */
    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        SQLDialect dialect = dialectOf(jdbcUrl);
        String url = dialect == SQLDialect.H2 ? closedByTheCenter(jdbcUrl) : jdbcUrl;
        // One plain connection first: a database that is away fails here with its own reason, before the pool would
        // log a stack trace; it stays open until the pool is up, so an H2 file is opened once.
        String shown = withoutPassword(jdbcUrl);
        if (dialect == SQLDialect.H2) {
            startFromTheNewestChunk(url);
        }
        Connection probe = connect(url, user, password, shown);
        try {
            if (dialect == SQLDialect.H2) {
                applyLeftoverCommits(probe, shown);
            }
            HikariDataSource ds = pool(url, user, password, poolSize, dialect, shown);
            try {
                Migrations.migrate(ds, "db/center", new StandingInventoryOfEarlierEvents(dialect),
                        new SalesWithoutEventRowLocks(dialect), new LeanTicketIndexes(dialect),
                        new SalesWithoutForeignKeyChecks(dialect), new SeatRowsWithRoom(dialect));
            } catch (FlywayException | DataAccessException e) {
                ds.close();
                throw new DatabaseStartException("cannot migrate the center database " + shown + ": " + reasonOf(e), e);
            }
            LOG.info("center database ready ({}, pool {})", dialect, poolSize);
            return new Database(ds, dialect, url, user, password);
        } finally {
            closeProbe(probe);
        }
    }

    /** ADR 0003: a sale committed just before a kill is applied, where H2 2.5.252 would leave it unapplied. */
    private static void applyLeftoverCommits(Connection first, String shown) {
        try {
            H2LeftoverCommits.finish(first, "the H2 file " + H2HeaderRepair.fileOf(shown).map(Object::toString)
                    .orElse(shown));
        } catch (SQLException | IllegalStateException e) {
            // the caller closes the connection
            throw new DatabaseStartException("cannot open the center database " + shown + ": " + reasonOf(e), e);
        }
    }

    /** ADR 0003: an H2 file left by a kill opens at the chunk written last, with every commit H2 had returned. */
    private static void startFromTheNewestChunk(String h2Url) {
        H2HeaderRepair.fileOf(h2Url).ifPresent(file -> H2HeaderRepair.beforeOpening(file, "the H2 file"));
    }

    private static void closeProbe(Connection probe) {
        try {
            probe.close();
        } catch (SQLException e) {
            // the pool has connections of its own; a probe that fails to close costs one server session at most
            LOG.warn("could not close the first connection: {}", reasonOf(e));
        }
    }

    private static Connection connect(String url, String user, String password, String shown) {
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            throw new DatabaseStartException("cannot open the center database " + shown + ": " + reasonOf(e), e);
        }
    }

    private static HikariDataSource pool(String url, String user, String password, int poolSize, SQLDialect dialect,
                                         String shown) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("tessera-center");
        config.setAutoCommit(true);
        config.setExceptionOverride(new ClosedConnectionEviction());
        if (dialect == SQLDialect.POSTGRES) {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new DatabaseStartException("cannot open the center database " + shown + ": " + reasonOf(e), e);
        }
    }

    /** The URL with H2's close-at-JVM-exit turned off, unless the URL itself says otherwise (see the class comment). */
    static String closedByTheCenter(String h2Url) {
        return h2Url.toUpperCase(Locale.ROOT).contains("DB_CLOSE_ON_EXIT") ? h2Url
                : h2Url + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The URL as it may be shown and logged: a password in it is masked. */
    public static String withoutPassword(String jdbcUrl) {
        return PASSWORD_IN_URL.matcher(jdbcUrl).replaceAll("$1***");
    }

    /** The first line of the first SQL exception's message (else the innermost message), without H2's error code. */
    public static String reasonOf(Throwable failure) {
        String reason = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                reason = t.getMessage();
                if (t instanceof SQLException) {
                    break;
                }
            }
        }
        if (reason == null) {
            return failure.getClass().getSimpleName();
        }
        String line = reason.strip().lines().findFirst().orElse("").strip();
        return line.replaceFirst("\\s*\\[\\d+-\\d+]$", "");
    }

    /**
     * Tells PostgreSQL's planner about the seat rows an event registration just added. Until it knows the new event id
     * it estimates one row for it and plans every seat statement of that event over an index led by the event id,
     * scanning the whole event (100,000 rows a stadium) where the primary key finds two; autoanalyze waits for 10 % of
     * the table to change, which a center holding a dozen large events does not reach during an on-sale.
     *
     * <p>The whole table is analyzed, not only the columns the plans need: PostgreSQL resets the count of rows changed
     * since the last analysis only after an ANALYZE of every column, and with the count left as it was (100,000 more
     * a registration) autoanalyze came anyway, in the first seconds of selling the new event (issue 13). The registration
     * calls {@link #countChangesAtCommit} in its transaction, so that its rows are in that count before this resets it.
     */
    public void refreshSeatStatistics() {
        if (dialect == SQLDialect.POSTGRES) {
            long started = System.nanoTime();
            dsl.execute("ANALYZE seat_state");
            LOG.debug("seat statistics refreshed in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * Has PostgreSQL count the rows {@code tx} changed as soon as it commits, before the commit's answer reaches the
     * center ({@code pg_stat_force_next_flush}, PostgreSQL 15 and later; earlier versions count them within a second or
     * so as always): an ANALYZE right after the commit then resets a count that holds them.
     */
    public void countChangesAtCommit(DSLContext tx) {
        if (dialect == SQLDialect.POSTGRES) {
            tx.execute("DO $$ BEGIN IF current_setting('server_version_num')::int >= 150000 THEN "
                    + "PERFORM pg_stat_force_next_flush(); END IF; END $$");
        }
    }

    /** The tables a sale writes: the ones whose foreign-key checks and lookups PostgreSQL plans from statistics. */
    private static final List<String> SALES_TABLES = List.of("seat_hold", "seat_hold_seat", "seat_hold_area",
            "issuing_info", "sale", "sold_seat", "ticket", "idempotency_key", "seat_change");
    /** A sales table is analyzed again once this many rows (or more than it held) changed since its last analysis. */
    public static final int STATISTICS_MIN_CHANGES = 500;

    /**
     * Analyzes the sales tables that grew past their statistics (on PostgreSQL; nothing on H2). On a new database the
     * first sales' foreign-key checks are planned while {@code sale}, {@code seat_hold} or {@code issuing_info} hold a
     * handful of rows, as sequential scans, and each connection keeps that plan until the table is analyzed again;
     * autoanalyze comes up to a minute later, while every check scans a table growing by hundreds of sales a second
     * (issue 13: hold + confirm fell to a third of its rate on a fresh database). The center calls this every few
     * seconds; an analysis replans every connection's statements on that table.
     *
     * @param minimumChanges changed rows since the last analysis that make a table worth analyzing again, at least
     * @return the tables analyzed
     */
    public List<String> refreshGrownStatistics(int minimumChanges) {
        if (dialect != SQLDialect.POSTGRES) {
            return List.of();
        }
        List<String> grown = dsl.fetch("SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid"
                + " WHERE s.schemaname = current_schema() AND s.relname = ANY (?)"
                + " AND s.n_mod_since_analyze > greatest(?, c.reltuples)", SALES_TABLES.toArray(String[]::new),
                minimumChanges).getValues(0, String.class);
        for (String table : grown) {
            dsl.query("ANALYZE {0}", DSL.name(table)).execute();
        }
        if (!grown.isEmpty()) {
            LOG.debug("statistics refreshed for {}", grown);
        }
        return grown;
    }

    static SQLDialect dialectOf(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return SQLDialect.H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return SQLDialect.POSTGRES;
        }
        throw new IllegalArgumentException("unsupported database URL (use jdbc:h2:… or jdbc:postgresql:…): "
                + withoutPassword(jdbcUrl));
    }

    public DSLContext dsl() {
        return dsl;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return lent;
    }

    /** Runs {@code work} in one transaction, retrying it when the database reports a transient conflict. */
    public <T> T tx(Function<DSLContext, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return dsl.transactionResult(configuration -> work.apply(configuration.dsl()));
            } catch (DataAccessException e) {
                if (attempt >= MAX_ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    /**
     * True on H2 while the calling thread holds the database (ADR 0003: one session at a time; in a transaction, say):
     * such a thread must not wait for another one that needs the database. Always false on PostgreSQL.
     */
    public boolean holdsTheDatabase() {
        return lent instanceof OneSessionAtATime oneAtATime && oneAtATime.heldByCurrentThread();
    }

    /** This instance's key among the center instances sharing the database (see {@link #instanceRuns}). */
    public long instanceKey() {
        return instanceKey;
    }

    /**
     * Whether the center instance of {@code key} is running: this one is; on PostgreSQL another one is while its
     * connection holds its advisory lock (the database frees it the moment the instance's connection drops: a killed
     * instance is gone at once); on H2, which one process opens at a time, any other key is of a process that ended.
     */
    public boolean instanceRuns(long key) {
        if (key == instanceKey) {
            return true;
        }
        if (dialect != SQLDialect.POSTGRES) {
            return false;
        }
        return dsl.fetchExists(dsl.selectOne().from(DSL.table("pg_locks")).where(
                DSL.field("locktype").eq("advisory"), DSL.field("granted", Boolean.class).isTrue(),
                DSL.field("objsubid", Integer.class).eq(1),
                DSL.field("classid::bigint", Long.class).eq(key >>> 32),
                DSL.field("objid::bigint", Long.class).eq(key & 0xFFFF_FFFFL)));
    }

    /**
     * Runs {@code work} unless another instance of the center sharing this PostgreSQL database is running the work of
     * the same {@code lockKey} (a transaction-level advisory lock, freed by the database when its holder dies). On H2,
     * which one instance owns, it always runs.
     *
     * @return false when another instance holds the lock and the work was skipped
     */
    public boolean aloneInCluster(long lockKey, Runnable work) {
        if (dialect != SQLDialect.POSTGRES) {
            work.run();
            return true;
        }
        return dsl.transactionResult(configuration -> {
            Boolean got = configuration.dsl().resultQuery("SELECT pg_try_advisory_xact_lock(?)", lockKey)
                    .fetchOne(0, Boolean.class);
            if (Boolean.TRUE.equals(got)) {
                work.run();
                return true;
            }
            return false;
        });
    }

    public void txRun(java.util.function.Consumer<DSLContext> work) {
        tx(ctx -> {
            work.accept(ctx);
            return null;
        });
    }

    /**
     * Whether {@code e} is a conflict the same transaction run again may not meet: a serialization failure, a
     * deadlock, a lock timeout.
     */
    public static boolean isTransient(DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 40001 serialization failure, 40P01 deadlock (PostgreSQL), HYT00 lock timeout (H2)
                if ("40001".equals(state) || "40P01".equals(state) || "HYT00".equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep((long) (Math.random() * 5 * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }

    /**
     * True when a pooled connection answers within {@code timeout}. A check still waiting for a connection (the pool
     * waits up to 30 s) is shared by the callers that come meanwhile rather than started again.
     */
    public boolean answers(Duration timeout) {
        CompletableFuture<Boolean> check;
        synchronized (this) {
            if (checkInFlight == null || checkInFlight.isDone()) {
                checkInFlight = CompletableFuture.supplyAsync(this::validConnection, healthCheck);
            }
            check = checkInFlight;
        }
        try {
            return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            LOG.warn("the database health check failed: {}", e.getCause().toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean validConnection() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALIDATION_SECONDS)) {
                return true;
            }
            // a connection the database closed underneath goes, or the pool would lend it again
            dataSource.evictConnection(connection);
            return false;
        } catch (SQLException e) {
            LOG.warn("the database does not answer: {}", reasonOf(e));
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
        // After the pool: interrupting a check then cannot land in H2's file I/O (an interrupt closes its file).
        healthCheck.shutdownNow();
        try {
            if (!healthCheck.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("the database health check did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
