package dev.tessera.center.account;

import static dev.tessera.center.db.schema.Tables.ACCOUNT;
import static dev.tessera.center.db.schema.Tables.API_SESSION;

import dev.tessera.center.db.Database;
import dev.tessera.center.db.schema.tables.records.AccountRecord;
import dev.tessera.center.problem.DomainException;
import dev.tessera.core.crypto.PasswordHasher;
import dev.tessera.core.model.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.exception.IntegrityConstraintViolationException;

/** Accounts, Argon2id passwords, sign-in with lock-out, and bearer-token sessions. */
public final class AccountService {
    public static final int MAX_FAILED_LOGINS = 5;
    static final Duration LOCK_OUT = Duration.ofMinutes(5);
    private static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final int MAX_TRACKED_UNKNOWN_LOGINS = 10_000;

    private final Database db;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Duration sessionTtl;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, CachedPrincipal> cache = new ConcurrentHashMap<>();
    // Several instances (PostgreSQL): the cache is used only while the cluster's notifications are heard, so a sign-out
    // on another instance evicts the entry here at once (cluster.ClusterNotifications).
    private volatile boolean cacheTrusted = true;
    private volatile java.util.function.Consumer<String> signedOut = tokenHash -> { };
    // moves on each eviction: a session read before a sign-out was heard is not cached after it
    private final java.util.concurrent.atomic.AtomicLong evictions = new java.util.concurrent.atomic.AtomicLong();
    // A stored hash of this hasher's cost that no password matches, verified for unknown logins so timing does not
    // reveal them.
    private final String decoyHash;
    // Unknown login ids lock out exactly like real ones, so the lock-out answer does not tell which accounts exist.
    private final Map<String, UnknownLogin> unknownLogins = new ConcurrentHashMap<>();

    private record UnknownLogin(int failures, OffsetDateTime lockedUntil) {}

    private record CachedPrincipal(Principal principal, OffsetDateTime sessionExpiry, OffsetDateTime cachedUntil) {}

    public record Session(String token, Principal principal, OffsetDateTime expiresAt) {}

    public AccountService(Database db, PasswordHasher hasher, Clock clock, Duration sessionTtl) {
        this.db = db;
        this.hasher = hasher;
        this.clock = clock;
        this.sessionTtl = sessionTtl;
        this.decoyHash = hasher.decoy();
    }

    public long create(String loginId, char[] password, Role role, String displayName) {
        validateLogin(loginId);
        if (password == null || password.length < 8) {
            throw DomainException.invalid("a password needs at least 8 characters");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw DomainException.invalid("a display name of 1 to 200 characters is required");
        }
        String hash = hasher.hash(password);
        try {
            return db.tx(ctx -> ctx.insertInto(ACCOUNT)
                    .set(ACCOUNT.LOGIN_ID, loginId)
                    .set(ACCOUNT.PASSWORD_HASH, hash)
                    .set(ACCOUNT.ROLE, role.name())
                    .set(ACCOUNT.DISPLAY_NAME, displayName)
                    .set(ACCOUNT.CREATED_AT, now())
                    .returningResult(ACCOUNT.ID)
                    .fetchOne(ACCOUNT.ID));
        } catch (IntegrityConstraintViolationException e) {
            throw DomainException.conflict("login-taken", "the login id \"" + loginId + "\" is already in use");
        }
    }

    /** Creates the first organizer when the database has no accounts yet. */
    public boolean bootstrap(String loginId, char[] password, Role role, String displayName) {
        if (db.dsl().fetchExists(ACCOUNT, ACCOUNT.LOGIN_ID.eq(loginId))) {
            return false;
        }
        create(loginId, password, role, displayName);
        return true;
    }

    public Session login(String loginId, char[] password) {
        if (loginId == null || password == null) {
            throw DomainException.invalid("loginId and password are required");
        }
        AccountRecord account = db.dsl().selectFrom(ACCOUNT).where(ACCOUNT.LOGIN_ID.eq(loginId)).fetchOne();
        OffsetDateTime now = now();
        if (account == null) {
            throw unknownLoginFailure(loginId, password, now);
        }
        if (account.getLockedUntil() != null && account.getLockedUntil().isAfter(now)) {
            throw lockedOut(account.getLockedUntil(), now);
        }
        if (!hasher.verify(password, account.getPasswordHash())) {
            db.txRun(ctx -> {
                int failures = ctx.update(ACCOUNT).set(ACCOUNT.FAILED_LOGINS, ACCOUNT.FAILED_LOGINS.plus(1))
                        .where(ACCOUNT.ID.eq(account.getId())).returningResult(ACCOUNT.FAILED_LOGINS)
                        .fetchOne(ACCOUNT.FAILED_LOGINS);
                if (failures >= MAX_FAILED_LOGINS) {
                    ctx.update(ACCOUNT).set(ACCOUNT.LOCKED_UNTIL, now.plus(LOCK_OUT)).set(ACCOUNT.FAILED_LOGINS, 0)
                            .where(ACCOUNT.ID.eq(account.getId())).execute();
                }
            });
            throw wrongCredentials();
        }
        String token = newToken();
        OffsetDateTime expires = now.plus(sessionTtl);
        db.txRun(ctx -> {
            ctx.update(ACCOUNT).set(ACCOUNT.FAILED_LOGINS, 0).setNull(ACCOUNT.LOCKED_UNTIL)
                    .where(ACCOUNT.ID.eq(account.getId())).execute();
            ctx.insertInto(API_SESSION)
                    .set(API_SESSION.TOKEN_HASH, tokenHash(token))
                    .set(API_SESSION.ACCOUNT_ID, account.getId())
                    .set(API_SESSION.CREATED_AT, now)
                    .set(API_SESSION.EXPIRES_AT, expires)
                    .execute();
        });
        return new Session(token, principalOf(account), expires);
    }

