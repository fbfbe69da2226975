package dev.tessera.center.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.center.support.MemberCards;
import dev.tessera.core.crypto.ChipKeys;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.SampleVenues;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 15: a member card proves itself. A sale in a member's name by MEMBER_CARD needs the card's INTERNAL
 * AUTHENTICATE signature over a fresh, single-use challenge the center gave this seller (H2 and PostgreSQL).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MemberCardProofContractTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    CenterFixture fx;
    Account seller;
    Account otherSeller;
    EventSetup ev;
    ChipKeys keys;
    String chipId;
    long memberId;

    abstract String jdbcUrl();

    abstract String dbUser();

    @BeforeAll
    void startCenter() {
        fx = new CenterFixture(jdbcUrl(), dbUser());
        seller = fx.account(Role.SELLER);
        otherSeller = fx.account(Role.SELLER);
        ev = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(SampleVenues.theatre(), 50),
                otherSeller, CenterFixture.quotaForAll(SampleVenues.theatre(), 50)), Map.of());
        keys = ChipKeys.generate(RANDOM);
        chipId = HEX.formatHex(RANDOM.generateSeed(8));
        memberId = registerMember(chipId, keys);
    }

    @AfterAll
    void stopCenter() {
        if (fx != null) {
            fx.closeCheckingTheLedger();
        }
    }

    @Test
    void aChallengeIsFreshRandomShortLivedAndOnlyForSellersAndGates() {
        java.time.Instant before = fx.clock.instant();
        Response a = MemberCards.challenge(seller.client());
        java.time.Instant after = fx.clock.instant();
        Response b = MemberCards.challenge(seller.client());
        assertThat(a.get("challenge").asText()).matches("[0-9a-f]{64}").isNotEqualTo(b.get("challenge").asText());
        assertThat(a.get("challengeId").asText()).isNotEqualTo(b.get("challengeId").asText());
        assertThat(OffsetDateTime.parse(a.get("expiresAt").asText()).toInstant())
                .isBetween(before.plus(Duration.ofMinutes(2)), after.plus(Duration.ofMinutes(2)));
        assertThat(fx.account(Role.GATE).client().post("/api/chip-challenges", Map.of()).status()).isEqualTo(201);
        assertThat(fx.account(Role.MEMBER).client().post("/api/chip-challenges", Map.of()).status()).isEqualTo(403);
        assertThat(fx.anonymous.post("/api/chip-challenges", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void aGenuineCardBuysAsTheMember() {
        Response sale = sell(seller, MemberCards.provenCustomer(seller.client(), chipId, keys));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        JsonNode found = seller.client().get("/api/sales?saleId=" + sale.get("saleId").asLong()).json().get(0);
        assertThat(found.get("customerAuth").asText()).isEqualTo("MEMBER_CARD");
        assertThat(sale.get("tickets").get(0).get("holderChipId").asText()).isEqualTo(chipId);
    }

    @Test
    void aChipIdAloneIsRefused() {
        assertRefused(sell(seller, Map.of("auth", "MEMBER_CARD", "chipId", chipId)), 422, "hold it to the reader again");
    }

    @Test
    void aReplayedChallengeIsRefused() {
        Map<String, Object> proof = MemberCards.provenCustomer(seller.client(), chipId, keys);
        assertThat(sell(seller, proof).status()).isEqualTo(201);
        assertRefused(sell(seller, proof), 422, "already used");
    }

    @Test
    void anotherSellersChallengeIsRefused() {
        Map<String, Object> theirs = MemberCards.provenCustomer(otherSeller.client(), chipId, keys);
        assertRefused(sell(seller, theirs), 422, "unknown to this counter");
        assertThat(sell(otherSeller, theirs).status()).as("still good for the seller who asked").isEqualTo(201);
    }

    @Test
    void anExpiredChallengeIsRefused() {
        Map<String, Object> proof = MemberCards.provenCustomer(seller.client(), chipId, keys);
        fx.clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        assertRefused(sell(seller, proof), 422, "expired");
    }

    @Test
    void aWrongKeysSignatureIsRefusedAndLeavesTheChallengeUnspent() {
        Response c = MemberCards.challenge(seller.client());
        String challenge = c.get("challenge").asText();
        Map<String, Object> forged = customer(chipId, c.get("challengeId").asText(),
                MemberCards.sign(ChipKeys.generate(RANDOM), chipId, challenge));
        assertRefused(sell(seller, forged), 422, "does not match");
        Map<String, Object> otherMessage = customer(chipId, c.get("challengeId").asText(),
                MemberCards.sign(keys, chipId, HEX.formatHex(RANDOM.generateSeed(32))));
        assertRefused(sell(seller, otherMessage), 422, "does not match");
        assertRefused(sell(seller, customer(chipId, c.get("challengeId").asText(), "3006020101020101")), 422,
                "does not match");
        assertRefused(sell(seller, customer(chipId, c.get("challengeId").asText(), "not-hex")), 422, "hold it");
        Response genuine = sell(seller, customer(chipId, c.get("challengeId").asText(), MemberCards.sign(keys, chipId, challenge)));
        assertThat(genuine.status()).as(genuine.body()).isEqualTo(201);
    }

    @Test
    void anUnregisteredChipIsRefused() {
        ChipKeys stranger = ChipKeys.generate(RANDOM);
        String strangerId = HEX.formatHex(RANDOM.generateSeed(8));
        assertRefused(sell(seller, MemberCards.provenCustomer(seller.client(), strangerId, stranger)), 422, "not registered");
    }

    @Test
    void aCopiedChipIdWithItsOwnKeyIsRefused() {
        // a copy answers with a key of its own for the member's chip id: the registered key decides
        ChipKeys copy = ChipKeys.generate(RANDOM);
        assertRefused(sell(seller, MemberCards.provenCustomer(seller.client(), chipId, copy)), 422, "does not match");
    }

    @Test
    void nothingIsSoldWhenTheCardIsRefused() {
        Response hold = hold(seller);
        long holdId = hold.get("id").asLong();
        Response refused = seller.client().post("/api/sales", Map.of("holdId", holdId,
                "customer", Map.of("auth", "MEMBER_CARD", "chipId", chipId), "payment", Map.of("method", "CASH")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(seller.client().get("/api/holds/" + holdId).get("status").asText()).isEqualTo("ACTIVE");
        Response sold = seller.client().post("/api/sales", Map.of("holdId", holdId,
                "customer", MemberCards.provenCustomer(seller.client(), chipId, keys), "payment", Map.of("method", "CASH")));
        assertThat(sold.status()).as(sold.body()).isEqualTo(201);
    }

    private static Map<String, Object> customer(String chip, String challengeId, String signature) {
        Map<String, Object> c = new HashMap<>();
        c.put("auth", "MEMBER_CARD");
        c.put("chipId", chip);
        c.put("challengeId", challengeId);
        c.put("signature", signature);
        return c;
    }

    private Response sell(Account by, Map<String, Object> customer) {
        Response hold = hold(by);
        return by.client().post("/api/sales", Map.of("holdId", hold.get("id").asLong(), "customer", customer,
                "payment", Map.of("method", "CASH")));
    }

    private Response hold(Account by) {
        Response hold = by.client().post("/api/events/" + ev.eventId() + "/holds",
                Map.of("bestAvailable", Map.of("count", 1, "categoryId", ev.map().categories().getFirst().id())));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        return hold;
    }

    private static void assertRefused(Response r, int status, String detailContains) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.get("detail").asText()).contains("The card did not prove it is the member's card")
                .contains(detailContains);
    }

    private long registerMember(String chip, ChipKeys card) {
        Response member = seller.client().post("/api/members", Map.of("loginId", CenterFixture.unique("m"),
                "password", "member-password", "displayName", "Member Mia"));
        assertThat(member.status()).as(member.body()).isEqualTo(201);
        Response registered = seller.client().post("/api/chips", Map.of("chipId", chip,
                "publicKey", HEX.formatHex(card.publicKeySec1()), "memberId", member.get("accountId").asLong()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return member.get("accountId").asLong();
    }
}
