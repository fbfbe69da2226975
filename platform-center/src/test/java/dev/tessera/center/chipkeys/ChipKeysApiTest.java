package dev.tessera.center.chipkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.core.crypto.ChipKeys;
import dev.tessera.core.model.Role;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChipKeysApiTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    static Path dir;
    CenterFixture fx;

    @BeforeAll
    void start() {
        fx = new CenterFixture(CenterConfig.h2FileUrl(dir.resolve("center")), "tessera");
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @Test
    void sellersGetBothDiversifiedKeysOfAnyChipAndTheyAreStable() {
        Account seller = fx.account(Role.SELLER);
        String chipId = chipId();
        Response first = seller.client().post("/api/chip-keys", Map.of("chipId", chipId));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.get("accessKey").asText()).hasSize(32);
        assertThat(first.get("gateKey").asText()).hasSize(32).isNotEqualTo(first.get("accessKey").asText());
        Response again = fx.organizer.post("/api/chip-keys", Map.of("chipId", chipId));
        assertThat(again.get("accessKey").asText()).isEqualTo(first.get("accessKey").asText());
        Response other = seller.client().post("/api/chip-keys", Map.of("chipId", chipId()));
        assertThat(other.get("accessKey").asText()).isNotEqualTo(first.get("accessKey").asText());
        assertThat(seller.client().post("/api/chip-keys", Map.of("chipId", "XYZ")).status()).isEqualTo(400);
    }

    @Test
    void aMemberGetsOnlyTheAccessKeyOfItsOwnChip() {
        Account seller = fx.account(Role.SELLER);
        Account member = fx.account(Role.MEMBER);
        String mine = chipId();
        Response chip = seller.client().post("/api/chips", Map.of("chipId", mine, "publicKey",
                HexFormat.of().formatHex(ChipKeys.generate(RANDOM).publicKeySec1()), "memberId", member.id()));
        assertThat(chip.status()).as(chip.body()).isEqualTo(201);
        Response own = member.client().post("/api/chip-keys", Map.of("chipId", mine));
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.get("accessKey").asText())
                .isEqualTo(seller.client().post("/api/chip-keys", Map.of("chipId", mine)).get("accessKey").asText());
        assertThat(own.get("gateKey").isNull()).isTrue();
        assertThat(member.client().post("/api/chip-keys", Map.of("chipId", chipId())).status()).isEqualTo(404);
        assertThat(fx.account(Role.GATE).client().post("/api/chip-keys", Map.of("chipId", mine)).status()).isEqualTo(403);
        assertThat(fx.anonymous.post("/api/chip-keys", Map.of("chipId", mine)).status()).isEqualTo(401);
    }

    @Test
    void theGatePackageListsTheChipsHoldingTheEventsTickets() {
        Account seller = fx.account(Role.SELLER);
        Account gate = fx.account(Role.GATE);
        EventSetup ev = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(
                dev.tessera.core.seatmap.SampleVenues.theatre(), 10)), Map.of());
        String chipId = chipId();
        String publicKey = HexFormat.of().formatHex(ChipKeys.generate(RANDOM).publicKeySec1());
        seller.client().post("/api/chips", Map.of("chipId", chipId, "publicKey", publicKey));
        Response hold = seller.client().post("/api/events/" + ev.eventId() + "/holds", Map.of("bestAvailable",
                Map.of("count", 2, "categoryId", ev.map().categories().getFirst().id())));
        Response sale = seller.client().post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                "customer", Map.of("auth", "WALK_IN", "chipId", chipId), "payment", Map.of("method", "CARD")));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);

        Response pkg = gate.client().get("/api/events/" + ev.eventId() + "/gate-package");
        assertThat(pkg.status()).as(pkg.body()).isEqualTo(200);
        assertThat(pkg.get("chips")).hasSize(1);
        assertThat(pkg.get("chips").get(0).get("chipId").asText()).isEqualTo(chipId);
        assertThat(pkg.get("chips").get(0).get("publicKey").asText()).isEqualTo(publicKey);
        assertThat(pkg.get("chips").get(0).get("gateKey").asText())
                .isEqualTo(seller.client().post("/api/chip-keys", Map.of("chipId", chipId)).get("gateKey").asText());
        assertThat(seller.client().get("/api/events/" + ev.eventId() + "/gate-package").status()).isEqualTo(403);
        assertThat(gate.client().get("/api/events/999999/gate-package").status()).isEqualTo(404);
    }

    @Test
    void diversificationIsAesCmacOfLabelAndChipId() {
        byte[] master = new byte[16];
        byte[] key = ChipKeyService.diversify(master, ChipKeyService.ACCESS_LABEL, HexFormat.of().parseHex("0102030405060708"));
        assertThat(key).hasSize(16).isNotEqualTo(ChipKeyService.diversify(master, ChipKeyService.GATE_LABEL,
                HexFormat.of().parseHex("0102030405060708")));
    }

    private static String chipId() {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
