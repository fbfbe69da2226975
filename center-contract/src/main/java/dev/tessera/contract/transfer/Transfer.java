package dev.tessera.contract.transfer;

import java.time.OffsetDateTime;

public record Transfer(long transferId, String ticketId, int fromVersion, String fromChipId, String toChipId,
                       TransferStatus status, OffsetDateTime expiresAt) {}
