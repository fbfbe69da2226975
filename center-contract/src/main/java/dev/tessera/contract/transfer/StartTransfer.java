package dev.tessera.contract.transfer;

/**
 * The assignee is named by their card ({@code toChipId}, read from it at a counter) or, from home, by their
 * login id ({@code toLoginId}): the ticket then goes to their current card, the active one registered last.
 */
public record StartTransfer(String ticketId, String toChipId, String toLoginId, String transferPassword) {}
