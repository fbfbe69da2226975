package dev.tessera.contract.transfer;

import dev.tessera.contract.sales.IssuedTicket;

/** The re-issued ticket for the assignee chip, and the old copy to delete from the assignor chip. */
public record TransferResult(long transferId, IssuedTicket ticket, String revokedTicketId, int revokedVersion,
                             String deleteFromChipId) {}
