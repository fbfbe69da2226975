package dev.tessera.contract.member;

import dev.tessera.core.model.ChipStatus;
import java.time.OffsetDateTime;

/** One of the member's cards: its state and how many valid tickets it holds (what blocking it stops). */
public record MemberCard(String chipId, ChipStatus status, int validTickets, OffsetDateTime registeredAt) {}
