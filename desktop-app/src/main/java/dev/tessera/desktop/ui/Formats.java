package dev.tessera.desktop.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Dates, times and money as people of the chosen language write them, in this computer's time zone. */
public final class Formats {
    private Formats() {}

    public static String dateTime(Instant instant, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneId.systemDefault()).format(instant);
    }

    public static String time(Instant instant, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM)
                .withLocale(locale).withZone(ZoneId.systemDefault()).format(instant);
    }

    /** An amount in the currency's minor units (yen have none, cents are hundredths). */
    public static String money(long minor, String currencyCode, Locale locale) {
        Currency currency = Currency.getInstance(currencyCode);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(minor, digits));
    }
}
