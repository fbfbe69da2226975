package dev.tessera.reports.settlement;

import dev.tessera.core.model.Money;
import java.math.BigDecimal;

/**
 * One seller's position in one category of one event (claims 30, 73, 74): quota granted and used,
 * allocated seats and how many of them sold, tickets and takings by payment method, voided tickets.
 */
public record SettlementRow(String sellerName, String currency, String eventName, String category, int quota,
                            int quotaUsed, int allocated, int allocatedSold, int tickets, long cashMinor,
                            long cardMinor, long invoiceMinor, int voided, long voidedMinor) {
    public BigDecimal cash() {
        return Money.major(cashMinor, currency);
    }

    public BigDecimal card() {
        return Money.major(cardMinor, currency);
    }

    public BigDecimal invoice() {
        return Money.major(invoiceMinor, currency);
    }

    public BigDecimal voidedAmount() {
        return Money.major(voidedMinor, currency);
    }
}
