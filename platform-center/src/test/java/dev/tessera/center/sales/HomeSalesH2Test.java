package dev.tessera.center.sales;

import dev.tessera.center.CenterConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Buying at home on an H2 file, the embedded default. */
class HomeSalesH2Test extends HomeSalesContractTest {
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
