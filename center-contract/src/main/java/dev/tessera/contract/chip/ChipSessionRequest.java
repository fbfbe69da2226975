package dev.tessera.contract.chip;

/** @param terminalId the terminal that relays the card (its registered id), or null when it states none */
public record ChipSessionRequest(String chipId, String keyRef, String purpose, Long saleId, Long transferId,
                             Long eventId, String hostChallenge, String cardAnswer, String terminalId) {}
