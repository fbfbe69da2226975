package dev.tessera.center.keys;

import static dev.tessera.center.db.schema.Tables.ISSUER_KEY;

import dev.tessera.center.db.Database;
import dev.tessera.core.crypto.IssuerKeyPair;
import dev.tessera.core.crypto.IssuerPublicKey;
import dev.tessera.core.ticket.IssuerKeyResolver;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The center's Ed25519 issuer keys (claim 29 j: tickets carry the issuer's signature; the active key also certifies
 * terminal keys). One key is active for signing; every key ever used stays resolvable for verification. The private
 * keys are sealed at rest under the center's key-encryption key ({@link ChipKek}, docs/operations.md), like the chip
 * key masters: a database dump alone yields no signing key.
 */
public final class IssuerKeys implements IssuerKeyResolver {
    private static final HexFormat HEX = HexFormat.of();
    /** The transaction-level advisory lock a start takes on PostgreSQL while it loads or creates the keys. */
    private static final long KEYS_LOCK = 0x5453_5241_4953_5331L;

    private final IssuerKeyPair active;
    private final List<IssuerPublicKey> all;

    private IssuerKeys(IssuerKeyPair active, List<IssuerPublicKey> all) {
        this.active = active;
        this.all = List.copyOf(all);
    }

    /**
     * Loads the keys, creating the first on the first start. Private keys stored in clear (by versions before they
     * were sealed) or under {@code previous} (a key-encryption key being rotated out) are sealed under {@code kek}.
     *
     * @param previous null unless the key-encryption key is being rotated
     * @throws IllegalStateException when a private key is sealed under a key-encryption key not at hand
     */
    public static IssuerKeys loadOrCreate(Database db, Clock clock, ChipKek kek, ChipKek previous) {
        return db.tx(ctx -> {
            if (db.dialect() == org.jooq.SQLDialect.POSTGRES) {
                // instances of a cluster starting together on a new database: one creates the key, the others wait
                // and load it (FOR UPDATE locks no row while there is none, so each would create an active key of its
                // own and sign tickets with a key the others do not publish)
                ctx.resultQuery("SELECT pg_advisory_xact_lock(?)", KEYS_LOCK).fetch();
            }
            var rows = ctx.selectFrom(ISSUER_KEY).orderBy(ISSUER_KEY.CREATED_AT).forUpdate().fetch();
            IssuerKeyPair active = null;
            for (var row : rows) {
                ChipKek.Opened opened = kek.openOrReseal(row.getPrivateKey(), purpose(row.getKeyId()), previous,
                        "the issuer key " + row.getKeyId());
                if (opened.reseal() != null) {
                    ctx.update(ISSUER_KEY).set(ISSUER_KEY.PRIVATE_KEY, opened.reseal())
                            .where(ISSUER_KEY.KEY_ID.eq(row.getKeyId())).execute();
                }
                if (row.getActive()) {
                    active = IssuerKeyPair.fromPrivate(opened.secret());
                }
            }
            boolean created = active == null;
            if (created) {
                active = IssuerKeyPair.generate(new SecureRandom());
                ctx.insertInto(ISSUER_KEY)
                        .set(ISSUER_KEY.KEY_ID, active.publicKey().keyIdHex())
                        .set(ISSUER_KEY.PUBLIC_KEY, HEX.formatHex(active.publicKey().encoded()))
                        .set(ISSUER_KEY.PRIVATE_KEY, kek.seal(active.privateKeyBytes(),
                                purpose(active.publicKey().keyIdHex())))
                        .set(ISSUER_KEY.ACTIVE, true)
                        .set(ISSUER_KEY.CREATED_AT, OffsetDateTime.now(clock))
                        .onConflictDoNothing()
                        .execute();
            }
            List<IssuerPublicKey> keys = new java.util.ArrayList<>(rows.map(r -> IssuerPublicKey.of(HEX.parseHex(r.getPublicKey()))));
            if (created) {
                keys.add(active.publicKey());
            }
            return new IssuerKeys(active, keys);
        });
    }

    /** The associated data a private key is sealed with: bound to its key id, so rows cannot be swapped. */
    static String purpose(String keyId) {
        return "issuer " + keyId;
    }

    public IssuerKeyPair active() {
        return active;
    }

    public List<IssuerPublicKey> publicKeys() {
        return all;
    }

    @Override
    public Optional<IssuerPublicKey> find(byte[] keyId) {
        return all.stream().filter(k -> Arrays.equals(k.keyId(), keyId)).findFirst();
    }
}
