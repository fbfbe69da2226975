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

    /**
     * Issue 13: the key of a request answered with its work ({@link IdempotencyStore#answerWithTheWork}) was there
     * already (another request under it committed first, or the key is past its retention): the work's transaction is
     * rolled back, and the request is answered as a claim of the key answers ({@link IdempotencyStore#claim}).
     */
    public static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super("the Idempotency-Key was taken by another request", null, false, false);
        }
    }

    private final IdempotencyStore store;
    private final long accountId;
    private final String key;
    /** The request's operation and digest when the key is written with the answer (not claimed first); else null. */
    private final String operation;
    private final String requestHash;
    private final int status;
    private final Writer writer;
    private Object kept;
    private String keptBody;

    AnswerInTransaction(IdempotencyStore store, long accountId, String key, String operation, String requestHash,
                        int status, Writer writer) {
        this.store = store;
        this.accountId = accountId;
        this.key = key;
        this.operation = operation;
        this.requestHash = requestHash;
        this.status = status;
        this.writer = writer;
    }

    /** Whether the key was claimed before the work (else its row is written with the answer). */
    public boolean claimed() {
        return operation == null;
    }

    /** Frees the claimed key of a request that ended without an answer worth keeping ({@link IdempotencyStore#abandon}). */
    public void abandon() {
        store.abandon(accountId, key);
    }

    public long accountId() {
        return accountId;
    }

    public String key() {
        return key;
    }

    /**
     * Keeps an answer the work did not keep in its transaction (a refusal, an answer of work that wrote nothing): the
     * claimed key completed, or the unclaimed key written with it.
     *
     * @throws KeyTaken when the key was not claimed and another request's answer is there already
     */
    public void keepAfterWork(int answerStatus, String contentType, String body) {
        write(store.dsl(), answerStatus, contentType, body);
    }

    /** The answer kept under the key in {@code ctx}: the claimed key completed, or the key written with it. */
    private void write(DSLContext ctx, int answerStatus, String contentType, String body) {
        if (claimed()) {
            store.complete(ctx, accountId, key, answerStatus, contentType, body);
        } else if (!store.keepFirst(ctx, accountId, key, operation, requestHash, answerStatus, contentType, body)) {
            throw new KeyTaken();
        }
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
            if (current.claimed()) {
                current.store.complete(pipeline, current.accountId, current.key, current.status, "application/json",
                        body);
            } else {
                var written = current.store.keepFirst(pipeline, current.accountId, current.key, current.operation,
                        current.requestHash, current.status, "application/json", body);
                pipeline.afterRun(() -> {
                    if (written.count() != 1) {
                        throw new KeyTaken();
                    }
                });
            }
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
        write(ctx, status, "application/json", body);
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
