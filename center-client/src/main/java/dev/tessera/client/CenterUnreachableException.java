package dev.tessera.client;

import java.net.URI;

/** The center did not answer at all: not running, wrong address, network down. */
public non-sealed class CenterUnreachableException extends CenterException {
    private static final long serialVersionUID = 1L;

    private final URI center;

    public CenterUnreachableException(URI center, Throwable cause) {
        this(center, "cannot reach the platform center at " + center, cause);
    }

    protected CenterUnreachableException(URI center, String message, Throwable cause) {
        super(message, cause);
        this.center = center;
    }

    public URI center() {
        return center;
    }
}
