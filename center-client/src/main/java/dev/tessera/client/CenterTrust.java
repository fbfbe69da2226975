package dev.tessera.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Which certificates the terminal accepts from an {@code https://} center (docs/operations.md "TLS"): those of the
 * authorities this computer trusts (Java's trust store), or, when the operator pins one in Settings, only those issued
 * by that CA certificate (a PEM file), e.g. the venue's own CA in front of its cluster.
 */
public record CenterTrust(Optional<Path> pinnedCa) {
    public static final CenterTrust SYSTEM = new CenterTrust(Optional.empty());

    public CenterTrust {
        Objects.requireNonNull(pinnedCa, "pinnedCa");
    }

    public static CenterTrust pinned(Path caCertificate) {
        return new CenterTrust(Optional.of(caCertificate));
    }

    /**
     * The TLS context for the center's HTTP client.
     *
     * @throws IllegalArgumentException in words when the pinned file cannot be read as a CA certificate
     */
    SSLContext sslContext() {
        try {
            if (pinnedCa.isEmpty()) {
                return SSLContext.getDefault();
            }
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int i = 0;
            for (Certificate ca : read(pinnedCa.get())) {
                anchors.setCertificateEntry("pinned-ca-" + i++, ca);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("the CA certificate " + pinnedCa.map(Path::toString).orElse("")
                    + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** The certificates of a PEM (or DER) file; at least one. */
    public static Collection<? extends Certificate> read(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new GeneralSecurityException("the file holds no certificate");
            }
            return certificates;
        }
    }
}
