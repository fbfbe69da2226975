package dev.tessera.contract.aftersales;

import java.time.OffsetDateTime;

public record Adjustment(AdjustmentKind kind, OffsetDateTime at, long eventId, long saleId, Long newSaleId, String ticketId,
                         String seatId, long byId, String byName, String reason, long amountMinor, String method,
                         String reference) {}
