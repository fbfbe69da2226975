package dev.tessera.reports;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * How a report speaks: its language (English or Japanese labels) and the time zone its dates and
 * day totals are in. The center stores instants in UTC and has no venue time zone of its own.
 */
public record ReportOptions(Locale locale, ZoneId zone) {
    public ReportOptions {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(zone, "zone");
    }

    public static ReportOptions of(Locale locale, ZoneId zone) {
        return new ReportOptions(locale, zone);
    }

    public static ReportOptions systemDefault() {
        return new ReportOptions(Locale.getDefault(), ZoneId.systemDefault());
    }
}
