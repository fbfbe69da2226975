package dev.tessera.center;

import dev.tessera.center.db.Database;
import dev.tessera.center.keys.KekSource;
import dev.tessera.center.transfer.TransferService;
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
                           PasswordHasher passwordHasher, Clock clock, KekSource chipKek, KekSource previousChipKek,
                           Duration transferValidity) {

    /** Without a transfer validity: {@link TransferService#DEFAULT_VALIDITY}. */
    public CenterConfig(String jdbcUrl, String dbUser, String dbPassword, String host, int port, int poolSize,
                        Duration holdPeriod, Duration sessionTtl, Duration lapseSweepInterval,
                        PasswordHasher passwordHasher, Clock clock, KekSource chipKek, KekSource previousChipKek) {
        this(jdbcUrl, dbUser, dbPassword, host, port, poolSize, holdPeriod, sessionTtl, lapseSweepInterval,
                passwordHasher, clock, chipKek, previousChipKek, TransferService.DEFAULT_VALIDITY);
    }

    /** Without a key-encryption key: the center picks its default file ({@link #chipKekPath()}). */
    public CenterConfig(String jdbcUrl, String dbUser, String dbPassword, String host, int port, int poolSize,
                        Duration holdPeriod, Duration sessionTtl, Duration lapseSweepInterval,
                        PasswordHasher passwordHasher, Clock clock) {
        this(jdbcUrl, dbUser, dbPassword, host, port, poolSize, holdPeriod, sessionTtl, lapseSweepInterval,
                passwordHasher, clock, null, null);
    }

    public static final Duration DEFAULT_HOLD_PERIOD = Duration.ofMinutes(10);

    /**
     * Issue 13: four connections a core (8 on the 2-core reference machine, which sold most with about 8; 16 only
     * queued more statements in the database and the JVM).
     */
    public static int defaultPoolSize() {
        return 4 * Runtime.getRuntime().availableProcessors();
    }

    public static CenterConfig of(String jdbcUrl, String dbUser, String dbPassword, int port) {
        return new CenterConfig(jdbcUrl, dbUser, dbPassword, "127.0.0.1", port, defaultPoolSize(), DEFAULT_HOLD_PERIOD,
                Duration.ofHours(12), Duration.ofSeconds(1), PasswordHasher.defaults(), Clock.systemUTC(), null, null);
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
                lapseSweepInterval, passwordHasher, clock, chipKek, previousChipKek,
                transferValidity);
    }

    public CenterConfig withHoldPeriod(Duration period) {
        return new CenterConfig(jdbcUrl, dbUser, dbPassword, host, port, poolSize, period, sessionTtl,
                lapseSweepInterval, passwordHasher, clock, chipKek, previousChipKek,
                transferValidity);
    }

    /** How long a member's transfer waits for its assignee before it expires (issue 14; default 72 hours). */
    public CenterConfig withTransferValidity(Duration validity) {
        return new CenterConfig(jdbcUrl, dbUser, dbPassword, host, port, poolSize, holdPeriod, sessionTtl,
                lapseSweepInterval, passwordHasher, clock, chipKek, previousChipKek, validity);
    }

    public CenterConfig withPoolSize(int size) {
        return new CenterConfig(jdbcUrl, dbUser, dbPassword, host, port, size, holdPeriod, sessionTtl,
                lapseSweepInterval, passwordHasher, clock, chipKek, previousChipKek,
                transferValidity);
    }

    public CenterConfig withPasswordHasher(PasswordHasher hasher) {
        return new CenterConfig(jdbcUrl, dbUser, dbPassword, host, port, poolSize, holdPeriod, sessionTtl,
                lapseSweepInterval, hasher, clock, chipKek, previousChipKek,
                transferValidity);
    }

    /**
     * How often the center lapses expired holds by itself. {@link Duration#ZERO} starts no sweeper: whoever owns the
     * clock calls {@link PlatformCenter#lapseExpiredHolds()} when it moves (tests move a clock by days).
     */
    public CenterConfig withLapseSweepInterval(Duration interval) {
        return new CenterConfig(jdbcUrl, dbUser, dbPassword, host, port, poolSize, holdPeriod, sessionTtl,
                interval, passwordHasher, clock, chipKek, previousChipKek,
                transferValidity);
    }

    public CenterConfig withClock(Clock newClock) {
        return new CenterConfig(jdbcUrl, dbUser, dbPassword, host, port, poolSize, holdPeriod, sessionTtl,
                lapseSweepInterval, passwordHasher, newClock, chipKek, previousChipKek, transferValidity);
    }

    /**
     * The file holding the key-encryption key that seals the chip key masters at rest (docs/operations.md, "Chip
     * keys"). Default: next to an H2 database file ({@code center.chip-kek}); for any other database
     * {@code $TESSERA_DATA/center-chip-kek}, else {@code ~/.local/share/tessera/center-chip-kek}.
     */
    public Path chipKekPath() {
        if (chipKek instanceof KekSource.KeyFile(Path file)) {
            return file;
        }
        String h2 = "jdbc:h2:file:";
        if (jdbcUrl.startsWith(h2)) {
            String file = jdbcUrl.substring(h2.length());
            int options = file.indexOf(';');
            return Path.of((options < 0 ? file : file.substring(0, options)) + ".chip-kek");
        }
        String data = System.getenv("TESSERA_DATA");
        Path dir = data != null && !data.isBlank() ? Path.of(data)
                : Path.of(System.getProperty("user.home"), ".local", "share", "tessera");
        return dir.resolve("center-chip-kek");
    }

    /** The key-encryption key: the one given, else the default file ({@link #chipKekPath()}). */
    public KekSource chipKekSource() {
        return chipKek != null ? chipKek : new KekSource.KeyFile(chipKekPath());
    }

    /** The key-encryption key file, and the one it replaces while the masters are sealed again (rotation). */
    public CenterConfig withChipKek(Path file, Path previous) {
        return withChipKek(file == null ? null : new KekSource.KeyFile(file),
                previous == null ? null : new KekSource.KeyFile(previous));
    }

    /** The key-encryption key (a file or a PKCS#11 token), and the one it replaces (rotation), or null. */
    public CenterConfig withChipKek(KekSource kek, KekSource previous) {
        return new CenterConfig(jdbcUrl, dbUser, dbPassword, host, port, poolSize, holdPeriod, sessionTtl,
                lapseSweepInterval, passwordHasher, clock, kek, previous, transferValidity);
    }

    @Override
    public String toString() {
        return "CenterConfig[" + Database.withoutPassword(jdbcUrl) + ", port " + port + "]";
    }
}
