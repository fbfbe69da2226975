package dev.tessera.center.shift;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The notes and coins a till counts, in minor units, largest first. The common box-office currencies
 * are listed as issued; any other currency gets a 1-2-5 series from its smallest unit up to 1,000 of
 * its main unit, which counts any amount exactly.
 */
public final class Denominations {
    private static final Map<String, List<Long>> ISSUED = Map.of(
            "JPY", List.of(10_000L, 5_000L, 2_000L, 1_000L, 500L, 100L, 50L, 10L, 5L, 1L),
            "USD", List.of(10_000L, 5_000L, 2_000L, 1_000L, 500L, 200L, 100L, 50L, 25L, 10L, 5L, 1L),
            "EUR", List.of(50_000L, 20_000L, 10_000L, 5_000L, 2_000L, 1_000L, 500L, 200L, 100L, 50L, 20L, 10L, 5L, 2L, 1L),
            "GBP", List.of(5_000L, 2_000L, 1_000L, 500L, 200L, 100L, 50L, 20L, 10L, 5L, 2L, 1L));

    private Denominations() {}

    /** The denominations of an ISO 4217 currency; IllegalArgumentException for an unknown code. */
    public static List<Long> of(String currency) {
        List<Long> issued = ISSUED.get(currency);
        if (issued != null) {
            return issued;
        }
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        long top = 1_000L * (long) Math.pow(10, digits);
        List<Long> series = new ArrayList<>();
        for (long unit = 1; unit <= top; unit *= 10) {
            series.add(unit);
            if (unit * 2 <= top) {
                series.add(unit * 2);
            }
            if (unit * 5 <= top) {
                series.add(unit * 5);
            }
        }
        Collections.reverse(series);
        return List.copyOf(series);
    }

    public static int fractionDigits(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }
}
