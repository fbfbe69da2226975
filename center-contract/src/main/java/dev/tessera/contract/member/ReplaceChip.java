package dev.tessera.contract.member;

/** The member's new card, already registered to them. */
public record ReplaceChip(String toChipId) {}
