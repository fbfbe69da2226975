package dev.tessera.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The center's UTC times read digit by digit give what the standard deserializer gives, and nothing else changes. */
class UtcTimesTest {
    private static final ObjectMapper STANDARD = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final ObjectMapper FAST = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(UtcTimes.module());

    record Stamped(long id, OffsetDateTime at) {}

    @Test
    void theCentersFormIsReadDirectlyByTheMapperTheClientUses() throws Exception {
        var context = ((DefaultDeserializationContext) FAST.getDeserializationContext())
                .createInstance(FAST.getDeserializationConfig(), null, null);
        JsonDeserializer<?> root = context.findRootValueDeserializer(FAST.constructType(OffsetDateTime.class));
        assertThat(root).isInstanceOf(UtcTimes.class);
        assertThat(UtcTimes.parse("2026-12-06T18:30:05.123456Z"))
                .isEqualTo(OffsetDateTime.of(2026, 12, 6, 18, 30, 5, 123_456_000, ZoneOffset.UTC));
        assertThat(CenterHttp.readValue("\"2026-12-06T18:30:05.123456Z\"", OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.of(2026, 12, 6, 18, 30, 5, 123_456_000, ZoneOffset.UTC));
    }

    @Test
    void everyFormGivesWhatTheStandardDeserializerGivesOrTheSameError() throws Exception {
        List<String> texts = List.of("2026-12-06T18:30:05Z", "2026-12-06T18:30:05.1Z", "2026-12-06T18:30:05.000Z",
                "2026-12-06T18:30:05.123456789Z", "1999-01-01T00:00:00.5Z", "2024-02-29T23:59:59.999999Z",
                // to the standard deserializer: another offset, no seconds, lower case, too many digits
                "2026-12-06T19:30:05.123+01:00", "2026-12-06T18:30Z", "2026-12-06t18:30:05z",
                "2026-12-06T18:30:05.1234567891Z", "+12026-12-06T18:30:05Z",
                // impossible or malformed: the standard error
                "2026-02-30T18:30:05Z", "2026-13-06T18:30:05Z", "2026-12-06T24:00:00Z", "2026-12-06T18:30:60Z",
                "2026-12-06T18:3a:05Z", "2026-12-06T18:30:05.Z", "2026-12-06T18:30:05,5Z", "2026-12-06 18:30:05Z",
                "", "Z", "not a time");
        for (String text : texts) {
            assertSame(text);
        }
        Random random = new Random(13);
        for (int i = 0; i < 2_000; i++) {
            OffsetDateTime at = OffsetDateTime.of(1970 + random.nextInt(9_000), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000), ZoneOffset.UTC);
            assertSame(STANDARD.writeValueAsString(at).replace("\"", ""));
            assertSame(at.toString());
        }
    }

    @Test
    void aReaderAdjustingToAnotherZoneGetsItsZoneAsBefore() throws Exception {
        TimeZone paris = TimeZone.getTimeZone("Europe/Paris");
        OffsetDateTime standard = STANDARD.copy().setTimeZone(paris)
                .readValue("\"2026-12-06T18:30:05Z\"", OffsetDateTime.class);
        OffsetDateTime fast = FAST.copy().setTimeZone(paris)
                .readValue("\"2026-12-06T18:30:05Z\"", OffsetDateTime.class);
        assertThat(fast).isEqualTo(standard);
        assertThat(fast.getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        OffsetDateTime kept = FAST.copy().disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .readValue("\"2026-12-06T19:30:05+01:00\"", OffsetDateTime.class);
        assertThat(kept.getOffset()).isEqualTo(ZoneOffset.ofHours(1));
    }

    @Test
    void aTimeInARecordAndANumberAreReadAsBefore() throws Exception {
        String json = "{\"id\":7,\"at\":\"2026-12-06T18:30:05.25Z\"}";
        assertThat(FAST.readValue(json, Stamped.class)).isEqualTo(STANDARD.readValue(json, Stamped.class));
        assertThat(FAST.readValue("1765045805.5", OffsetDateTime.class))
                .isEqualTo(STANDARD.readValue("1765045805.5", OffsetDateTime.class));
        assertThat(FAST.readValue("null", OffsetDateTime.class)).isNull();
    }

    private static void assertSame(String text) throws Exception {
        String json = "\"" + text + "\"";
        OffsetDateTime expected;
        try {
            expected = STANDARD.readValue(json, OffsetDateTime.class);
        } catch (Exception refused) {
            assertThatThrownBy(() -> FAST.readValue(json, OffsetDateTime.class)).as(text)
                    .isInstanceOf(refused.getClass()).hasMessage(refused.getMessage());
            return;
        }
        OffsetDateTime read = FAST.readValue(json, OffsetDateTime.class);
        assertThat(read).as(text).isEqualTo(expected);
        if (expected == null) {
            return; // the empty text: no time, as before
        }
        assertThat(read.getOffset()).as(text).isEqualTo(expected.getOffset());
    }
}
