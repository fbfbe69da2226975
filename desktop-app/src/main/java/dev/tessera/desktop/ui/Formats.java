package dev.tessera.desktop.ui;

import dev.tessera.core.model.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
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

    /** An amount in the currency's minor units (yen have none, cents are hundredths): {@link Money#display}. */
    public static String money(long minor, String currencyCode, Locale locale) {
        return Money.display(minor, currencyCode, locale);
    }
}
