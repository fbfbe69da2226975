package dev.tessera.center.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
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
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int MAX_ATTEMPTS = 8;

    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final SQLDialect dialect;

    private Database(HikariDataSource dataSource, SQLDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        // Unquoted names: H2 folds them to upper case, PostgreSQL to lower case, both match the DDL.
        Settings settings = new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withExecuteLogging(false);
        this.dsl = DSL.using(dataSource, dialect, settings);
    }

    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        SQLDialect dialect = dialectOf(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("tessera-center");
        config.setAutoCommit(true);
        if (dialect == SQLDialect.POSTGRES) {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/center").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        LOG.info("center database ready ({}, pool {})", dialect, poolSize);
        return new Database(ds, dialect);
    }

    /**
     * Tells PostgreSQL's planner about the seat rows an event registration just added. Until it knows the new event id
     * it estimates one row for it and plans every seat statement of that event over {@code seat_state_revision_ix},
     * scanning the whole event (100,000 rows a stadium) where the primary key finds two; autoanalyze waits for 10 % of
     * the table to change, which a center holding a dozen large events does not reach during an on-sale.
     */
    public void refreshSeatStatistics() {
        if (dialect == SQLDialect.POSTGRES) {
            long started = System.nanoTime();
            dsl.execute("ANALYZE seat_state (event_id, status)");
            LOG.debug("seat statistics refreshed in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    static SQLDialect dialectOf(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return SQLDialect.H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return SQLDialect.POSTGRES;
        }
        throw new IllegalArgumentException("unsupported database URL (use jdbc:h2:… or jdbc:postgresql:…): "
                + jdbcUrl.replaceAll("password=[^&;]*", "password=***"));
    }

    public DSLContext dsl() {
        return dsl;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
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

    public void txRun(java.util.function.Consumer<DSLContext> work) {
        tx(ctx -> {
            work.accept(ctx);
            return null;
        });
    }

    private static boolean isTransient(DataAccessException e) {
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

    @Override
    public void close() {
        dataSource.close();
    }
}
