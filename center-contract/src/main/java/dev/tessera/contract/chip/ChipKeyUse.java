package dev.tessera.contract.chip;

import java.time.OffsetDateTime;

/** One audited key use, as managers see it. */
public record ChipKeyUse(long id, long accountId, String role, String terminalId, String chipId, String keyRef,
                     String purpose, Long saleId, Long transferId, Long eventId, String outcome, String reason,
                     OffsetDateTime usedAt) {}
