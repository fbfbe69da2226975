package dev.tessera.contract.tax;

import dev.tessera.core.tax.TaxCountry;
import java.util.List;

/**
 * POST /api/events/{eventId}/tax (issue 17). A missing country keeps the event's (Japan for a yen event), a missing
 * issuer name is the event's servicer; the rates named replace those categories' rates, the others keep theirs; a
 * blank registration number means none.
 */
public record SetTax(TaxCountry country, String issuerName, String registrationNumber, List<CategoryRate> rates) {}
