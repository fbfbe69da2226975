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
import java.util.List;
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
    void aSellerPersonalizesABlankCardWithKeysForAChipIdTheCenterPicksOnlyOnce() {
        Account seller = fx.account(Role.SELLER);
        Response first = seller.client().post("/api/chip-personalizations", Map.of());
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String chipId = first.get("chipId").asText();
        assertThat(chipId).matches("[0-9a-f]{16}");
        assertThat(first.get("accessKey").asText()).hasSize(32)
                .isEqualTo(HexFormat.of().formatHex(ChipCards.staticKey(fx.center, false, chipId)));
        assertThat(first.get("gateKey").asText()).hasSize(32).isNotEqualTo(first.get("accessKey").asText())
                .isEqualTo(HexFormat.of().formatHex(ChipCards.staticKey(fx.center, true, chipId)));
        Response second = seller.client().post("/api/chip-personalizations", Map.of());
        assertThat(second.get("chipId").asText()).isNotEqualTo(chipId);
        assertThat(second.get("accessKey").asText()).isNotEqualTo(first.get("accessKey").asText());
        // no one else personalizes, and there is no way to name the chip id whose keys one wants
        for (Role role : new Role[] {Role.ORGANIZER, Role.MANAGER, Role.GATE, Role.MEMBER}) {
            Response refused = fx.account(role).client().post("/api/chip-personalizations", Map.of());
            assertThat(refused.status()).as(role + ": " + refused.body()).isEqualTo(403);
            assertThat(refused.body()).doesNotContain("accessKey");
        }
        assertThat(seller.client().post("/api/chip-personalizations", Map.of("chipId", chipId)).status()).isEqualTo(400);
        assertThat(fx.anonymous.post("/api/chip-personalizations", Map.of()).status()).isEqualTo(401);
        assertThat(seller.client().post("/api/chip-keys", Map.of("chipId", chipId)).status())
                .as("the old key route is gone").isEqualTo(404);
    }

    @Test
    void theIssuingSellerOpensAMembershipSessionWhileTheIssueIsFreshAndNoOneElseDoes() {
        Account seller = fx.account(Role.SELLER);
        Account other = fx.account(Role.SELLER);
        String chipId = seller.client().post("/api/chip-personalizations", Map.of()).get("chipId").asText();
        byte[] access = ChipCards.staticKey(fx.center, false, chipId);

        ChipCards.Tap tap = ChipCards.tap(access);
        Response granted = seller.client().post("/api/chip-sessions",
                ChipCards.request(chipId, "ACCESS", "MEMBERSHIP", null, null, null, tap));
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.get("hostCryptogram").asText()).isEqualTo(HexFormat.of().formatHex(tap.hostCryptogram(access)));
        assertThat(granted.get("sessionKey").asText()).isEqualTo(HexFormat.of().formatHex(tap.sessionKey(access)));
        assertThat(granted.body()).doesNotContain(HexFormat.of().formatHex(access));

        Response refused = other.client().post("/api/chip-sessions",
                ChipCards.request(chipId, "ACCESS", "MEMBERSHIP", null, null, null, ChipCards.tap(access)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).doesNotContain("sessionKey").doesNotContain("hostCryptogram");

        fx.clock.advance(ChipSessionService.MEMBERSHIP_WINDOW.plusMinutes(1));
        Response late = seller.client().post("/api/chip-sessions",
                ChipCards.request(chipId, "ACCESS", "MEMBERSHIP", null, null, null, ChipCards.tap(access)));
        assertThat(late.status()).as("after the issue window: " + late.body()).isEqualTo(403);
    }

    @Test
    void aCardWithoutTheKeyIsFoundBeforeTheCenterAnswersAndEveryOutcomeIsAudited() {
        Account seller = fx.account(Role.SELLER);
        Account manager = fx.account(Role.MANAGER);
        String chipId = seller.client().post("/api/chip-personalizations", Map.of()).get("chipId").asText();
        byte[] wrongKey = new byte[16];
        RANDOM.nextBytes(wrongKey);
        Response wrong = seller.client().post("/api/chip-sessions",
                ChipCards.request(chipId, "ACCESS", "MEMBERSHIP", null, null, null, ChipCards.tap(wrongKey)));
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(409);
        assertThat(wrong.get("type").asText()).endsWith("card-cryptogram");
        assertThat(wrong.body()).doesNotContain("sessionKey");
        ChipCards.Tap good = ChipCards.tap(ChipCards.staticKey(fx.center, false, chipId));
        assertThat(seller.client().post("/api/chip-sessions", ChipCards.request(chipId, "GATE", "MEMBERSHIP", null, null,
                null, good)).status()).as("a membership session with the gate key").isEqualTo(403);
        assertThat(seller.client().post("/api/chip-sessions", ChipCards.request(chipId, "ACCESS", "MEMBERSHIP", null,
                null, null, good)).status()).isEqualTo(200);
        assertThat(seller.client().post("/api/chip-sessions", ChipCards.request("XYZ", "ACCESS", "MEMBERSHIP", null,
                null, null, good)).status()).isEqualTo(400);
        assertThat(seller.client().post("/api/chip-sessions", ChipCards.request(chipId, "ACCESS", "LOOK", null,
                null, null, good)).status()).isEqualTo(400);
        assertThat(fx.anonymous.post("/api/chip-sessions", ChipCards.request(chipId, "ACCESS", "MEMBERSHIP", null,
                null, null, good)).status()).isEqualTo(401);

        Response uses = manager.client().get("/api/chips/" + chipId + "/key-uses");
        assertThat(uses.status()).as(uses.body()).isEqualTo(200);
        assertThat(uses.json().findValuesAsText("outcome"))
                .containsExactly("GRANTED", "REFUSED", "BAD_CRYPTOGRAM", "PERSONALIZED");
        assertThat(uses.json().findValuesAsText("accountId")).containsOnly(Long.toString(seller.id()));
        assertThat(uses.json().findValuesAsText("purpose")).containsOnly("MEMBERSHIP");
        assertThat(uses.json().get(1).get("reason").asText()).contains("uses the access key");
        assertThat(seller.client().get("/api/chips/" + chipId + "/key-uses").status()).isEqualTo(403);
    }

    @Test
    void everyKeyUseNamesTheTerminalItWasForAndNoSellerMayNameAnotherSellersTerminal() {
        Account seller = fx.account(Role.SELLER);
        Account other = fx.account(Role.SELLER);
        Account manager = fx.account(Role.MANAGER);
        String till = CenterFixture.unique("till");
        String othersTill = CenterFixture.unique("till");
        for (var registration : Map.of(seller, till, other, othersTill).entrySet()) {
            Response registered = registration.getKey().client().post("/api/terminals", Map.of("terminalId",
                    registration.getValue(), "publicKey", HexFormat.of().formatHex(
                            dev.tessera.core.crypto.IssuerKeyPair.generate(RANDOM).publicKey().encoded())));
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        }
        assertThat(seller.client().post("/api/chip-personalizations", Map.of("terminalId", othersTill)).status())
                .as("a personalization at another seller's terminal").isEqualTo(403);
        String chipId = seller.client().post("/api/chip-personalizations", Map.of("terminalId", till)).get("chipId")
                .asText();
        ChipCards.Tap tap = ChipCards.tap(ChipCards.staticKey(fx.center, false, chipId));
        Map<String, Object> atTill = new java.util.LinkedHashMap<>(ChipCards.request(chipId, "ACCESS", "MEMBERSHIP",
                null, null, null, tap));
        atTill.put("terminalId", till);
        Response granted = seller.client().post("/api/chip-sessions", atTill);
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        atTill.put("terminalId", othersTill);
        Response borrowed = seller.client().post("/api/chip-sessions", atTill);
        assertThat(borrowed.status()).as(borrowed.body()).isEqualTo(403);
        assertThat(borrowed.get("detail").asText()).contains("terminal " + othersTill + " is registered to another account");
        atTill.put("terminalId", "not a terminal id");
        assertThat(seller.client().post("/api/chip-sessions", atTill).status()).isEqualTo(400);
        // a gate or a member's computer registers no terminal: the id it states is kept as stated
        Map<String, Object> unregistered = new java.util.LinkedHashMap<>(ChipCards.request(chipId, "ACCESS",
                "MEMBERSHIP", null, null, null, ChipCards.tap(ChipCards.staticKey(fx.center, false, chipId))));
        unregistered.put("terminalId", "gate-north-1");
        assertThat(seller.client().post("/api/chip-sessions", unregistered).status()).isEqualTo(200);
        assertThat(seller.client().post("/api/chip-sessions", ChipCards.request(chipId, "ACCESS", "MEMBERSHIP", null,
                null, null, ChipCards.tap(ChipCards.staticKey(fx.center, false, chipId)))).status()).isEqualTo(200);

        Response uses = manager.client().get("/api/chips/" + chipId + "/key-uses");
        assertThat(uses.status()).as(uses.body()).isEqualTo(200);
        List<String> terminals = new java.util.ArrayList<>();
        uses.json().forEach(use -> terminals.add(use.get("terminalId").isNull() ? null : use.get("terminalId").asText()));
        assertThat(terminals).containsExactly(null, "gate-north-1", othersTill, till, till);
        assertThat(uses.json().findValuesAsText("outcome"))
                .containsExactly("GRANTED", "GRANTED", "REFUSED", "GRANTED", "PERSONALIZED");
        assertThat(uses.json().findValuesAsText("accountId")).containsOnly(Long.toString(seller.id()));
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
                .as("the chip's gate key for this event only")
                .isEqualTo(HexFormat.of().formatHex(ChipCards.eventGateKey(fx.center, chipId, ev.eventId())));
        assertThat(pkg.body()).as("a gate package never carries a chip's gate key, which would open every event")
                .doesNotContain(HexFormat.of().formatHex(ChipCards.staticKey(fx.center, true, chipId)));
        assertThat(pkg.body()).as("a gate package never carries an access key")
                .doesNotContain(HexFormat.of().formatHex(ChipCards.staticKey(fx.center, false, chipId)));
        assertThat(seller.client().get("/api/events/" + ev.eventId() + "/gate-package").status()).isEqualTo(403);
        assertThat(gate.client().get("/api/events/999999/gate-package").status()).isEqualTo(404);
    }

    @Test
    void diversificationIsAesCmacOfLabelAndChipId() {
        byte[] master = new byte[16];
        byte[] chip = HexFormat.of().parseHex("0102030405060708");
        byte[] key = ChipKeyService.diversify(master, ChipKeyService.ACCESS_LABEL, chip);
        assertThat(key).hasSize(16).isNotEqualTo(ChipKeyService.diversify(master, ChipKeyService.GATE_LABEL, chip));
        byte[] label = {ChipKeyService.ACCESS_LABEL, 1, 2, 3, 4, 5, 6, 7, 8};
        assertThat(key).isEqualTo(dev.tessera.core.crypto.ChipSessionCrypto.cmac(master, label));
    }

    private static String chipId() {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
