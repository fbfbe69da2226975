package dev.tessera.designer.io;

/** A file could not be opened, saved, imported or exported; the message is a sentence for the user. */
public final class DesignerFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public DesignerFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
