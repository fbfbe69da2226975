package dev.tessera.center.idempotency;

import static dev.tessera.center.db.RenderedStatement.insertRows;
import static dev.tessera.center.db.RenderedStatement.param;
import static dev.tessera.center.db.schema.Tables.IDEMPOTENCY_KEY;

import dev.tessera.center.db.Database;
import dev.tessera.center.db.RenderedStatement;
import dev.tessera.center.db.schema.tables.records.IdempotencyKeyRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The first answer to each (account, Idempotency-Key) pair, kept for {@link #RETENTION}: the table a retry is answered
 * from instead of doing the work again (docs/operations.md "Idempotency keys"). A key is claimed before the work runs
 * and completed with the answer after it; the HTTP side ({@code http.IdempotentRequests}) decides what is kept.
 */
public final class IdempotencyStore {
    /** How long a key and its first answer are kept; a key older than this is new again. */
    public static final Duration RETENTION = Duration.ofHours(24);
    /**
     * A first request still without an answer after this long is taken to have died with its center (killed between
     * the work and the answer); a retry then runs the work again. Far longer than any request runs. A retry takes over
     * at once when the instance that claimed the key is no longer running ({@code Database#instanceRuns}).
     */
    public static final Duration IN_FLIGHT_LEASE = Duration.ofMinutes(2);
    private static final int CLAIM_ATTEMPTS = 5;

    /** What a key's claim found. */
    public sealed interface Claim {
        /** The key is the caller's: run the work, then {@link #complete} or {@link #abandon}. */
        record Fresh() implements Claim {}

        /** The key already has an answer: send it back as it was. */
        record Replay(int status, String contentType, String body) implements Claim {}

        /** The key was first used for another request (another route or another body). */
        record Mismatch(String firstOperation) implements Claim {}

        /** The key's first request is still running. */
        record InFlight() implements Claim {}
    }

    // issue 13: the two statements every keyed sale runs, rendered once (RenderedStatement)
    private static final RenderedStatement CLAIM = new RenderedStatement(ctx -> insertRows(ctx, IDEMPOTENCY_KEY, 1,
            List.of(IDEMPOTENCY_KEY.ACCOUNT_ID, IDEMPOTENCY_KEY.IDEM_KEY, IDEMPOTENCY_KEY.OPERATION,
                    IDEMPOTENCY_KEY.REQUEST_HASH, IDEMPOTENCY_KEY.CREATED_AT, IDEMPOTENCY_KEY.EXPIRES_AT,
                    IDEMPOTENCY_KEY.OWNER)).onConflictDoNothing());
    private static final RenderedStatement COMPLETE = new RenderedStatement(ctx -> ctx.update(IDEMPOTENCY_KEY)
            .set(IDEMPOTENCY_KEY.STATUS, param(IDEMPOTENCY_KEY.STATUS))
            .set(IDEMPOTENCY_KEY.CONTENT_TYPE, param(IDEMPOTENCY_KEY.CONTENT_TYPE))
            .set(IDEMPOTENCY_KEY.RESPONSE_BODY, param(IDEMPOTENCY_KEY.RESPONSE_BODY))
            .where(IDEMPOTENCY_KEY.ACCOUNT_ID.eq(param(IDEMPOTENCY_KEY.ACCOUNT_ID)),
                    IDEMPOTENCY_KEY.IDEM_KEY.eq(param(IDEMPOTENCY_KEY.IDEM_KEY)), IDEMPOTENCY_KEY.STATUS.isNull()));

    // issue 13: a key and its answer in one row, written with the work (answerWithTheWork)
    private static final RenderedStatement KEEP_FIRST = new RenderedStatement(ctx -> insertRows(ctx, IDEMPOTENCY_KEY,
            1, List.of(IDEMPOTENCY_KEY.ACCOUNT_ID, IDEMPOTENCY_KEY.IDEM_KEY, IDEMPOTENCY_KEY.OPERATION,
                    IDEMPOTENCY_KEY.REQUEST_HASH, IDEMPOTENCY_KEY.STATUS, IDEMPOTENCY_KEY.CONTENT_TYPE,
                    IDEMPOTENCY_KEY.RESPONSE_BODY, IDEMPOTENCY_KEY.CREATED_AT, IDEMPOTENCY_KEY.EXPIRES_AT,
                    IDEMPOTENCY_KEY.OWNER)).onConflictDoNothing());

    private final Database db;
    private final Clock clock;

    public IdempotencyStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Claims {@code key} of {@code accountId} for one request.
     *
     * @param operation the method and path, e.g. {@code POST /api/sales}
     * @param requestHash a digest of the operation, the query and the body: the same request has the same digest
     */
    public Claim claim(long accountId, String key, String operation, String requestHash) {
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            int inserted = CLAIM.execute(db.dsl(), accountId, key, operation, requestHash, now, now.plus(RETENTION),
                    db.instanceKey());
            if (inserted == 1) {
                return new Claim.Fresh();
            }
            IdempotencyKeyRecord first = db.dsl().selectFrom(IDEMPOTENCY_KEY)
                    .where(IDEMPOTENCY_KEY.ACCOUNT_ID.eq(accountId), IDEMPOTENCY_KEY.IDEM_KEY.eq(key)).fetchOne();
            if (first == null) {
                continue; // purged between the insert and the read: claim again
            }
            if (!first.getExpiresAt().isAfter(now)) {
                db.dsl().deleteFrom(IDEMPOTENCY_KEY).where(IDEMPOTENCY_KEY.ACCOUNT_ID.eq(accountId),
                        IDEMPOTENCY_KEY.IDEM_KEY.eq(key), IDEMPOTENCY_KEY.EXPIRES_AT.le(now)).execute();
                continue;
            }
            if (!first.getOperation().equals(operation) || !first.getRequestHash().equals(requestHash)) {
                return new Claim.Mismatch(first.getOperation());
            }
            if (first.getStatus() != null) {
                return new Claim.Replay(first.getStatus(), first.getContentType(), first.getResponseBody());
            }
            if (first.getCreatedAt().plus(IN_FLIGHT_LEASE).isAfter(now)
                    && (first.getOwner() == null || db.instanceRuns(first.getOwner()))) {
                return new Claim.InFlight();
            }
            // the first request died without an answer (its lease ended, or its instance is gone): whoever moves the
            // lease first runs the work again
            int taken = db.dsl().update(IDEMPOTENCY_KEY).set(IDEMPOTENCY_KEY.CREATED_AT, now)
                    .set(IDEMPOTENCY_KEY.OWNER, db.instanceKey())
                    .where(IDEMPOTENCY_KEY.ACCOUNT_ID.eq(accountId), IDEMPOTENCY_KEY.IDEM_KEY.eq(key),
                            IDEMPOTENCY_KEY.STATUS.isNull(), IDEMPOTENCY_KEY.CREATED_AT.eq(first.getCreatedAt()))
                    .execute();
            if (taken == 1) {
                return new Claim.Fresh();
            }
        }
        return new Claim.InFlight();
    }

    /** Keeps the answer of a claimed key for the retention period, in the transaction of {@code ctx} (or on its own). */
    void complete(DSLContext ctx, long accountId, String key, int status, String contentType, String body) {
        COMPLETE.execute(ctx, status, contentType, body, accountId, key);
    }

    /** {@link #complete} as a step of {@code pipeline}, which runs in the work's transaction. */
    void complete(dev.tessera.center.db.Pipeline pipeline, long accountId, String key, int status, String contentType,
                  String body) {
        pipeline.execute(COMPLETE, status, contentType, body, accountId, key);
    }

    /**
     * Issue 13: keeps the key and its answer as one new row in the transaction of {@code ctx}, where no claim was made
     * first ({@link #answerWithTheWork}); false, with nothing written, when the key is already there (a first request
     * committed, or one still running committed before this one: the insert waits for it).
     */
    boolean keepFirst(DSLContext ctx, long accountId, String key, String operation, String requestHash, int status,
                      String contentType, String body) {
        try {
            return KEEP_FIRST.execute(ctx, keepFirstValues(accountId, key, operation, requestHash, status, contentType,
                    body)) == 1;
        } catch (org.jooq.exception.DataAccessException e) {
            if ("23505".equals(e.sqlState())) {
                return false; // the key was inserted by another transaction between the check and the insert
            }
            throw e;
        }
    }

    /** {@link #keepFirst(DSLContext, long, String, String, String, int, String, String)} as a step of a pipeline. */
    dev.tessera.center.db.Pipeline.Step<Void> keepFirst(dev.tessera.center.db.Pipeline pipeline, long accountId,
                                                         String key, String operation, String requestHash,
                                                         int status, String contentType, String body) {
        return pipeline.execute(KEEP_FIRST, keepFirstValues(accountId, key, operation, requestHash, status,
                contentType, body));
    }

    private Object[] keepFirstValues(long accountId, String key, String operation, String requestHash, int status,
                                     String contentType, String body) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return new Object[] {accountId, key, operation, requestHash, status, contentType, body, now,
                now.plus(RETENTION), db.instanceKey()};
    }

    /** The database outside any transaction: each statement on its own. */
    DSLContext dsl() {
        return db.dsl();
    }

    /**
     * Issue 13: the answer to {@code key} of {@code accountId}, not claimed: the work's transaction writes the key with
     * its answer ({@link AnswerInTransaction}), so the work commits only where the key was new, and a request that
     * finds the key taken rolls its work back ({@link AnswerInTransaction.KeyTaken}) and is answered by
     * {@link #claim}. One statement and no commit of its own where a claim and its completion take two and a commit.
     * For work that keeps every answer that commits in its own transaction; a retry while the first request runs
     * waits for it (on the rows both change, or on the key) and is then told its answer.
     */
    public AnswerInTransaction answerWithTheWork(long accountId, String key, String operation, String requestHash,
                                                 int status, AnswerInTransaction.Writer writer) {
        return new AnswerInTransaction(this, accountId, key, operation, requestHash, status, writer);
    }

    /**
     * The answer to the claimed {@code key} of {@code accountId} (status {@code status}, JSON written by
     * {@code writer}), for the service doing the work to keep in its own transaction.
     */
    public AnswerInTransaction answerFor(long accountId, String key, int status, AnswerInTransaction.Writer writer) {
        return new AnswerInTransaction(this, accountId, key, null, null, status, writer);
    }

    /** Frees a claimed key whose request ended without an answer worth keeping (the database was away): a retry runs. */
    public void abandon(long accountId, String key) {
        db.dsl().deleteFrom(IDEMPOTENCY_KEY).where(IDEMPOTENCY_KEY.ACCOUNT_ID.eq(accountId),
                IDEMPOTENCY_KEY.IDEM_KEY.eq(key), IDEMPOTENCY_KEY.STATUS.isNull()).execute();
    }

    /** Removes keys past their retention; the hold sweeper calls this. */
    public int purgeExpired() {
        return db.dsl().deleteFrom(IDEMPOTENCY_KEY).where(IDEMPOTENCY_KEY.EXPIRES_AT.le(OffsetDateTime.now(clock)))
                .execute();
    }
}
