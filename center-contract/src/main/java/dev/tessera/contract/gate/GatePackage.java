package dev.tessera.contract.gate;

import java.time.OffsetDateTime;
import java.util.List;

/** What an offline gate needs to open and mark one event's tickets: the chips, each with its key for this event. */
public record GatePackage(long eventId, OffsetDateTime issuedAt, List<GateChip> chips) {}
