package dev.tessera.core.model;

import java.time.Instant;

/** Claim 29 g: the seller's authentication result for one customer's request, registered at the center. */
public record IssuingInfo(long id, long holdId, long sellerId, long eventId, CustomerAuth customerAuth,
                          Long memberId, String chipId, Instant registeredAt) {
    public IssuingInfo {
        Require.positive(id, "issuing info id");
        Require.positive(holdId, "hold id");
        Require.positive(sellerId, "seller id");
        Require.positive(eventId, "event id");
        Require.present(customerAuth, "customer authentication");
        if (customerAuth != CustomerAuth.WALK_IN && memberId == null) {
            throw new IllegalArgumentException(customerAuth + " needs a member");
        }
        Require.present(registeredAt, "registration time");
    }
}
