package dev.tessera.center.idempotency;

import org.jooq.DSLContext;

/**
 * The answer to an idempotent request, kept in the same transaction as the work it answers, so that no commit of the
 * work exists without its answer (docs/operations.md "Idempotency keys"): a center killed after the commit leaves the
 * retry the first answer, not a second run of the work. The HTTP side binds one to the request whose key it claimed
 * ({@link #serve}); a service calls {@link #keep} in its transaction with the object the route answers with. Where no
 * service keeps it, the answer is kept after the work as before.
 */
public final class AnswerInTransaction {
    private static final ScopedValue<AnswerInTransaction> CURRENT = ScopedValue.newInstance();

    /** Writes the route's answer object as the JSON body the client receives. */
    @FunctionalInterface
    public interface Writer {
        String write(Object answer) throws Exception;
    }

    /** The work of one request. */
    @FunctionalInterface
    public interface Work<R> {
        R run() throws Exception;
    }

    private final IdempotencyStore store;
    private final long accountId;
    private final String key;
    private final int status;
    private final Writer writer;
    private Object kept;
    private String keptBody;

    AnswerInTransaction(IdempotencyStore store, long accountId, String key, int status, Writer writer) {
        this.store = store;
        this.accountId = accountId;
        this.key = key;
        this.status = status;
        this.writer = writer;
    }

    /** Runs {@code work} with this request's answer to be kept by the service that does the work. */
    public <R> R serve(Work<R> work) throws Exception {
        return ScopedValue.where(CURRENT, this).call(work::run);
    }

    /**
     * Keeps {@code answer} as the answer to the idempotent request this thread serves, in the transaction of
     * {@code ctx}; does nothing outside such a request. Call it last in the transaction, with the very object the
     * route answers with: the JSON kept is the JSON sent.
     *
     * @return {@code answer}
     */
    public static <T> T keep(DSLContext ctx, T answer) {
        if (CURRENT.isBound()) {
            CURRENT.get().keepIn(ctx, answer);
        }
        return answer;
    }

    /**
     * {@link #keep(DSLContext, Object)} as the last step of {@code pipeline}, which the caller then runs in its
     * transaction: the answer is written with the work's other rows, in the same round trip.
     */
    public static <T> T keep(dev.tessera.center.db.Pipeline pipeline, T answer) {
        if (CURRENT.isBound()) {
            AnswerInTransaction current = CURRENT.get();
            String body = current.body(answer);
            current.store.complete(pipeline, current.accountId, current.key, current.status, "application/json",
                    body);
            current.kept = answer;
            current.keptBody = body;
        }
        return answer;
    }

    private String body(Object answer) {
        try {
            return writer.write(answer);
        } catch (Exception e) {
            throw new IllegalStateException("the answer could not be written as JSON", e);
        }
    }

    private void keepIn(DSLContext ctx, Object answer) {
        String body = body(answer);
        store.complete(ctx, accountId, key, status, "application/json", body);
        // a transaction run again after a transient conflict keeps its own answer: the last one is the committed one
        kept = answer;
        keptBody = body;
    }

    /** The body kept in the work's transaction for {@code answer}, or null when the work kept none for it. */
    public String keptBodyOf(Object answer) {
        return kept != null && kept == answer ? keptBody : null;
    }

    /** Whether a transaction kept an answer (then committed or not). */
    public boolean keptAny() {
        return kept != null;
    }

    public int status() {
        return status;
    }

    public Writer writer() {
        return writer;
    }
}
