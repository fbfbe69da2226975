package dev.tessera.reader.center;

import java.io.Serial;

/** The platform center refused a request (HTTP status and its problem detail) or could not be reached (status 0). */
public final class CenterException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String problemType;

    public CenterException(int status, String message, Throwable cause) {
        this(status, "", message, cause);
    }

    /** @param problemType the problem document's type URI, "" when the answer had none */
    public CenterException(int status, String problemType, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.problemType = problemType;
    }

    /** The problem document's type URI (…/problems/hold-not-active), "" when the answer had none. */
    public String problemType() {
        return problemType;
    }

    public int status() {
        return status;
    }

    public boolean unreachable() {
        return status == 0;
    }
}
