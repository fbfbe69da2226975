package dev.tessera.center.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.core.crypto.ChipKeys;
import dev.tessera.core.crypto.ChipProof;
import java.util.HexFormat;
import java.util.Map;

/** Issue 15: a member card proving itself to a seller, the way the counter does it (challenge, card signs, sale). */
public final class MemberCards {
    private static final HexFormat HEX = HexFormat.of();

    private MemberCards() {
    }

    /** A fresh challenge from the center for this seller; asserts 201. */
    public static Response challenge(ApiClient seller) {
        Response c = seller.post("/api/chip-challenges", Map.of());
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        return c;
    }

    /** The card's INTERNAL AUTHENTICATE answer to the challenge: hex DER over 'TIA1' ‖ chip id ‖ challenge. */
    public static String sign(ChipKeys keys, String chipId, String challengeHex) {
        return HEX.formatHex(ChipProof.sign(keys, HEX.parseHex(chipId), HEX.parseHex(challengeHex)));
    }

    /** The sale's customer: a MEMBER_CARD that answered a fresh challenge of this seller. */
    public static Map<String, Object> provenCustomer(ApiClient seller, String chipId, ChipKeys keys) {
        Response c = challenge(seller);
        return Map.of("auth", "MEMBER_CARD", "chipId", chipId, "challengeId", c.get("challengeId").asText(),
                "signature", sign(keys, chipId, c.get("challenge").asText()));
    }
}
