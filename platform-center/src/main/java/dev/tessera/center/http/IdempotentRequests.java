package dev.tessera.center.http;

import dev.tessera.center.idempotency.AnswerInTransaction;
import dev.tessera.center.idempotency.IdempotencyStore;
import dev.tessera.center.idempotency.IdempotencyStore.Claim;
import dev.tessera.center.problem.DomainException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import dev.tessera.contract.problem.Problem;

/**
 * Exactly-once POSTs (docs/operations.md "Idempotency keys"): a request with an {@code Idempotency-Key} header is run
 * once per signed-in account and key; a retry with the same key and the same request gets the first answer back (status
 * and body, with {@code Idempotent-Replayed: true}); the same key with another route or body is refused with 422; a
 * retry while the first request still runs gets 409 with Retry-After, or, on the routes whose key is written with the
 * answer ({@code Endpoints.KEY_WITH_WORK}), waits for it and gets its answer. Answers below 500 are kept (but 429,
 * whose wait ends), so a refusal is as final as a success; a 5xx or a lost database keeps nothing and the retry runs
 * the work.
 */
final class IdempotentRequests {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IdempotentRequests.class);
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;
    private static final long IN_FLIGHT_RETRY_SECONDS = 1;

    private final IdempotencyStore store;

    IdempotentRequests(IdempotencyStore store) {
        this.store = store;
    }

    /**
     * Serves an idempotent request.
     *
     * @param status the status of a done request (the work may set another one on {@code ctx})
     * @param writer writes the work's answer as JSON
     * @param keyWithWork whether the work keeps every answer that commits in its own transaction, so the key can be
     *        written with it instead of claimed first (issue 13, {@link IdempotencyStore#answerWithTheWork})
     */
    void handle(Context ctx, int status, AnswerInTransaction.Writer writer, AnswerInTransaction.Work<?> work,
                boolean keyWithWork) throws Exception {
        String key = ctx.header(HEADER);
        if (key == null) {
            ctx.status(status);
            ctx.contentType("application/json").result(writer.write(work.run()));
            return;
        }
        checkKey(key);
        long account = Api.principal(ctx).accountId();
        String operation = ctx.method() + " " + ctx.path();
        String digest = digest(operation, ctx.queryString(), ctx.bodyAsBytes());
        if (keyWithWork) {
            try {
                runOnce(ctx, store.answerWithTheWork(account, key, operation, digest, status, writer), work);
                return;
            } catch (AnswerInTransaction.KeyTaken taken) {
                // the key was there already: its work rolled back, the request is answered as its claim says
            }
        }
        Claim claim = store.claim(account, key, operation, digest);
        switch (claim) {
            case Claim.Replay replay -> {
                ctx.status(replay.status()).header(REPLAYED, "true").contentType(replay.contentType())
                        .result(replay.body());
            }
            case Claim.Mismatch mismatch -> throw new ApiException(422, "idempotency-key-reused",
                    "Idempotency key used for another request",
                    "the Idempotency-Key was first sent with " + (mismatch.firstOperation().equals(operation)
                            ? "another body" : mismatch.firstOperation())
                            + "; a new request needs a new key");
            case Claim.InFlight ignored -> throw ApiException.busy("idempotency-key-in-flight",
                    "the first request with this Idempotency-Key is still running; retry with the same key",
                    IN_FLIGHT_RETRY_SECONDS);
            case Claim.Fresh ignored -> runOnce(ctx, store.answerFor(account, key, status, writer), work);
        }
    }

    /**
     * Runs the work with a service's refusal already mapped, so that its problem document is kept like any other; the
     * service doing the work keeps its answer in its own transaction where it can ({@link AnswerInTransaction}).
     */
    private static Object runMapped(Context ctx, AnswerInTransaction answer, AnswerInTransaction.Work<?> work)
            throws Exception {
        try {
            ctx.status(answer.status());
            return answer.serve(work);
        } catch (DomainException e) {
            throw ApiException.of(e);
        }
    }

    private void runOnce(Context ctx, AnswerInTransaction answer, AnswerInTransaction.Work<?> work) throws Exception {
        Object result;
        try {
            result = runMapped(ctx, answer, work);
        } catch (ApiException e) {
            if (e.status() < 500 && e.status() != 429) {
                keep(answer, e.status(), Problem.CONTENT_TYPE, CenterApi.writeProblem(e.problem(ctx.path())));
            } else {
                abandonQuietly(answer, e);
            }
            throw e;
        } catch (Exception | Error e) {
            abandonQuietly(answer, e);
            throw e;
        }
        String body = answer.keptBodyOf(result);
        if (body != null && ctx.statusCode() == answer.status()) {
            // kept with the work, in its transaction
            ctx.contentType("application/json").result(body);
            return;
        }
        if (answer.keptAny()) {
            LOG.error("{} kept another answer in its transaction than it sends; the kept one stands", ctx.path());
        }
        body = answer.writer().write(result);
        keep(answer, ctx.statusCode(), "application/json", body);
        ctx.contentType("application/json").result(body);
    }

    /**
     * Records the answer. The work is done whatever happens here: a database that fails now must not turn the answer
     * into an error, so the client still hears it; a retry finds the key in flight until the lease ends (a key not
     * claimed first is simply not there: the retry runs, and work that committed refuses it, as a sold seat).
     *
     * @throws AnswerInTransaction.KeyTaken when the key was not claimed and another request's answer is there
     */
    private static void keep(AnswerInTransaction answer, int status, String contentType, String body) {
        try {
            answer.keepAfterWork(status, contentType, body);
        } catch (org.jooq.exception.DataAccessException e) {
            LOG.warn("the answer to Idempotency-Key {} of account {} could not be kept: {}", answer.key(),
                    answer.accountId(), e.getMessage());
        }
    }

    /** The work failed (often because the database is away): freeing the key may fail the same way, and then lapses. */
    private void abandonQuietly(AnswerInTransaction answer, Throwable cause) {
        if (!answer.claimed()) {
            return; // nothing was written under the key (a KeyTaken passes here on its way to handle)
        }
        try {
            answer.abandon();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void checkKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ApiException.badRequest("the Idempotency-Key header must be 1 to " + MAX_KEY_LENGTH
                    + " visible ASCII characters (a UUID is a good key)");
        }
    }

    private static String digest(String operation, String query, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update((query == null ? "" : query).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
