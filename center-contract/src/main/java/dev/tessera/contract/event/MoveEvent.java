package dev.tessera.contract.event;

import java.time.Instant;

public record MoveEvent(Instant doorsOpen, Instant startsAt, Instant endsAt, String reason) {}
