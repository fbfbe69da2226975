package dev.tessera.core.model;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An amount in minor units (cents, yen) of one currency, and the one place amounts are read from what a person typed
 * and written for people: as many decimals as the currency has (JPY none, EUR and USD two).
 */
public record Money(long minor, String currency) {
    /** Digits of any script (full-width too), commas between them, and a point before the minor units. */
    private static final Pattern AMOUNT = Pattern.compile("[\\p{Nd},]*\\p{Nd}(?:\\.\\p{Nd}+)?|\\.\\p{Nd}+");

    public Money {
        Require.notNegative(minor, "amount");
        Require.currency(currency);
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money times(int count) {
        return new Money(Math.multiplyExact(minor, count), currency);
    }

    /**
     * An amount as a person types it ("5000", "5,000", "12.50", "５０００"); empty when blank, negative, written with
     * a sign or exponent, or more precise than the currency's minor unit ("12.505" euros, "10.5" yen).
     */
    public static Optional<Money> parse(String text, String currency) {
        if (text == null) {
            return Optional.empty();
        }
        String typed = text.strip();
        if (!AMOUNT.matcher(typed).matches()) {
            return Optional.empty();
        }
        StringBuilder ascii = new StringBuilder(typed.length());
        typed.codePoints().filter(c -> c != ',')
                .forEach(c -> ascii.append(c == '.' ? '.' : (char) ('0' + Character.digit(c, 10))));
        try {
            return Optional.of(new Money(new BigDecimal(ascii.toString()).movePointRight(fractionDigits(currency))
                    .longValueExact(), currency));
        } catch (ArithmeticException tooPrecise) {
            return Optional.empty();
        }
    }

    /** The currency's decimals: 0 for JPY, 2 for EUR and USD. */
    public static int fractionDigits(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    /** This amount in major units, with the currency's decimals (12.50). */
    public BigDecimal major() {
        return major(minor, currency);
    }

    /** An amount in minor units, signed, in major units with the currency's decimals. */
    public static BigDecimal major(long minor, String currency) {
        return BigDecimal.valueOf(minor, fractionDigits(currency));
    }

    /** As people of {@code locale} write it, with the currency's sign: "¥5,000", "€12.50", "12,50 €". */
    public String display(Locale locale) {
        return display(minor, currency, locale);
    }

    /** A signed amount in minor units, as {@link #display(Locale)} writes it. */
    public static String display(long minor, String currency, Locale locale) {
        int digits = fractionDigits(currency);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency));
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(major(minor, currency));
    }

    /** A number pattern with the currency's decimals and grouping, for aligned columns ("#,##0.00"). */
    public static String pattern(String currency) {
        int digits = fractionDigits(currency);
        return digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits);
    }

    /** "JPY 15,000" or "EUR 12.50": the ISO code reads the same in every language and font (reports). */
    public static String format(long minor, String currency, Locale locale) {
        return format(major(minor, currency), currency, locale);
    }

    /** An amount in major units as {@link #format(long, String, Locale)} writes it. */
    public static String format(BigDecimal major, String currency, Locale locale) {
        DecimalFormat format = new DecimalFormat(pattern(currency), DecimalFormatSymbols.getInstance(locale));
        return currency + " " + format.format(major);
    }
}
