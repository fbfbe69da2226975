package dev.tessera.desktop.center;

import java.net.URI;

/** The center did not answer at all: not running, wrong address, network down. */
public final class CenterUnreachableException extends CenterException {
    private static final long serialVersionUID = 1L;

    private final URI center;

    public CenterUnreachableException(URI center, Throwable cause) {
        super("cannot reach the platform center at " + center, cause);
        this.center = center;
    }

    public URI center() {
        return center;
    }
}
