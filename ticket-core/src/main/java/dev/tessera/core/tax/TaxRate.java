package dev.tessera.core.tax;

import java.math.BigDecimal;

/**
 * A consumption tax or VAT rate in basis points (1000 = 10 %, 550 = 5.5 %). Prices are tax-inclusive; the rate says
 * which part of a gross amount is tax.
 */
public record TaxRate(int basisPoints) implements Comparable<TaxRate> {
    public static final TaxRate ZERO = new TaxRate(0);
    /** The highest rate accepted: 50 %, beyond any VAT in force. */
    public static final int MAX_BASIS_POINTS = 5_000;

    public TaxRate {
        if (basisPoints < 0 || basisPoints > MAX_BASIS_POINTS) {
            throw new IllegalArgumentException("a tax rate is 0 to 50 %, in basis points 0 to " + MAX_BASIS_POINTS
                    + " (got " + basisPoints + ")");
        }
    }

    public static TaxRate percent(String percent) {
        return new TaxRate(new BigDecimal(percent).movePointRight(2).intValueExact());
    }

    /** The rate as people write it: "10", "8", "5.5". */
    public String percentText() {
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString();
    }

    @Override
    public int compareTo(TaxRate other) {
        return Integer.compare(basisPoints, other.basisPoints);
    }

    @Override
    public String toString() {
        return percentText() + " %";
    }
}
