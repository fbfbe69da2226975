package dev.tessera.reports.engine;

import dev.tessera.reports.ReportOptions;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** The "generated" stamp every report's footer carries. */
public final class Stamps {
    private Stamps() {}

    public static String generatedAt(ReportOptions options) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(options.locale())
                .format(Instant.now().atZone(options.zone()));
    }
}
