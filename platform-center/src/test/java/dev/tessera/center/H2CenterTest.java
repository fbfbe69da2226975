package dev.tessera.center;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The center contract on an H2 file, the embedded default. */
class H2CenterTest extends CenterContractTest {
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
