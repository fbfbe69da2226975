package dev.tessera.contract.availability;

/** What the first event of a stream says: every change after {@code revision} comes on this stream. */
public record SeatStreamWatching(long eventId, long revision) {}
