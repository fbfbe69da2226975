package dev.tessera.contract.tax;

import dev.tessera.core.tax.TaxCountry;
import java.util.List;

/**
 * GET /api/events/{eventId}/tax (issue 17): the rate of each price category and the invoice issuer.
 * {@code qualifiedInvoice}: the receipts are Japanese qualified invoices (適格請求書), otherwise VAT receipts;
 * {@code registrationNumber} may be null (not registered).
 */
public record EventTax(long eventId, TaxCountry country, String issuerName, String registrationNumber,
                       boolean qualifiedInvoice, List<CategoryRate> rates) {
    public EventTax {
        rates = rates == null ? List.of() : List.copyOf(rates);
    }

    /** The rate of a category in basis points (1000 = 10 %), 0 for one the center named no rate for. */
    public int rateOf(String categoryId) {
        return rates.stream().filter(r -> r.categoryId().equals(categoryId)).findFirst()
                .map(CategoryRate::rateBasisPoints).orElse(0);
    }
}
