package dev.tessera.reports.saleslog;

import dev.tessera.reports.engine.Money;
import java.math.BigDecimal;

/** One row of a totals table: sales, tickets and amount for a seller, event, day, category or payment. */
public record BreakdownRow(String label, String currency, long sales, long tickets, long amountMinor, double share) {
    public BigDecimal amount() {
        return Money.major(amountMinor, currency);
    }
}
