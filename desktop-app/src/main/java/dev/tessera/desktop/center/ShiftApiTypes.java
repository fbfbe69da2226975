package dev.tessera.desktop.center;

import java.time.Instant;
import java.util.List;

/** The center's JSON for counter shifts (docs/openapi.json: /api/shifts, /api/currencies/{currency}/denominations). */
public final class ShiftApiTypes {
    private ShiftApiTypes() {}

    /** So many notes or coins of one denomination, in minor units. */
    public record Count(long denominationMinor, int quantity) {}

    public record OpenShift(String terminalId, String currency, List<Count> floatCount) {}

    /** {@code note} is required when the count differs from the expected cash. */
    public record CloseShift(List<Count> counted, String note) {}

    public record CurrencyDenominations(String currency, int fractionDigits, List<Long> denominations) {}

    /** In the shift's currency; expected cash = float + cash sales - cash refunds. */
    /** {@code byRate} (issue 17): gross, tax and net per tax rate, highest rate first. */
    public record Totals(int sales, int tickets, long cashSalesMinor, long cardSalesMinor, long invoiceSalesMinor,
                         int voids, int refunds, long cashRefundsMinor, long cardRefundsMinor, long expectedCashMinor,
                         List<RateTotal> byRate) {
        public Totals {
            byRate = byRate == null ? List.of() : List.copyOf(byRate);
        }
    }

    /** One tax rate's money (issue 17): gross = sales − refunds, tax, net = gross − tax, in minor units. */
    public record RateTotal(String currency, int rateBasisPoints, int tickets, long salesMinor, long refundsMinor,
                            long grossMinor, long taxMinor, long netMinor) {}

    public record Shift(long id, long sellerId, String sellerName, String terminalId, String currency, String status,
                        Instant openedAt, long floatMinor, List<Count> floatCount, Instant closedAt,
                        Long expectedCashMinor, Long countedCashMinor, Long differenceMinor, String note,
                        List<Count> closingCount, Totals totals) {
        public Shift {
            floatCount = floatCount == null ? List.of() : List.copyOf(floatCount);
            closingCount = closingCount == null ? List.of() : List.copyOf(closingCount);
        }

        public boolean open() {
            return "OPEN".equals(status);
        }
    }
}
