package dev.tessera.center.keys;

import static dev.tessera.center.db.schema.Tables.CHIP_KEY_MASTER;
import static dev.tessera.center.db.schema.Tables.ISSUER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.chipkeys.ChipCards;
import dev.tessera.center.db.Database;
import dev.tessera.center.security.CenterWorld;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.SoftHsm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key-encryption key inside a PKCS#11 token (SoftHSM2; docs/operations.md, "Chip keys at rest"): the test makes
 * the token, generates the AES key in it, starts the center with it, sells and opens chip sessions (so the issuer's
 * key and the chip key masters are used), starts it again, and shows that the database alone opens nothing; a
 * rotation from a key file to a token and from one token to another seals every key again.
 */
class TokenKekTest {
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    @Test
    void aCenterOnATokenKeySealsEveryKeyInsideTheTokenAndItsDatabaseAloneOpensNone() throws IOException {
        SoftHsm.Token token = SoftHsm.tokens().getFirst();
        KekSource kek = new KekSource.Token(token.settings(dir, CenterFixture.unique("kek"), null));
        // the set-up generates the AES key inside the token; the key store shows it sensitive and unextractable
        ChipKek generated = kek.openOrCreate();
        assertThat(generated.where()).contains("token 'tessera-a'").contains("slot " + token.slot());
        String url = CenterConfig.h2FileUrl(dir.resolve("world"));
        List<byte[]> keys = new ArrayList<>();
        String chip;
        String issuerKeyId;
        try (CenterWorld world = new CenterWorld(dir, kek)) {
            chip = world.memberA.chipId();
            byte[] access = ChipCards.staticKey(world.fx.center, false, chip);
            keys.add(access);
            keys.add(ChipCards.staticKey(world.fx.center, true, chip));
            keys.add(world.fx.center.services().keys().active().privateKeyBytes());
            issuerKeyId = world.fx.center.services().keys().active().publicKey().keyIdHex();
            // the sale to member A's chip was signed with the sealed issuer key; its chip session uses the masters
            Response session = world.sellerA.client().post("/api/chip-sessions", ChipCards.request(chip, "ACCESS",
                    "SALE", world.saleA, null, null, ChipCards.tap(access)));
            assertThat(session.status()).as(session.body()).isEqualTo(200);
        }
        assertThat(dir.resolve("world.chip-kek")).as("no key file is made beside the database").doesNotExist();
        try (Database db = Database.open(url, "tessera", "", 2)) {
            List<String> sealed = new ArrayList<>(db.dsl().select(CHIP_KEY_MASTER.SECRET).from(CHIP_KEY_MASTER)
                    .fetch(CHIP_KEY_MASTER.SECRET));
            sealed.addAll(db.dsl().select(ISSUER_KEY.PRIVATE_KEY).from(ISSUER_KEY).fetch(ISSUER_KEY.PRIVATE_KEY));
            assertThat(sealed).hasSize(3).allMatch(s -> s.startsWith("gcm1:" + generated.id() + ":"));
        }

        // started again with the token: the same chip keys and the same signing key, and chip sessions still open
        try (CenterFixture again = new CenterFixture(url, "tessera", kek, null)) {
            assertThat(ChipCards.staticKey(again.center, false, chip)).isEqualTo(keys.get(0));
            assertThat(ChipCards.staticKey(again.center, true, chip)).isEqualTo(keys.get(1));
            assertThat(again.center.services().keys().active().publicKey().keyIdHex()).isEqualTo(issuerKeyId);
            assertThat(again.center.services().keys().active().privateKeyBytes()).isEqualTo(keys.get(2));
        }

        // a dump of the database alone: no key in it in any form, and a center given it with any key file refuses
        String script;
        try (Database db = Database.open(url, "tessera", "", 2)) {
            script = String.join("\n", db.dsl().fetch("SCRIPT").getValues(0, String.class)).toLowerCase(Locale.ROOT);
        }
        byte[] file = Files.readAllBytes(dir.resolve("world.mv.db"));
        for (byte[] key : keys) {
            assertThat(script).doesNotContain(HEX.formatHex(key));
            assertThat(indexOf(file, key)).as("raw bytes of a key in the database file").isEqualTo(-1);
        }
        assertThatThrownBy(() -> new CenterFixture(url, "tessera", new KekSource.KeyFile(dir.resolve("guess.kek")),
                null).close())
                .hasMessageContaining("sealed under key-encryption key " + generated.id())
                .hasMessageContaining("docs/operations.md");
    }

