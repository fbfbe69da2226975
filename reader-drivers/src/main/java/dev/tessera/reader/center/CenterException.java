package dev.tessera.reader.center;

import java.io.Serial;

/** The platform center refused a request (HTTP status and its problem detail) or could not be reached (status 0). */
public final class CenterException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int status;

    public CenterException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public boolean unreachable() {
        return status == 0;
    }
}
