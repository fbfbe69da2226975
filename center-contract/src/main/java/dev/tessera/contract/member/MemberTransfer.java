package dev.tessera.contract.member;

import java.time.OffsetDateTime;

/** A pending transfer the member is party to; {@code expired} once its time ran out unaccepted. */
public record MemberTransfer(long transferId, Direction direction, String ticketId, long eventId, String eventName,
                             OffsetDateTime startsAt, long venueId, int seatMapVersion, String seatId,
                             String categoryId, String fromChipId, String toChipId, String counterpart,
                             boolean expired, boolean locked, OffsetDateTime expiresAt) {
    /** Whether a pending transfer comes to the member (IN) or goes from them (OUT). */
    public enum Direction { IN, OUT }
}
