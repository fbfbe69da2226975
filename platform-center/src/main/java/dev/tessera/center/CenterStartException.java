package dev.tessera.center;

/** The standalone center could not start; the message is the one sentence the operator sees, the cause the detail. */
final class CenterStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CenterStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
