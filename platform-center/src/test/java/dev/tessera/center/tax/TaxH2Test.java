package dev.tessera.center.tax;

import dev.tessera.center.CenterConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Tax on an H2 file, the embedded default. */
class TaxH2Test extends TaxContractTest {
    @TempDir
    static Path dir;

    @Override
    String jdbcUrl() {
        return CenterConfig.h2FileUrl(dir.resolve("center"));
    }

    @Override
    String dbUser() {
        return "tessera";
    }
}
