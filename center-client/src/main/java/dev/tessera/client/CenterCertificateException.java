package dev.tessera.client;

import java.net.URI;

/**
 * The center's certificate is not one this terminal trusts: another CA than the pinned one, expired, wrong name.
 * No retry helps; to the rest of the terminal it is a center it cannot reach.
 */
public final class CenterCertificateException extends CenterUnreachableException {
    private static final long serialVersionUID = 1L;

    public CenterCertificateException(URI center, Throwable cause) {
        super(center, "the platform center at " + center + " showed a certificate this terminal does not trust (not issued "
                + "by the CA certificate pinned in Settings, or by an authority this computer trusts; or expired, or "
                + "for another name); ask the center's operator for the right CA certificate", cause);
    }
}
