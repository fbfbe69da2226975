package dev.tessera.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Claim 32: seats, and standing places of general-admission areas (issue 18), held for one sale, lapsing at
 * {@code expiresAt} unless issued.
 *
 * @param areas the quantity held per general-admission area id; empty when the hold has seats only
 */
public record Hold(long id, long eventId, long sellerId, List<String> seatIds, Map<String, Integer> areas,
                   Instant expiresAt, HoldStatus status) {
    public Hold {
        Require.positive(id, "hold id");
        Require.positive(eventId, "event id");
        Require.positive(sellerId, "seller id");
        seatIds = List.copyOf(seatIds == null ? List.of() : seatIds);
        areas = areas == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(areas));
        if (seatIds.isEmpty() && areas.isEmpty()) {
            throw new IllegalArgumentException("held seats and areas must not both be empty");
        }
        areas.forEach((area, quantity) -> Require.positive(quantity, "held quantity of " + area));
        Require.present(expiresAt, "expiry");
        Require.present(status, "status");
    }

    /** A hold of seats only. */
    public Hold(long id, long eventId, long sellerId, List<String> seatIds, Instant expiresAt, HoldStatus status) {
        this(id, eventId, sellerId, Require.notEmpty(seatIds, "held seats"), Map.of(), expiresAt, status);
    }

    /** The standing places held, over every area. */
    public int placesHeld() {
        return areas.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean lapsedAt(Instant now) {
        return status == HoldStatus.ACTIVE && !now.isBefore(expiresAt);
    }
}
