package dev.tessera.contract.chip;

/** @param terminalId the terminal that writes the blank card (its registered id), or null */
public record PersonalizationRequest(Long memberId, String terminalId) {}
