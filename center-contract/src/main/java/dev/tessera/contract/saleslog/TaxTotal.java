package dev.tessera.contract.saleslog;

/**
 * Issue 17: one tax rate's money in one currency. {@code grossMinor} is sales less refunds (tax-inclusive);
 * {@code taxMinor} the receipts' tax at this rate (each receipt's rounded once) less the credit notes' tax;
 * {@code netMinor} = gross − tax, to the minor unit.
 */
public record TaxTotal(String currency, int rateBasisPoints, int tickets, long salesMinor, long refundsMinor,
                       long grossMinor, long taxMinor, long netMinor) {}
