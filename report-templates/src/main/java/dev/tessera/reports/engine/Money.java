package dev.tessera.reports.engine;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/**
 * Amounts in an event's own currency: the center stores minor units, reports show major units with
 * that currency's decimals (JPY none, EUR two). Templates call these from their expressions.
 */
public final class Money {
    private Money() {}

    public static int fractionDigits(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }

    public static BigDecimal major(long minor, String currency) {
        return BigDecimal.valueOf(minor, fractionDigits(currency));
    }

    /** A number pattern with the currency's decimals and grouping, for aligned columns. */
    public static String pattern(String currency) {
        int digits = fractionDigits(currency);
        return digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits);
    }

    /** "JPY 15,000" or "EUR 12.50": the ISO code reads the same in every language and font. */
    public static String format(long minor, String currency, Locale locale) {
        return format(major(minor, currency), currency, locale);
    }

    public static String format(BigDecimal major, String currency, Locale locale) {
        DecimalFormat format = new DecimalFormat(pattern(currency), DecimalFormatSymbols.getInstance(locale));
        return currency + " " + format.format(major);
    }
}
