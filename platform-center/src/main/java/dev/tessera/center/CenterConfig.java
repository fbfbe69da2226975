package dev.tessera.center;

import dev.tessera.center.db.Database;
import dev.tessera.core.crypto.PasswordHasher;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * How to run a center: its database, its port and its policies. {@link #embedded(Path)} gives the
 * desktop app's default: an H2 file in the user's data folder and a port chosen by the system.
 */
public record CenterConfig(String jdbcUrl, String dbUser, String dbPassword, String host, int port, int poolSize,
                           Duration holdPeriod, Duration sessionTtl, Duration lapseSweepInterval,
                           PasswordHasher passwordHasher, Clock clock) {

    public static final Duration DEFAULT_HOLD_PERIOD = Duration.ofMinutes(10);

    public static CenterConfig of(String jdbcUrl, String dbUser, String dbPassword, int port) {
        return new CenterConfig(jdbcUrl, dbUser, dbPassword, "127.0.0.1", port, 16, DEFAULT_HOLD_PERIOD,
                Duration.ofHours(12), Duration.ofSeconds(1), PasswordHasher.defaults(), Clock.systemUTC());
    }

    /** An H2 file under {@code dataDir}; durable on every commit (WRITE_DELAY=0), see docs/operations.md. */
    public static CenterConfig embedded(Path dataDir) {
        return of(h2FileUrl(dataDir.resolve("center")), "tessera", "", 0);
    }

    public static String h2FileUrl(Path fileWithoutSuffix) {
        return "jdbc:h2:file:" + fileWithoutSuffix.toAbsolutePath() + ";WRITE_DELAY=0;LOCK_TIMEOUT=20000";
    }

    public CenterConfig withHost(String newHost) {
        return new CenterConfig(jdbcUrl, dbUser, dbPassword, newHost, port, poolSize, holdPeriod, sessionTtl,
                lapseSweepInterval, passwordHasher, clock);
    }

    public CenterConfig withHoldPeriod(Duration period) {
        return new CenterConfig(jdbcUrl, dbUser, dbPassword, host, port, poolSize, period, sessionTtl,
                lapseSweepInterval, passwordHasher, clock);
    }

    public CenterConfig withPoolSize(int size) {
        return new CenterConfig(jdbcUrl, dbUser, dbPassword, host, port, size, holdPeriod, sessionTtl,
                lapseSweepInterval, passwordHasher, clock);
    }

    public CenterConfig withPasswordHasher(PasswordHasher hasher) {
        return new CenterConfig(jdbcUrl, dbUser, dbPassword, host, port, poolSize, holdPeriod, sessionTtl,
                lapseSweepInterval, hasher, clock);
    }

    /**
     * How often the center lapses expired holds by itself. {@link Duration#ZERO} starts no sweeper: whoever owns the
     * clock calls {@link PlatformCenter#lapseExpiredHolds()} when it moves (tests move a clock by days).
     */
    public CenterConfig withLapseSweepInterval(Duration interval) {
        return new CenterConfig(jdbcUrl, dbUser, dbPassword, host, port, poolSize, holdPeriod, sessionTtl,
                interval, passwordHasher, clock);
    }

    public CenterConfig withClock(Clock newClock) {
        return new CenterConfig(jdbcUrl, dbUser, dbPassword, host, port, poolSize, holdPeriod, sessionTtl,
                lapseSweepInterval, passwordHasher, newClock);
    }

    @Override
    public String toString() {
        return "CenterConfig[" + Database.withoutPassword(jdbcUrl) + ", port " + port + "]";
    }
}
