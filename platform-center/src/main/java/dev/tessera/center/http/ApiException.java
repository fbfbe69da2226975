package dev.tessera.center.http;

import dev.tessera.contract.problem.Problem;
import dev.tessera.center.problem.DomainException;
import java.time.Duration;

/**
 * A failure the API reports as an RFC 9457 problem document. The title is short and fixed per
 * kind of problem; the detail is a sentence a clerk can act on. The services' refusals
 * ({@link DomainException}) become one through {@link #of(DomainException)}; the HTTP layer's own
 * (a body that is no JSON, a missing sign-in) are made here.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final long retryAfterSeconds;

    public ApiException(int status, String type, String title, String detail) {
        this(status, type, title, detail, 0);
    }

    private ApiException(int status, String type, String title, String detail, long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds until a retry can succeed (the Retry-After header, RFC 9110 §10.2.3); 0 when it does not apply. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** This failure as the problem document the center answers with at {@code instance} (the request's path). */
    public Problem problem(String instance) {
        return new Problem(Problem.TYPE_BASE + type, title, status, getMessage(), instance);
    }

    /** The status code of each kind of the services' refusals: the one mapping from domain to HTTP. */
    static int status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
            case TOO_MANY_ATTEMPTS -> 429;
        };
    }

    /** A service's refusal as the API answers it: its kind's status, its code, title and sentence. */
    public static ApiException of(DomainException e) {
        ApiException api = new ApiException(status(e.kind()), e.code(), e.title(), e.getMessage(),
                e.kind() == DomainException.Kind.TOO_MANY_ATTEMPTS ? wholeSeconds(e.retryAfter()) : 0);
        api.initCause(e);
        return api;
    }

    /** Rounded up to whole seconds, at least 1 (Retry-After takes whole seconds). */
    private static long wholeSeconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "bad-request", "The request is not valid", detail);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "Sign-in required", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Not allowed for this account", detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", "Not found", detail);
    }

    public static ApiException conflict(String type, String detail) {
        return new ApiException(409, type, "Conflict with the current state", detail);
    }

    public static ApiException tooLarge(String detail) {
        return new ApiException(413, "too-large", "The request body is too large", detail);
    }

    /** A 409 that a retry after {@code seconds} can get past (the same request still running). */
    public static ApiException busy(String type, String detail, long seconds) {
        return new ApiException(409, type, "Conflict with the current state", detail, seconds);
    }
}
