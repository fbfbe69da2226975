package dev.tessera.center;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.center.support.SoftHsm;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone center's command line with a token KEK (docs/operations.md, "Chip keys at rest"):
 * {@code --chip-kek pkcs11:<settings>} with the PIN in the variable the settings name; a wrong PIN stops the start
 * with the one line the operator reads, naming the token and never the PIN.
 */
class TokenKekStartTest {
    @TempDir
    Path dir;

    @Test
    void theCommandLineStartsOnATokenAndAWrongPinStopsItNamingTheToken() throws Exception {
        SoftHsm.Token token = SoftHsm.tokens().get(1);
        Path settings = token.settings(dir, "cli-kek", "TESSERA_KEK_PIN");
        String url = CenterConfig.h2FileUrl(dir.resolve("center"));
        CenterMain.Options options = CenterMain.Options.parse(new String[] {"--db", url, "--port", "0",
                "--chip-kek", "pkcs11:" + settings});
        try (PlatformCenter center = CenterMain.start(options, Map.of("TESSERA_KEK_PIN", token.pin())::get)) {
            assertThat(center.services().keys().active()).isNotNull();
        }
        assertThat(dir.resolve("center.chip-kek")).doesNotExist();

        String wrongPin = "0000-" + token.pin().length();
        assertThatThrownBy(() -> CenterMain.start(options, Map.of("TESSERA_KEK_PIN", wrongPin)::get).close())
                .isInstanceOf(CenterStartException.class)
                .hasMessageStartingWith("the token '" + token.label() + "' (slot " + token.slot() + " of ")
                .hasMessageContaining("refused the PIN from the environment variable TESSERA_KEK_PIN (CKR_PIN_INCORRECT)")
                .hasMessageNotContaining(wrongPin);
        assertThatThrownBy(() -> CenterMain.start(options, name -> null).close())
                .isInstanceOf(CenterStartException.class)
                .hasMessageStartingWith("set the environment variable TESSERA_KEK_PIN to the user PIN of the token '"
                        + token.label() + "'");
    }
}
