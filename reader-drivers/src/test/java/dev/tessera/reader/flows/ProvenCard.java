package dev.tessera.reader.flows;

import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.MemberCards;
import dev.tessera.reader.wallet.WalletCard;
import dev.tessera.reader.wallet.WalletException;
import java.util.HexFormat;
import java.util.Map;

/** Issue 15: the card in the field proves itself to the seller: the center's challenge, INTERNAL AUTHENTICATE. */
public final class ProvenCard {
    private static final HexFormat HEX = HexFormat.of();

    private ProvenCard() {
    }

    /** The MEMBER_CARD customer of a sale, with the card's signature over a fresh challenge of this seller. */
    public static Map<String, Object> customer(ApiClient seller, WalletCard card) throws WalletException {
        String chipId = card.select().chipIdHex();
        Response c = MemberCards.challenge(seller);
        byte[] signature = card.internalAuthenticate(HEX.parseHex(c.get("challenge").asText()));
        return Map.of("auth", "MEMBER_CARD", "chipId", chipId, "challengeId", c.get("challengeId").asText(),
                "signature", HEX.formatHex(signature));
    }
}
