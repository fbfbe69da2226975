package dev.tessera.contract.sales;

import dev.tessera.core.model.CustomerAuth;

/**
 * MEMBER_CARD names the chip and carries the card's proof: the id of a challenge this seller got from
 * POST /api/chip-challenges and the card's INTERNAL AUTHENTICATE signature over it (hex DER, issue 15).
 */
public record Customer(CustomerAuth auth, String memberLogin, String memberPassword, String chipId,
                       String challengeId, String signature) {
    public Customer(CustomerAuth auth, String memberLogin, String memberPassword, String chipId) {
        this(auth, memberLogin, memberPassword, chipId, null, null);
    }
}
