package dev.tessera.center.http;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.eclipse.jetty.io.EofException;

/**
 * Failures that are nobody's bug: the database restarting or out of reach (the client may try again:
 * 503), and a client that hung up in the middle of its own request (nobody is left to answer).
 */
final class Outages {
    static final String RETRY_AFTER_SECONDS = "2";

    private Outages() {}

    /**
     * SQL state class 08 (connection exception), 57P01-03 (PostgreSQL shutting down or starting), the pool timing
     * out, or a connection the database has closed (H2's 90098, 90121 and 90135 carry H2's own SQL states).
     */
    static boolean databaseAway(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    static ApiException databaseUnavailable() {
        return new ApiException(503, "database-unavailable", "Database unavailable",
                "the center's database is unavailable for a moment; try again");
    }

    /** The request's body ended early because the client went away (a cut network, a killed terminal). */
    static boolean clientHungUp(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EofException) {
                return true;
            }
        }
        return false;
    }
}
