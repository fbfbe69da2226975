package dev.tessera.contract.chip;

public record RegisterChip(String chipId, String publicKey, Long memberId) {}
