package dev.tessera.desktop.organizer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Optional;

/** What the organizer types for times and prices, read strictly: a wrong value is refused, never guessed. */
final class EventFormat {
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private EventFormat() {}

    static String dateTime(Instant instant, ZoneId zone) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    static Optional<Instant> dateTime(String text, ZoneId zone) {
        try {
            return Optional.of(LocalDateTime.parse(text.strip(), DATE_TIME).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Currency> currency(String code) {
        try {
            return Optional.of(Currency.getInstance(code.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** "8000" yen or "25.50" dollars as minor units; empty for text that is not such an amount. */
    static Optional<Long> minorUnits(String text, Currency currency) {
        try {
            BigDecimal amount = new BigDecimal(text.strip().replace(",", ""));
            int digits = Math.max(0, currency.getDefaultFractionDigits());
            if (amount.signum() < 0 || amount.scale() > digits) {
                return Optional.empty();
            }
            return Optional.of(amount.movePointRight(digits).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
