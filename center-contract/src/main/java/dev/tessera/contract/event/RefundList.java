package dev.tessera.contract.event;

import java.time.OffsetDateTime;
import java.util.List;

public record RefundList(long eventId, String eventName, String currency, OffsetDateTime cancelledAt,
                         String reason, List<RefundLine> lines, List<RefundSale> sales, long totalMinor) {}
