package dev.tessera.center.idempotency;

import dev.tessera.center.CenterConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Idempotency keys on an H2 file, the embedded default. */
class IdempotencyH2Test extends IdempotencyContractTest {
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
