package dev.tessera.center.sales;

import dev.tessera.center.CenterConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Cancelled and moved events on an H2 file, the embedded default. */
class EventChangesH2Test extends EventChangesContractTest {
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
