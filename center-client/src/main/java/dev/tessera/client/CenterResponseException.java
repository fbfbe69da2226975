package dev.tessera.client;

/** The center answered, but with something this client cannot read. */
public final class CenterResponseException extends CenterException {
    private static final long serialVersionUID = 1L;

    public CenterResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
