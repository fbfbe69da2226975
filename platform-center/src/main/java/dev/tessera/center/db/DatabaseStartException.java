package dev.tessera.center.db;

/**
 * The center's database could not be opened or migrated at start. The message is one sentence for the operator:
 * the database URL without its password and the reason; the cause keeps the detail for the log.
 */
public final class DatabaseStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DatabaseStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
