package dev.tessera.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Issue 13: the center writes its times in UTC as {@code 2026-12-06T18:30:05.123456Z}; a sales-log page carries one
 * per ticket, and reading them with {@code DateTimeFormatter} was half of the desktop's time reading a page. A time in
 * exactly that form ({@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of 1 to 9 digits, {@code Z}) is read here digit
 * by digit, into the same {@link OffsetDateTime} the standard deserializer gives; anything else (another offset, no
 * seconds, a number, a malformed or impossible time, a {@code @JsonFormat}) goes to the standard deserializer, with
 * its errors.
 */
final class UtcTimes extends StdScalarDeserializer<OffsetDateTime> implements ContextualDeserializer {
    private static final int[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
            1_000_000_000};

    private final InstantDeserializer<OffsetDateTime> standard;

    private UtcTimes(InstantDeserializer<OffsetDateTime> standard) {
        super(OffsetDateTime.class);
        this.standard = standard;
    }

    /** The module that reads OffsetDateTime this way; registered after {@code JavaTimeModule}, so it wins. */
    static SimpleModule module() {
        return new SimpleModule("tessera-utc-times")
                .addDeserializer(OffsetDateTime.class, new UtcTimes(InstantDeserializer.OFFSET_DATE_TIME));
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
            throws JsonMappingException {
        JsonDeserializer<?> contextual = standard.createContextual(ctxt, property);
        // a property with a format of its own is the standard deserializer's alone
        return contextual == standard ? this : contextual;
    }

    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING && inUtc(ctxt)) {
            OffsetDateTime fast = parse(p.getText());
            if (fast != null) {
                return fast;
            }
        }
        return standard.deserialize(p, ctxt);
    }

    /** A time with Z keeps its offset whether or not the reader adjusts times to its zone, as long as that is UTC. */
    private static boolean inUtc(DeserializationContext ctxt) {
        return !ctxt.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                || ctxt.getTimeZone().toZoneId().normalized().equals(ZoneOffset.UTC);
    }

    /** The time if {@code s} has exactly the center's form and names a real instant; otherwise null. */
    static OffsetDateTime parse(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
                || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            int value = digits(s, 20, fraction);
            if (value < 0) {
                return null;
            }
            nanos = value * POW10[9 - fraction];
        }
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, ZoneOffset.UTC);
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    /** The decimal number of {@code count} ASCII digits at {@code from}, or -1 if any is not one. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }
}
