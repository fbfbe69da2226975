package dev.tessera.center;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.center.transfer.TransferService;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The command line's policies reach the configuration the center runs with (docs/operations.md, the options table). */
class CenterOptionsTest {
    private static final String DB = "jdbc:h2:mem:options";

    @Test
    void aTransferWaitsTheHoursTheOperatorGaveOr72() {
        CenterConfig given = CenterMain.config(CenterMain.Options.parse(new String[] {"--db", DB, "--transfer-hours",
                "24", "--hold-seconds", "120"}), name -> null);
        assertThat(given.transferValidity()).isEqualTo(Duration.ofHours(24));
        assertThat(given.holdPeriod()).isEqualTo(Duration.ofMinutes(2));

        CenterConfig defaults = CenterMain.config(CenterMain.Options.parse(new String[] {"--db", DB}), name -> null);
        assertThat(defaults.transferValidity()).isEqualTo(TransferService.DEFAULT_VALIDITY).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void aTransferValidityOutsideOneHourToThirtyDaysIsRefusedNamingTheOption() {
        for (String hours : new String[] {"0", "721", "three"}) {
            assertThatThrownBy(() -> CenterMain.Options.parse(new String[] {"--db", DB, "--transfer-hours", hours}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--transfer-hours");
        }
    }
}
