package dev.tessera.h2;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the transactions an H2 file holds as committed but not yet applied, which H2 2.5.252 itself leaves
 * unapplied for ever (ADR 0003, "Committed but never applied").
 *
 * <p>H2 commits a transaction in two steps: it writes a commit marker into the transaction's undo log, then rewrites
 * each of the transaction's entries as committed and clears the log. A kill between a chunk holding the marker and
 * the chunk finishing the second step leaves a file whose reopening re-creates the transaction in status COMMITTED,
 * for {@code TransactionStore.endLeftoverTransactions()} to finish. Since H2's commit 7fbdc03a56 (2025-12-23, in
 * 2.5.250 and 2.5.252), {@code Transaction.commit()} does nothing for a transaction that is already COMMITTED (its
 * guard asks whether the transaction was active), so the transaction stays open: its rows read as they were before it
 * (a confirmed sale disappears, and its seat can be sold again), and a statement writing one of its rows spins for ever
 * at full CPU in {@code TransactionMap.set} ({@code waitFor} returns at once for a COMMITTED transaction, so neither
 * the lock timeout nor deadlock detection is reached). H2 2.4.240 finished such a transaction.
 *
 * <p>{@link #finish} does what H2's recovery should: {@code TransactionStore.commit(t, true)} (the recovery commit)
 * and {@code endTransaction}, then stores the result. Both are package-private in H2, hence the reflection. It must
 * run on the first connection to the file, before any statement and any other session: then the only open
 * transactions in status COMMITTED are leftovers (a live commit passes through that status inside one call), and no
 * session has a query result cached from before.
 */
public final class H2LeftoverCommits {
    private static final Logger LOG = LoggerFactory.getLogger(H2LeftoverCommits.class);

    private H2LeftoverCommits() {}

    /**
     * Finishes every leftover committed transaction of the embedded H2 database {@code firstConnection} is open on,
     * logging a warning naming {@code what} when there was one; a connection to a server, or to a database with none,
     * is left alone.
     *
     * @return the transactions finished, as H2 prints them (empty when there were none)
     * @throws SQLException when the connection is not H2's
     * @throws IllegalStateException when this H2 has changed so that the repair cannot run
     */
    public static List<String> finish(Connection firstConnection, String what) throws SQLException {
        Session session = firstConnection.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local)) {
            return List.of();
        }
        Store store = local.getDatabase().getStore();
        TransactionStore transactions = store.getTransactionStore();
        List<Transaction> leftovers = transactions.getOpenTransactions().stream()
                .filter(t -> t.getStatus() == Transaction.STATUS_COMMITTED).toList();
        if (leftovers.isEmpty()) {
            return List.of();
        }
        List<String> finished = new ArrayList<>();
        try {
            Method commit = TransactionStore.class.getDeclaredMethod("commit", Transaction.class, boolean.class);
            Method end = TransactionStore.class.getDeclaredMethod("endTransaction", Transaction.class, boolean.class);
            commit.setAccessible(true);
            end.setAccessible(true);
            for (Transaction t : leftovers) {
                String before = t.toString();
                commit.invoke(transactions, t, true);
                end.invoke(transactions, t, true);
                finished.add(before);
            }
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("cannot apply the committed transactions H2 left open in " + what
                    + " (this H2 differs from 2.5.252): " + e, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("H2 failed to apply a committed transaction it left open in " + what + ": "
                    + e.getCause(), e.getCause());
        }
        MVStore file = store.getMvStore();
        file.commit();
        LOG.warn("{} held {} transaction(s) committed just before a kill that H2 left unapplied; applied now "
                + "(ADR 0003): {}", what, finished.size(), finished);
        return finished;
    }
}
