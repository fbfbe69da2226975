package dev.tessera.center.problem;

import java.time.Duration;
import java.util.Objects;

/**
 * A request the center's services refuse: what kind of refusal it is, a short fixed title, a code naming the exact
 * problem ({@code seat-unavailable}, {@code hold-not-active}) and a sentence a clerk can act on. Services throw it and
 * know nothing of HTTP; the http package maps each kind to its status code and problem document.
 */
public final class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The kinds of refusal, each with the code and title a refusal of that kind has unless it names its own. */
    public enum Kind {
        /** The request itself is wrong: a missing field, a value out of range. */
        INVALID("bad-request", "The request is not valid"),
        /** Nobody signed in, or the session is unknown or over. */
        UNAUTHENTICATED("unauthorized", "Sign-in required"),
        /** The caller is known but may not do this. */
        FORBIDDEN("forbidden", "Not allowed for this account"),
        /** What the request names does not exist. */
        NOT_FOUND("not-found", "Not found"),
        /** The request is well formed but the current state refuses it (a seat sold, a hold ended). */
        CONFLICT("conflict", "Conflict with the current state"),
        /** The request is well formed and fits the state, but what it carries does not hold (a card's proof). */
        UNPROCESSABLE("unprocessable", "The request cannot be processed"),
        /** Too many failed attempts: the caller must wait {@link #retryAfter()}. */
        TOO_MANY_ATTEMPTS("too-many-attempts", "Too many failed attempts");

        private final String defaultCode;
        private final String defaultTitle;

        Kind(String defaultCode, String defaultTitle) {
            this.defaultCode = defaultCode;
            this.defaultTitle = defaultTitle;
        }
    }

    private final Kind kind;
    private final String code;
    private final String title;
    private final transient Duration retryAfter;

    private DomainException(Kind kind, String code, String title, String detail, Duration retryAfter) {
        super(detail);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = code == null ? kind.defaultCode : code;
        this.title = title == null ? kind.defaultTitle : title;
        this.retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The exact problem, the last part of the problem document's type ({@code seat-unavailable}). */
    public String code() {
        return code;
    }

    /** Short and fixed per code. */
    public String title() {
        return title;
    }

    /** How long until the same request can succeed; zero when waiting does not help. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public static DomainException invalid(String detail) {
        return new DomainException(Kind.INVALID, null, null, detail, null);
    }

    public static DomainException unauthenticated(String detail) {
        return new DomainException(Kind.UNAUTHENTICATED, null, null, detail, null);
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(Kind.FORBIDDEN, null, null, detail, null);
    }

    /** A refusal of the caller with its own code and title ({@code wrong-transfer-password}). */
    public static DomainException forbidden(String code, String title, String detail) {
        return new DomainException(Kind.FORBIDDEN, code, title, detail, null);
    }

    public static DomainException notFound(String detail) {
        return new DomainException(Kind.NOT_FOUND, null, null, detail, null);
    }

    public static DomainException conflict(String code, String detail) {
        return new DomainException(Kind.CONFLICT, code, null, detail, null);
    }

    public static DomainException unprocessable(String code, String title, String detail) {
        return new DomainException(Kind.UNPROCESSABLE, code, title, detail, null);
    }

    /** @param wait how long until the lock ends */
    public static DomainException tooManyAttempts(String detail, Duration wait) {
        return new DomainException(Kind.TOO_MANY_ATTEMPTS, null, null, detail, wait);
    }
}
