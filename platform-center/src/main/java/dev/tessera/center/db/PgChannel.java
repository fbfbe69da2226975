package dev.tessera.center.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A PostgreSQL notification channel (LISTEN/NOTIFY): how the center's instances tell each other of what they changed.
 * A notification sent inside or after a transaction reaches every connection listening at that moment; one that
 * nobody hears is gone, so a listener that lost its connection catches up from the tables themselves.
 */
public final class PgChannel {
    /** PostgreSQL refuses payloads of 8,000 bytes or more; the cluster splits its messages below this. */
    public static final int MAX_PAYLOAD_BYTES = 7_900;
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private PgChannel() {}

    /** Sends {@code payload} to every instance listening on {@code channel} (this one included). */
    public static void send(Database db, String channel, String payload) {
        db.dsl().resultQuery("SELECT 1 FROM pg_notify(?, ?)", checked(channel), payload).fetch();
    }

    /**
     * Opens a connection of its own (outside the pool) that listens on {@code channel} and holds this instance's
     * advisory lock ({@link Database#instanceKey()}).
     *
     * @throws DataAccessException when the database cannot be reached
     */
    public static Listener listen(Database db, String channel) {
        if (db.dialect() != SQLDialect.POSTGRES) {
            throw new IllegalStateException("notifications need PostgreSQL, not " + db.dialect());
        }
        Connection connection;
        try {
            connection = db.dedicatedConnection();
        } catch (SQLException e) {
            throw new DataAccessException("cannot open the notification connection: " + e.getMessage(), e);
        }
        Listener listener = new Listener(connection);
        try {
            listener.dsl.execute("LISTEN " + checked(channel));
            // held as long as this connection lives: the other instances see this one running (Database.instanceRuns)
            listener.dsl.resultQuery("SELECT pg_advisory_lock(?)", db.instanceKey()).fetch();
        } catch (DataAccessException e) {
            listener.close();
            throw e;
        }
        return listener;
    }

    private static String checked(String channel) {
        if (!NAME.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        return channel;
    }

    /** One listening connection; used by one thread. */
    public static final class Listener implements AutoCloseable {
        private final Connection connection;
        private final DSLContext dsl;

        private Listener(Connection connection) {
            this.connection = connection;
            this.dsl = DSL.using(connection, SQLDialect.POSTGRES, Database.settings());
        }

        /**
         * The payloads that arrived, waiting up to {@code timeoutMillis} for the first.
         *
         * @throws DataAccessException when the connection is lost
         */
        public List<String> poll(int timeoutMillis) {
            try {
                PGNotification[] arrived = connection.unwrap(PGConnection.class).getNotifications(timeoutMillis);
                List<String> payloads = new ArrayList<>();
                if (arrived != null) {
                    for (PGNotification n : arrived) {
                        payloads.add(n.getParameter());
                    }
                }
                return payloads;
            } catch (SQLException e) {
                throw new DataAccessException("the notification connection failed: " + e.getMessage(), e);
            }
        }

        /**
         * How many other center instances of this database have a notification connection open now (known by its
         * application name, {@link Database#NOTIFICATIONS_APPLICATION}); a round trip, so a connection that died without a
         * word fails here.
         */
        public int otherInstances() {
            return dsl.resultQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND starts_with(application_name, ?) AND pid <> pg_backend_pid()",
                    Database.NOTIFICATIONS_APPLICATION).fetchOne(0, Integer.class);
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                // a broken connection closes with an error; it is gone either way
            }
        }
    }
}
