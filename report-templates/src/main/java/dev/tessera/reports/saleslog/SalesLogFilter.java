package dev.tessera.reports.saleslog;

import java.time.LocalDate;

/**
 * Which sales a log shows (claims 75, 88): a period of whole days in the report's time zone (both
 * ends included, either open), one seller or all, one event or all.
 */
public record SalesLogFilter(LocalDate from, LocalDate to, Long sellerId, Long eventId) {
    public SalesLogFilter {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public static SalesLogFilter all() {
        return new SalesLogFilter(null, null, null, null);
    }

    public SalesLogFilter period(LocalDate first, LocalDate last) {
        return new SalesLogFilter(first, last, sellerId, eventId);
    }

    public SalesLogFilter seller(Long id) {
        return new SalesLogFilter(from, to, id, eventId);
    }

    public SalesLogFilter event(Long id) {
        return new SalesLogFilter(from, to, sellerId, id);
    }
}
