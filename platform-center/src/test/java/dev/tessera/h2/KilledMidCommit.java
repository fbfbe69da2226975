package dev.tessera.h2;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.db.Store;
import org.h2.mvstore.tx.TransactionStore;

/**
 * A child JVM for {@link H2LeftoverCommitsTest}: commits a held seat, then sells it and a second one in one transaction
 * and dies the way a SIGKILL between H2's two commit steps leaves the file. The first step (the transaction's commit
 * marker in its undo log, H2's package-private {@code markUndoLogAsCommitted}, as {@code TransactionStore.commit}
 * writes it) reaches the file in a chunk; the second (its rows rewritten as committed) never runs.
 *
 * <p>usage: {@code KilledMidCommit <jdbc url>}; ends with exit code 9.
 */
public final class KilledMidCommit {
    private KilledMidCommit() {}

    public static void main(String[] args) throws Exception {
        Connection c = DriverManager.getConnection(args[0], "tessera", "");
        try (Statement s = c.createStatement()) {
            s.execute("create schema probe");
            s.execute("create table probe.seat(id int primary key, status varchar(10) not null)");
            s.execute("insert into probe.seat values (1, 'HELD')");
            c.setAutoCommit(false);
            s.executeUpdate("update probe.seat set status = 'SOLD' where id = 1");
            s.executeUpdate("insert into probe.seat values (2, 'SOLD')");
        }
        SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
        int transaction = session.getTransaction().getId();
        Store store = session.getDatabase().getStore();
        Method mark = TransactionStore.class.getDeclaredMethod("markUndoLogAsCommitted", int.class, long.class);
        mark.setAccessible(true);
        mark.invoke(store.getTransactionStore(), transaction, 1L);
        store.getMvStore().commit();
        Runtime.getRuntime().halt(9);
    }
}
