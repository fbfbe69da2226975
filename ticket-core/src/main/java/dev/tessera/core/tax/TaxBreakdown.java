package dev.tessera.core.tax;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tax in a set of tax-inclusive amounts, per rate, as a qualified invoice (適格請求書) and a VAT receipt state it:
 * the gross of every line at one rate is added first and the tax taken from that sum ONCE, with one rounding (half
 * up, to the currency's minor unit), never per line. Net is gross less tax, so net + tax = gross per rate exactly.
 * Negative amounts (a credit note) round symmetrically: the tax of -x is minus the tax of x.
 */
public record TaxBreakdown(List<PerRate> rates) {

    /** One rate's totals in minor units. */
    public record PerRate(TaxRate rate, long grossMinor, long taxMinor) {
        public long netMinor() {
            return grossMinor - taxMinor;
        }
    }

    /** One tax-inclusive amount at its rate (a ticket, a refund line). */
    public record Amount(TaxRate rate, long grossMinor) {}

    public TaxBreakdown {
        rates = List.copyOf(rates);
    }

    public static TaxBreakdown of(List<Amount> amounts) {
        Map<TaxRate, Long> gross = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (Amount a : amounts) {
            gross.merge(a.rate(), a.grossMinor(), Long::sum);
        }
        List<PerRate> rates = new ArrayList<>();
        gross.forEach((rate, sum) -> rates.add(new PerRate(rate, sum, taxIn(sum, rate))));
        return new TaxBreakdown(rates);
    }

    /** The tax inside a tax-inclusive gross: gross × rate / (1 + rate), rounded half up once. */
    public static long taxIn(long grossMinor, TaxRate rate) {
        if (rate.basisPoints() == 0 || grossMinor == 0) {
            return 0;
        }
        BigDecimal tax = BigDecimal.valueOf(Math.abs(grossMinor)).multiply(BigDecimal.valueOf(rate.basisPoints()))
                .divide(BigDecimal.valueOf(10_000L + rate.basisPoints()), 0, RoundingMode.HALF_UP);
        return Long.signum(grossMinor) * tax.longValueExact();
    }

    public long grossMinor() {
        return rates.stream().mapToLong(PerRate::grossMinor).sum();
    }

    public long taxMinor() {
        return rates.stream().mapToLong(PerRate::taxMinor).sum();
    }

    public long netMinor() {
        return grossMinor() - taxMinor();
    }
}
