package dev.tessera.center.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The center's H2 connections, lent to one thread at a time (ADR 0003, "One writer at a time"): a connection is lent
 * in turn: a thread waits while another holds one, until that thread has returned all of its own. A thread may take
 * further connections while it holds one, so nested work does not wait for itself.
 *
 * <p>Why: H2 2.5.252 stores a chunk while other sessions keep writing, capturing the undo logs and the data maps of
 * one chunk at different moments, and lets other sessions build on a committing transaction before its commit marker
 * is written. A SIGKILL in that window then undoes a transaction whose commit had returned, or keeps part of one.
 * With one session at a time every chunk is stored by the session that wrote it, between its statements, and no
 * session reads another's uncommitted work: 100 kill rounds kept every acknowledged commit whole, against 6 rounds in
 * 97 that broke one with concurrent writers (the reproductions of ADR 0003).
 */
final class OneSessionAtATime implements DataSource {
    private final DataSource pool;
    private final Turn turn = new Turn();

    OneSessionAtATime(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return lent(pool::getConnection);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return lent(() -> pool.getConnection(user, password));
    }

    /** True while the calling thread holds connections lent by this source (the database's turn is its own). */
    boolean heldByCurrentThread() {
        return turn.heldBy(Thread.currentThread());
    }

    private interface Checkout {
        Connection get() throws SQLException;
    }

    private Connection lent(Checkout checkout) throws SQLException {
        turn.take();
        Connection connection;
        try {
            connection = checkout.get();
        } catch (SQLException | RuntimeException | Error e) {
            turn.give();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new ReturnedOnce(connection, turn));
    }

    /** Whose turn it is: one thread at a time, as often as it likes (reentrant); given back from any thread. */
    private static final class Turn {
        private Thread owner;
        private int holds;

        synchronized boolean heldBy(Thread thread) {
            return owner == thread;
        }

        synchronized void take() throws SQLException {
            Thread me = Thread.currentThread();
            while (owner != null && owner != me) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while waiting for the center database", "HYT00", e);
                }
            }
            owner = me;
            holds++;
        }

        synchronized void give() {
            if (--holds == 0) {
                owner = null;
                notifyAll();
            }
        }
    }

    /** Closes the connection (back to the pool) and gives the turn back, once. */
    private static final class ReturnedOnce implements InvocationHandler {
        private final Connection connection;
        private final Turn turn;
        private final AtomicBoolean returned = new AtomicBoolean();

        ReturnedOnce(Connection connection, Turn turn) {
            this.connection = connection;
            this.turn = turn;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                if (returned.compareAndSet(false, true)) {
                    try {
                        connection.close();
                    } finally {
                        turn.give();
                    }
                }
                return null;
            }
            if (method.getName().equals("isClosed") && method.getParameterCount() == 0 && returned.get()) {
                return true;
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "one-session-at-a-time(" + connection + ")";
                };
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
