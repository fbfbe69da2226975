package dev.tessera.contract.shift;

import java.time.OffsetDateTime;
import java.util.List;

public record Shift(long id, long sellerId, String sellerName, String terminalId, String currency, ShiftStatus status,
                    OffsetDateTime openedAt, long floatMinor, List<Count> floatCount, OffsetDateTime closedAt,
                    Long expectedCashMinor, Long countedCashMinor, Long differenceMinor, String note,
                    List<Count> closingCount, ShiftTotals totals) {}
