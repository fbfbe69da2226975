package dev.tessera.center.chipkeys;

import static dev.tessera.center.db.schema.Tables.CHIP_KEY_MASTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.center.keys.ChipKek;
import dev.tessera.center.CenterConfig;
import dev.tessera.center.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chip key masters at rest (docs/operations.md, "Chip keys"): sealed with AES-GCM under a key-encryption key from a
 * file outside the database, so a dump alone yields no chip key; masters in clear are sealed on start; a rotation
 * seals them again under the new key without changing any chip's key; the wrong key file stops the start.
 */
class ChipKekTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] CHIP = HEX.parseHex("0102030405060708");

    @TempDir
    Path dir;

    @Test
    void aDumpHoldsOnlySealedMastersAndTheKeyFileIsTheOwnersAlone() throws Exception {
        try (Database db = database("dump")) {
            Path kekFile = dir.resolve("kek");
            ChipKeyService keys = ChipKeyService.loadOrCreate(db, Clock.systemUTC(), ChipKek.loadOrCreate(kekFile), null);
            List<String> stored = db.dsl().select(CHIP_KEY_MASTER.SECRET).from(CHIP_KEY_MASTER).fetch(CHIP_KEY_MASTER.SECRET);
            assertThat(stored).hasSize(2).allMatch(s -> s.startsWith("gcm1:" + ChipKek.load(kekFile).id() + ":"));
            // nothing in the row is the master: the chip's key is not a diversification of any hex run in it
            for (String s : stored) {
                assertThat(s).doesNotMatch(".*[0-9a-f]{32}.*");
            }
            assertThat(Files.getPosixFilePermissions(kekFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            // another key file (a thief's guess) opens nothing
            ChipKek other = ChipKek.loadOrCreate(dir.resolve("other"));
            assertThatThrownBy(() -> other.open(stored.getFirst(), "ACCESS")).isInstanceOf(IllegalStateException.class);
            // the same key file opens them again, to the same chip keys
            ChipKeyService again = ChipKeyService.loadOrCreate(db, Clock.systemUTC(), ChipKek.load(kekFile), null);
            assertThat(again.staticKey(false, CHIP)).isEqualTo(keys.staticKey(false, CHIP));
            assertThat(again.staticKey(true, CHIP)).isEqualTo(keys.staticKey(true, CHIP)).isNotEqualTo(keys.staticKey(false, CHIP));
        }
    }

    @Test
    void mastersInClearAreSealedOnStartAndKeepEveryChipsKey() {
        try (Database db = database("legacy")) {
            byte[] access = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
            byte[] gate = HEX.parseHex("f0e0d0c0b0a090807060504030201000");
            db.dsl().insertInto(CHIP_KEY_MASTER).set(CHIP_KEY_MASTER.PURPOSE, "ACCESS")
                    .set(CHIP_KEY_MASTER.SECRET, HEX.formatHex(access)).set(CHIP_KEY_MASTER.CREATED_AT, OffsetDateTime.now()).execute();
            db.dsl().insertInto(CHIP_KEY_MASTER).set(CHIP_KEY_MASTER.PURPOSE, "GATE")
                    .set(CHIP_KEY_MASTER.SECRET, HEX.formatHex(gate)).set(CHIP_KEY_MASTER.CREATED_AT, OffsetDateTime.now()).execute();
            ChipKeyService keys = ChipKeyService.loadOrCreate(db, Clock.systemUTC(), ChipKek.loadOrCreate(dir.resolve("k")), null);
            assertThat(keys.staticKey(false, CHIP)).isEqualTo(ChipKeyService.diversify(access, ChipKeyService.ACCESS_LABEL, CHIP));
            assertThat(keys.staticKey(true, CHIP)).isEqualTo(ChipKeyService.diversify(gate, ChipKeyService.GATE_LABEL, CHIP));
            assertThat(db.dsl().select(CHIP_KEY_MASTER.SECRET).from(CHIP_KEY_MASTER).fetch(CHIP_KEY_MASTER.SECRET))
                    .allMatch(ChipKek::isSealed).noneMatch(s -> s.contains(HEX.formatHex(access)) || s.contains(HEX.formatHex(gate)));
        }
    }

    @Test
    void rotationSealsTheMastersUnderTheNewKeyAndTheOldKeyAloneNoLongerStartsTheCenter() {
        try (Database db = database("rotate")) {
            Path oldFile = dir.resolve("kek-2026");
            Path newFile = dir.resolve("kek-2027");
            byte[] before = ChipKeyService.loadOrCreate(db, Clock.systemUTC(), ChipKek.loadOrCreate(oldFile), null)
                    .staticKey(false, CHIP);
            assertThatThrownBy(() -> ChipKeyService.loadOrCreate(db, Clock.systemUTC(), ChipKek.loadOrCreate(newFile), null))
                    .as("the new key alone cannot open what the old one sealed").isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(ChipKek.load(oldFile).id()).hasMessageContaining("docs/operations.md");
            ChipKeyService rotated = ChipKeyService.loadOrCreate(db, Clock.systemUTC(), ChipKek.load(newFile),
                    ChipKek.load(oldFile));
            assertThat(rotated.staticKey(false, CHIP)).isEqualTo(before);
            assertThat(db.dsl().select(CHIP_KEY_MASTER.SECRET).from(CHIP_KEY_MASTER).fetch(CHIP_KEY_MASTER.SECRET))
                    .allMatch(s -> ChipKek.sealedBy(s).equals(ChipKek.load(newFile).id()));
            assertThat(ChipKeyService.loadOrCreate(db, Clock.systemUTC(), ChipKek.load(newFile), null).staticKey(false, CHIP))
                    .isEqualTo(before);
            assertThatThrownBy(() -> ChipKeyService.loadOrCreate(db, Clock.systemUTC(), ChipKek.load(oldFile), null))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theCenterKeepsItsKeyFileNextToAnH2DatabaseUnlessTold() {
        CenterConfig h2 = CenterConfig.of(CenterConfig.h2FileUrl(dir.resolve("center")), "tessera", "", 0);
        assertThat(h2.chipKekPath()).isEqualTo(dir.resolve("center.chip-kek").toAbsolutePath());
        assertThat(h2.withChipKek(dir.resolve("elsewhere"), null).chipKekPath()).isEqualTo(dir.resolve("elsewhere"));
    }

    private Database database(String name) {
        return Database.open(CenterConfig.h2FileUrl(dir.resolve(name)), "tessera", "", 2);
    }
}