    /** Verifies a member's password at the counter (claim 78) without opening a session. */
    public Principal verifyMember(String loginId, char[] password) {
        Session session = login(loginId, password);
        logout(session.token());
        if (session.principal().role() != Role.MEMBER) {
            throw DomainException.invalid("\"" + loginId + "\" is not a member account");
        }
        return session.principal();
    }

    public Principal authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw DomainException.unauthenticated("sign in first: send the session token as \"Authorization: Bearer <token>\"");
        }
        String hash = tokenHash(token);
        OffsetDateTime now = now();
        CachedPrincipal cached = cache.get(hash);
        if (cached != null && cacheTrusted && cached.cachedUntil.isAfter(now) && cached.sessionExpiry.isAfter(now)) {
            return cached.principal;
        }
        long evictionsBefore = evictions.get();
        var row = db.dsl().select(ACCOUNT.fields()).select(API_SESSION.EXPIRES_AT)
                .from(API_SESSION).join(ACCOUNT).on(ACCOUNT.ID.eq(API_SESSION.ACCOUNT_ID))
                .where(API_SESSION.TOKEN_HASH.eq(hash)).fetchOne();
        if (row == null) {
            cache.remove(hash);
            throw DomainException.unauthenticated("the session token is unknown or was signed out; sign in again");
        }
        OffsetDateTime expiry = row.get(API_SESSION.EXPIRES_AT);
        if (!expiry.isAfter(now)) {
            cache.remove(hash);
            throw DomainException.unauthenticated("the session has expired; sign in again");
        }
        Principal principal = principalOf(row.into(ACCOUNT));
        if (cacheTrusted && evictions.get() == evictionsBefore) {
            cache.put(hash, new CachedPrincipal(principal, expiry, now.plus(CACHE_TTL)));
        }
        return principal;
    }

    public void logout(String token) {
        String hash = tokenHash(token);
        cache.remove(hash);
        db.txRun(ctx -> ctx.deleteFrom(API_SESSION).where(API_SESSION.TOKEN_HASH.eq(hash)).execute());
        signedOut.accept(hash);
    }

    /** Tells the other instances of a sign-out (set once, by the cluster's notifications); gets the token's hash. */
    public void onSignOut(java.util.function.Consumer<String> listener) {
        this.signedOut = listener;
    }

    /** A session signed out on another instance: its cached entry goes. */
    public void forgetSession(String tokenHash) {
        evictions.incrementAndGet();
        cache.remove(tokenHash);
    }

    /**
     * Whether cached sessions may be used: false while this instance cannot hear the others' sign-outs (the cache is
     * emptied and every request reads the session from the database), true again once it can.
     */
    public void trustCache(boolean trusted) {
        cacheTrusted = trusted;
        if (!trusted) {
            evictions.incrementAndGet();
            cache.clear();
        }
    }

    public Principal find(long accountId) {
        AccountRecord account = db.dsl().selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(accountId)).fetchOne();
        if (account == null) {
            throw DomainException.notFound("no account " + accountId);
        }
        return principalOf(account);
    }

    public java.util.List<Principal> list(Role role) {
        var query = db.dsl().selectFrom(ACCOUNT);
        var records = role == null ? query.orderBy(ACCOUNT.ID).fetch()
                : query.where(ACCOUNT.ROLE.eq(role.name())).orderBy(ACCOUNT.ID).fetch();
        return records.map(AccountService::principalOf);
    }

    private static Principal principalOf(AccountRecord account) {
        return new Principal(account.getId(), account.getLoginId(), Role.valueOf(account.getRole()),
                account.getDisplayName());
    }

    /** The answer for a login id without an account: the same as for an account, lock-out included. */
    private DomainException unknownLoginFailure(String loginId, char[] password, OffsetDateTime now) {
        UnknownLogin known = unknownLogins.get(loginId);
        if (known != null && known.lockedUntil() != null && known.lockedUntil().isAfter(now)) {
            return lockedOut(known.lockedUntil(), now);
        }
        hasher.verify(password, decoyHash);
        if (unknownLogins.size() >= MAX_TRACKED_UNKNOWN_LOGINS) {
            unknownLogins.values().removeIf(u -> u.lockedUntil() == null || !u.lockedUntil().isAfter(now));
        }
        unknownLogins.compute(loginId, (id, old) -> {
            int failures = old == null || old.lockedUntil() != null ? 1 : old.failures() + 1;
            return failures >= MAX_FAILED_LOGINS ? new UnknownLogin(0, now.plus(LOCK_OUT)) : new UnknownLogin(failures, null);
        });
        return wrongCredentials();
    }

    private static DomainException lockedOut(OffsetDateTime until, OffsetDateTime now) {
        return DomainException.tooManyAttempts("too many wrong passwords for this login id; try again after "
                + until.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime().withNano(0) + " UTC",
                java.time.Duration.between(now, until));
    }

    private static DomainException wrongCredentials() {
        return DomainException.unauthenticated("the login id or the password is wrong");
    }

    private static void validateLogin(String loginId) {
        if (loginId == null || !loginId.matches("[A-Za-z0-9][A-Za-z0-9._@-]{2,63}")) {
            throw DomainException.invalid("a login id has 3 to 64 letters, digits or . _ @ -");
        }
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String tokenHash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
