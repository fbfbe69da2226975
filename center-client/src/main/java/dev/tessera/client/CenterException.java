package dev.tessera.client;

/** A request to the platform center failed; the message is a sentence for a person. */
public abstract sealed class CenterException extends RuntimeException
        permits CenterProblemException, CenterUnreachableException, CenterResponseException {
    private static final long serialVersionUID = 1L;

    protected CenterException(String message, Throwable cause) {
        super(message, cause);
    }
}
