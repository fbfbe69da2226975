package dev.tessera.core.model;

import java.time.Instant;
import java.util.List;

/** Claim 32: seats held for one sale, lapsing at {@code expiresAt} unless issued. */
public record Hold(long id, long eventId, long sellerId, List<String> seatIds, Instant expiresAt, HoldStatus status) {
    public Hold {
        Require.positive(id, "hold id");
        Require.positive(eventId, "event id");
        Require.positive(sellerId, "seller id");
        seatIds = List.copyOf(Require.notEmpty(seatIds, "held seats"));
        Require.present(expiresAt, "expiry");
        Require.present(status, "status");
    }

    public boolean lapsedAt(Instant now) {
        return status == HoldStatus.ACTIVE && !now.isBefore(expiresAt);
    }
}
