package dev.tessera.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CenterAddressTest {
    @Test
    void plainHttpIsRefusedOffThisComputerAndAcceptedOnIt() {
        assertThatThrownBy(() -> CenterAddress.parse("http://center.example:8410"))
                .isInstanceOf(CenterAddress.PlainHttpException.class).hasMessageContaining("https://");
        assertThatThrownBy(() -> CenterAddress.parse("http://127.0.0.1.example:8410"))
                .isInstanceOf(CenterAddress.PlainHttpException.class);
        assertThat(CenterAddress.parse("http://127.0.0.1:8410")).hasHost("127.0.0.1");
        assertThat(CenterAddress.parse("http://[::1]:8410")).hasPort(8410);
        assertThat(CenterAddress.parse("https://center.example")).hasHost("center.example");
        assertThatThrownBy(() -> CenterAddress.parse("ftp://center.example"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an http:// or https://");
    }

    @Test
    void theClientRefusesARemoteCenterOverPlainHttp() {
        assertThatThrownBy(() -> new CenterHttp(URI.create("http://192.168.1.20:8410")))
                .isInstanceOf(CenterAddress.PlainHttpException.class);
    }

    @Test
    void aPinnedFileThatHoldsNoCertificateIsRefusedInWords(@TempDir Path dir) throws Exception {
        Path notACertificate = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        assertThatThrownBy(() -> new CenterHttp(URI.create("https://center.example"), ConnectionListener.NONE,
                CenterTrust.pinned(notACertificate)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(notACertificate.toString());
    }
}
