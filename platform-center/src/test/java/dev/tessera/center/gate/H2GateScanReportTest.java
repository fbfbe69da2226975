package dev.tessera.center.gate;

import dev.tessera.center.CenterConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Gate reports on an H2 file, the embedded default. */
class H2GateScanReportTest extends GateScanReportContract {
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
