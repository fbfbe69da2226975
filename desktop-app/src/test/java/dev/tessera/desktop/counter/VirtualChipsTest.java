package dev.tessera.desktop.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.desktop.counter.VirtualChips.VirtualChip;
import dev.tessera.reader.wallet.ChipInfo;
import dev.tessera.reader.wallet.KeyRef;
import dev.tessera.reader.wallet.WalletCard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VirtualChipsTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void theTrayKeepsItsChipsInTheDataFolderAcrossARestart(@TempDir Path data) throws Exception {
        Path file = data.resolve(VirtualChips.FILE_NAME);
        byte[] chipId = HexFormat.of().parseHex("0a0b0c0d0e0f1011");
        byte[] accessKey = random.generateSeed(16);
        ChipInfo before;
        try (VirtualChips tray = new VirtualChips(random, file)) {
            VirtualChip blank = tray.addBlank("Hana's card");
            tray.addBlank("Blank chip 2");
            tray.put(blank);
            WalletCard card = tray.tap();
            card.select();
            card.personalize(chipId, accessKey, random.generateSeed(16));
            before = tray.tap().select();
            tray.issued(tray.onReader().orElseThrow(), "Hana Sato", before.chipIdHex());
        }

        try (VirtualChips again = new VirtualChips(random, file)) {
            assertThat(again.loadProblem()).isEmpty();
            assertThat(again.chips()).extracting(VirtualChip::number, VirtualChip::label, VirtualChip::owner,
                            VirtualChip::chipId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "Hana's card", "Hana Sato", before.chipIdHex()),
                            org.assertj.core.groups.Tuple.tuple(2, "Blank chip 2", null, null));
            again.put(again.chips().getFirst());
            WalletCard card = again.tap();
            ChipInfo after = card.select();
            assertThat(after.chipIdHex()).isEqualTo(before.chipIdHex());
            assertThat(after.publicKey()).isEqualTo(before.publicKey());
            card.authenticate(KeyRef.ACCESS, accessKey);
            assertThat(card.list()).as("issued, no ticket yet").isEmpty();
            again.put(again.chips().get(1));
            assertThat(again.tap().select().blank()).isTrue();
        }
    }

    @Test
    void aDamagedTrayFileIsKeptAsideWholeAndTheTraySaysWhy(@TempDir Path data) throws Exception {
        Path file = data.resolve(VirtualChips.FILE_NAME);
        String damaged = "{\"format\":1,\"chips\":[{\"number\":1,\"label\":\"Hana's card\",\"memory\":{\"lifeC";
        Files.writeString(file, damaged);

        try (VirtualChips tray = new VirtualChips(random, file)) {
            assertThat(tray.chips()).isEmpty();
            List<Path> aside;
            try (var files = Files.list(data)) {
                aside = files.filter(f -> f.getFileName().toString().startsWith(VirtualChips.FILE_NAME + ".damaged-"))
                        .toList();
            }
            assertThat(aside).singleElement().satisfies(f ->
                    assertThat(Files.readString(f, StandardCharsets.UTF_8)).as("nothing of it lost").isEqualTo(damaged));
            assertThat(tray.loadProblem()).hasValueSatisfying(why -> assertThat(why)
                    .startsWith("the chip tray " + VirtualChips.FILE_NAME + " cannot be read (")
                    .endsWith("it was kept as " + aside.getFirst()));
            tray.addBlank("Blank chip 1");
        }
        try (VirtualChips again = new VirtualChips(random, file)) {
            assertThat(again.loadProblem()).isEmpty();
            assertThat(again.chips()).extracting(VirtualChip::label).containsExactly("Blank chip 1");
        }
    }
}