    @Test
    void aWrongPinStopsTheStartNamingTheToken() throws IOException {
        SoftHsm.Token token = SoftHsm.tokens().get(2);
        // the right PIN first: the token is then logged in for this process, and the wrong one must still stop it
        KekSource right = KekSource.parse("pkcs11:" + token.settings(dir, "kek", "TESSERA_KEK_PIN"),
                name -> name.equals("TESSERA_KEK_PIN") ? token.pin() : null);
        assertThat(right.openOrCreate().where()).contains("token 'tessera-c'");
        Path settings = token.settings(dir, "kek", "TESSERA_KEK_PIN");
        KekSource wrong = KekSource.parse("pkcs11:" + settings, name -> name.equals("TESSERA_KEK_PIN") ? "wrong-pin-zq" : null);
        assertThatThrownBy(wrong::openOrCreate).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("token 'tessera-c'").hasMessageContaining("slot " + token.slot())
                .hasMessageContaining("refused the PIN from the environment variable TESSERA_KEK_PIN")
                .hasMessageNotContaining("wrong-pin-zq");
        KekSource unset = KekSource.parse("pkcs11:" + settings, name -> null);
        assertThatThrownBy(unset::openOrCreate).hasMessage("set the environment variable TESSERA_KEK_PIN to the user "
                + "PIN of the token 'tessera-c' (slot " + token.slot() + " of " + SoftHsm.LIBRARY + ", key 'kek')");
        Path noSuchSlot = dir.resolve("no-slot.properties");
        Files.writeString(noSuchSlot, Files.readString(settings).replace("slot = " + token.slot(), "slot = 4242"));
        assertThatThrownBy(() -> new KekSource.Token(noSuchSlot, name -> "x").openOrCreate())
                .hasMessageContaining("slot 4242").hasMessageContaining("cannot be opened");
    }

    @Test
    void aRotationFromAKeyFileToATokenAndOnToAnotherTokenSealsEveryKeyAgain() throws IOException {
        String url = CenterConfig.h2FileUrl(dir.resolve("center"));
        KekSource file = new KekSource.KeyFile(dir.resolve("file.kek"));
        KekSource tokenA = new KekSource.Token(SoftHsm.tokens().get(0).settings(dir, CenterFixture.unique("a"), null));
        KekSource tokenB = new KekSource.Token(SoftHsm.tokens().get(1).settings(dir, CenterFixture.unique("b"), null));
        String chip = "0a0b0c0d0e0f0102";
        byte[] access;
        String signer;
        try (CenterFixture first = new CenterFixture(url, "tessera", file, null)) {
            access = ChipCards.staticKey(first.center, false, chip);
            signer = first.center.services().keys().active().publicKey().keyIdHex();
        }
        assertThat(sealedBy(url)).containsOnly(file.open().id());

        // file -> token A: the token key is generated on this start, everything is opened with the file and sealed anew
        try (CenterFixture rotated = new CenterFixture(url, "tessera", tokenA, file)) {
            assertThat(ChipCards.staticKey(rotated.center, false, chip)).isEqualTo(access);
        }
        String idA = tokenA.open().id();
        assertThat(sealedBy(url)).containsOnly(idA);
        assertThatThrownBy(() -> new CenterFixture(url, "tessera", file, null).close())
                .hasMessageContaining("sealed under key-encryption key " + idA);

        // token A -> token B
        try (CenterFixture rotated = new CenterFixture(url, "tessera", tokenB, tokenA)) {
            assertThat(ChipCards.staticKey(rotated.center, false, chip)).isEqualTo(access);
        }
        String idB = tokenB.open().id();
        assertThat(idB).isNotEqualTo(idA);
        assertThat(sealedBy(url)).containsOnly(idB);
        try (CenterFixture onB = new CenterFixture(url, "tessera", tokenB, null)) {
            assertThat(ChipCards.staticKey(onB.center, false, chip)).isEqualTo(access);
            assertThat(onB.center.services().keys().active().publicKey().keyIdHex()).isEqualTo(signer);
            ApiClient organizer = onB.organizer;
            assertThat(organizer.get("/api/issuer-keys").status()).isEqualTo(200);
        }
    }

    /** The kek ids the stored masters and issuer keys are sealed under. */
    private static List<String> sealedBy(String url) {
        try (Database db = Database.open(url, "tessera", "", 2)) {
            List<String> ids = new ArrayList<>();
            db.dsl().select(CHIP_KEY_MASTER.SECRET).from(CHIP_KEY_MASTER).fetch(CHIP_KEY_MASTER.SECRET)
                    .forEach(s -> ids.add(ChipKek.sealedBy(s)));
            db.dsl().select(ISSUER_KEY.PRIVATE_KEY).from(ISSUER_KEY).fetch(ISSUER_KEY.PRIVATE_KEY)
                    .forEach(s -> ids.add(ChipKek.sealedBy(s)));
            assertThat(ids).hasSize(3);
            return ids;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
