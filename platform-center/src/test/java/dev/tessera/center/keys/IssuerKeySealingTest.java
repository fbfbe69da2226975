package dev.tessera.center.keys;

import static dev.tessera.center.db.schema.Tables.ISSUER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.db.Database;
import dev.tessera.core.crypto.IssuerKeyPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issuer's signing key (it signs every ticket and certifies every terminal key) at rest: sealed under the same
 * key-encryption key as the chip key masters (docs/operations.md, "Chip keys"), so a database dump alone cannot sign
 * a ticket; a key an earlier version stored in clear is sealed on start and keeps signing; a rotation seals it again.
 */
class IssuerKeySealingTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] MESSAGE = "a ticket".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void aDumpHoldsTheSigningKeyOnlySealedAndTheSameKeyFileOpensItAgain() {
        try (Database db = database("dump")) {
            Path kekFile = dir.resolve("kek");
            IssuerKeys keys = IssuerKeys.loadOrCreate(db, Clock.systemUTC(), ChipKek.loadOrCreate(kekFile), null);
            String stored = db.dsl().select(ISSUER_KEY.PRIVATE_KEY).from(ISSUER_KEY).fetchSingle(ISSUER_KEY.PRIVATE_KEY);
            assertThat(stored).startsWith("gcm1:" + ChipKek.load(kekFile).id() + ":")
                    .doesNotContain(HEX.formatHex(keys.active().privateKeyBytes()));

            IssuerKeys again = IssuerKeys.loadOrCreate(db, Clock.systemUTC(), ChipKek.load(kekFile), null);
            assertThat(again.active().publicKey().keyIdHex()).isEqualTo(keys.active().publicKey().keyIdHex());
            assertThat(keys.active().publicKey().verify(MESSAGE, again.active().sign(MESSAGE))).isTrue();

            ChipKek thief = ChipKek.loadOrCreate(dir.resolve("guess"));
            assertThatThrownBy(() -> IssuerKeys.loadOrCreate(db, Clock.systemUTC(), thief, null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("issuer key " + keys.active().publicKey().keyIdHex())
                    .hasMessageContaining(ChipKek.load(kekFile).id()).hasMessageContaining("docs/operations.md");
        }
    }

    @Test
    void aKeyStoredInClearByAnEarlierVersionIsSealedOnStartAndKeepsSigning() {
        try (Database db = database("legacy")) {
            IssuerKeyPair legacy = IssuerKeyPair.generate(new SecureRandom());
            db.dsl().insertInto(ISSUER_KEY).set(ISSUER_KEY.KEY_ID, legacy.publicKey().keyIdHex())
                    .set(ISSUER_KEY.PUBLIC_KEY, HEX.formatHex(legacy.publicKey().encoded()))
                    .set(ISSUER_KEY.PRIVATE_KEY, HEX.formatHex(legacy.privateKeyBytes()))
                    .set(ISSUER_KEY.ACTIVE, true).set(ISSUER_KEY.CREATED_AT, OffsetDateTime.now()).execute();

            IssuerKeys keys = IssuerKeys.loadOrCreate(db, Clock.systemUTC(), ChipKek.loadOrCreate(dir.resolve("k")), null);

            assertThat(keys.active().publicKey().keyIdHex()).isEqualTo(legacy.publicKey().keyIdHex());
            assertThat(legacy.publicKey().verify(MESSAGE, keys.active().sign(MESSAGE))).isTrue();
            assertThat(keys.publicKeys()).hasSize(1);
            assertThat(db.dsl().select(ISSUER_KEY.PRIVATE_KEY).from(ISSUER_KEY).fetchSingle(ISSUER_KEY.PRIVATE_KEY))
                    .matches(ChipKek::isSealed).doesNotContain(HEX.formatHex(legacy.privateKeyBytes()));
        }
    }

    @Test
    void rotationSealsTheKeyUnderTheNewKekWithoutChangingIt() {
        try (Database db = database("rotate")) {
            Path oldFile = dir.resolve("kek-2026");
            Path newFile = dir.resolve("kek-2027");
            String keyId = IssuerKeys.loadOrCreate(db, Clock.systemUTC(), ChipKek.loadOrCreate(oldFile), null)
                    .active().publicKey().keyIdHex();
            IssuerKeys rotated = IssuerKeys.loadOrCreate(db, Clock.systemUTC(), ChipKek.loadOrCreate(newFile),
                    ChipKek.load(oldFile));
            assertThat(rotated.active().publicKey().keyIdHex()).isEqualTo(keyId);
            assertThat(ChipKek.sealedBy(db.dsl().select(ISSUER_KEY.PRIVATE_KEY).from(ISSUER_KEY)
                    .fetchSingle(ISSUER_KEY.PRIVATE_KEY))).isEqualTo(ChipKek.load(newFile).id());
            assertThat(IssuerKeys.loadOrCreate(db, Clock.systemUTC(), ChipKek.load(newFile), null)
                    .active().publicKey().keyIdHex()).isEqualTo(keyId);
            assertThatThrownBy(() -> IssuerKeys.loadOrCreate(db, Clock.systemUTC(), ChipKek.load(oldFile), null))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    private Database database(String name) {
        return Database.open(CenterConfig.h2FileUrl(dir.resolve(name)), "tessera", "", 2);
    }
}
