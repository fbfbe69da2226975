package dev.tessera.center;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19: a running center whose database is gone says so, and a closed center leaves no thread behind. */
class CenterLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void aDatabaseTakenExclusivelyMakesHealthAnswer503UntilItIsBack() throws Exception {
        String url = CenterConfig.h2FileUrl(dir.resolve("center"));
        try (CenterFixture fx = new CenterFixture(url, "tessera")) {
            assertThat(fx.anonymous.get("/health").status()).isEqualTo(200);
            try (Connection other = DriverManager.getConnection(url, "tessera", "");
                 Statement sql = other.createStatement()) {
                // the state issue 19 saw: H2 refuses every other session with 90135 "open in exclusive mode"
                sql.execute("SET EXCLUSIVE 2");
                long asked = System.nanoTime();
                Response health = fx.anonymous.get("/health");
                assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(10));
                assertThat(health.status()).as(health.body()).isEqualTo(503);
                assertThat(health.get("status").asText()).isEqualTo("down");
                assertThat(health.get("database").asText()).isEqualTo("unavailable");
                sql.execute("SET EXCLUSIVE 0");
            }
            assertThat(healthWithin(fx, Duration.ofSeconds(60))).isEqualTo(200);
            Response health = fx.anonymous.get("/health");
            assertThat(health.get("status").asText()).isEqualTo("up");
            assertThat(health.get("database").asText()).isEqualTo("H2");
        }
    }

    @Test
    void closeStopsTheCentersThreadsBeforeTheDatabaseCloses() {
        CenterFixture fx = new CenterFixture(CenterConfig.h2FileUrl(dir.resolve("closed")), "tessera");
        assertThat(fx.anonymous.get("/health").status()).isEqualTo(200);
        assertThat(threadsNamed("hold-lapse-sweeper")).isPositive();
        fx.close();
        fx.close();
        assertThat(threadsNamed("hold-lapse-sweeper")).isZero();
        assertThat(threadsNamed("database-health-check")).isZero();
    }

    private static int healthWithin(CenterFixture fx, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int status = fx.anonymous.get("/health").status();
        while (status != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = fx.anonymous.get("/health").status();
        }
        return status;
    }

    private static long threadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name) && t.isAlive()).count();
    }
}
