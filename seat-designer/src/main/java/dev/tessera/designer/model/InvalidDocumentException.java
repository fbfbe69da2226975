package dev.tessera.designer.model;

/** The document cannot become a seat map yet: the message says why, as a sentence for the user. */
public final class InvalidDocumentException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
