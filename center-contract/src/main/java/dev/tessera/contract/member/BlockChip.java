package dev.tessera.contract.member;

/** Why the card is blocked, in the member's or the clerk's words ("lost", "stolen on the train"). */
public record BlockChip(String reason) {}
