package dev.tessera.reports.saleslog;

import dev.tessera.core.model.Money;
import java.math.BigDecimal;

/**
 * One row of a totals table for a seller, event, day, category or payment method: sales made, tickets
 * (sold less voided), gross (what the sales took), tickets voided, money refunded, and net (gross less
 * refunds, what stays in the till); {@code share} is the row's part of its currency's net.
 */
public record BreakdownRow(String label, String currency, long sales, long tickets, long grossMinor, long voids,
                           long refundsMinor, double share) {
    public long netMinor() {
        return grossMinor - refundsMinor;
    }

    public BigDecimal gross() {
        return Money.major(grossMinor, currency);
    }

    public BigDecimal refunds() {
        return Money.major(-refundsMinor, currency);
    }

    public BigDecimal net() {
        return Money.major(netMinor(), currency);
    }
}
