package dev.tessera.reader.pcsc;

import java.io.Serial;

/** No PC/SC service, library or reader: a setup problem, not a card problem. */
public final class ReaderUnavailableException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    public ReaderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
