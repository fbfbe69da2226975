package dev.tessera.desktop.center;

import dev.tessera.client.CenterTrust;
import dev.tessera.client.ConnectionListener;
import dev.tessera.client.CenterCertificateException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.center.support.CenterCluster;
import dev.tessera.center.support.TestCertificates;
import dev.tessera.desktop.ui.ErrorMessages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 16, TLS off the loopback: the desktop's center client reaches a cluster of center instances through HAProxy
 * over HTTPS, with a certificate from a CA the test makes and the terminal pins (Settings), and refuses the same
 * balancer when it trusts another CA, or only this computer's authorities.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CenterTlsTest {
    private Path dir;
    private TestCertificates venueCa;
    private TestCertificates otherCa;
    private CenterCluster cluster;

    @BeforeAll
    void startTheClusterBehindTls() throws Exception {
        dir = Files.createTempDirectory("tessera-tls-");
        venueCa = TestCertificates.make(dir.resolve("venue"), "Tessera Venue Test CA");
        otherCa = TestCertificates.make(dir.resolve("other"), "Another Test CA");
        cluster = CenterCluster.start("desktop_tls", 2, venueCa);
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void theDesktopClientSignsInToTheClusterOverTlsWithThePinnedCa() {
        try (CenterClient client = new CenterClient(cluster.viaBalancerTls(), ConnectionListener.NONE,
                CenterTrust.pinned(venueCa.caCertificate()))) {
            client.checkHealth();
            CenterSession session = client.signIn("admin", CenterCluster.ADMIN_PASSWORD);
            assertThat(session.account().loginId()).isEqualTo("admin");
            // round robin: the next requests land on the other instance, over the same TLS front
            for (int i = 0; i < 4; i++) {
                assertThat(session.events()).isNotNull();
            }
        }
    }

    @Test
    void aCertificateFromAnotherCaIsRefusedInWords() {
        try (CenterClient client = new CenterClient(cluster.viaBalancerTls(), ConnectionListener.NONE,
                CenterTrust.pinned(otherCa.caCertificate()))) {
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(client::checkHealth);
            assertThat(refused).isInstanceOf(CenterCertificateException.class).hasMessageContaining("does not trust");
            assertThat(ErrorMessages.of((CenterCertificateException) refused).key()).isEqualTo("error.certificate");
        }
        // the test CA is in no system trust store either
        try (CenterClient client = new CenterClient(cluster.viaBalancerTls(), ConnectionListener.NONE,
                CenterTrust.SYSTEM)) {
            assertThatThrownBy(client::checkHealth).isInstanceOf(CenterCertificateException.class);
        }
    }
}
