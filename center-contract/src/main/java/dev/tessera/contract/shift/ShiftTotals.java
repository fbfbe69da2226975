package dev.tessera.contract.shift;

import dev.tessera.contract.saleslog.TaxTotal;
import java.util.List;

/**
 * What the shift took, in its currency; expected cash is what the drawer should hold now. {@code byRate}
 * (issue 17): per tax rate, the shift's sales less the refunds it paid, the receipts' tax (each rounded once)
 * less the credit notes', and net, by the sales log's rule.
 */
public record ShiftTotals(int sales, int tickets, long cashSalesMinor, long cardSalesMinor, long invoiceSalesMinor,
                          int voids, int refunds, long cashRefundsMinor, long cardRefundsMinor, long expectedCashMinor,
                          List<TaxTotal> byRate) {}
