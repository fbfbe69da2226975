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
 * The center's Ed25519 issuer keys (claim 29 j: tickets carry the issuer's signature). One key is
 * active for signing; every key ever used stays resolvable for verification.
 */
public final class IssuerKeys implements IssuerKeyResolver {
    private static final HexFormat HEX = HexFormat.of();

    private final IssuerKeyPair active;
    private final List<IssuerPublicKey> all;

    private IssuerKeys(IssuerKeyPair active, List<IssuerPublicKey> all) {
        this.active = active;
        this.all = List.copyOf(all);
    }

    public static IssuerKeys loadOrCreate(Database db, Clock clock) {
        return db.tx(ctx -> {
            var rows = ctx.selectFrom(ISSUER_KEY).orderBy(ISSUER_KEY.CREATED_AT).fetch();
            var activeRow = rows.stream().filter(r -> r.getActive()).findFirst();
            IssuerKeyPair active;
            if (activeRow.isPresent()) {
                active = IssuerKeyPair.fromPrivate(HEX.parseHex(activeRow.get().getPrivateKey()));
            } else {
                active = IssuerKeyPair.generate(new SecureRandom());
                ctx.insertInto(ISSUER_KEY)
                        .set(ISSUER_KEY.KEY_ID, active.publicKey().keyIdHex())
                        .set(ISSUER_KEY.PUBLIC_KEY, HEX.formatHex(active.publicKey().encoded()))
                        .set(ISSUER_KEY.PRIVATE_KEY, HEX.formatHex(active.privateKeyBytes()))
                        .set(ISSUER_KEY.ACTIVE, true)
                        .set(ISSUER_KEY.CREATED_AT, OffsetDateTime.now(clock))
                        .onConflictDoNothing()
                        .execute();
            }
            List<IssuerPublicKey> keys = new java.util.ArrayList<>(rows.map(r -> IssuerPublicKey.of(HEX.parseHex(r.getPublicKey()))));
            if (activeRow.isEmpty()) {
                keys.add(active.publicKey());
            }
            return new IssuerKeys(active, keys);
        });
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
