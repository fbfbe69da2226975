package dev.tessera.desktop.organizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class EventFormatTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void pricesBecomeMinorUnitsOfTheCurrency() {
        assertThat(EventFormat.minorUnits("8000", Currency.getInstance("JPY"))).contains(8000L);
        assertThat(EventFormat.minorUnits("12,000", Currency.getInstance("JPY"))).contains(12000L);
        assertThat(EventFormat.minorUnits("25.50", Currency.getInstance("USD"))).contains(2550L);
        assertThat(EventFormat.minorUnits("25.5", Currency.getInstance("EUR"))).contains(2550L);
    }

    @Test
    void aPriceThatIsNotAnAmountOfTheCurrencyIsRefused() {
        assertThat(EventFormat.minorUnits("", Currency.getInstance("JPY"))).isEmpty();
        assertThat(EventFormat.minorUnits("8000.5", Currency.getInstance("JPY"))).isEmpty();
        assertThat(EventFormat.minorUnits("-1", Currency.getInstance("USD"))).isEmpty();
        assertThat(EventFormat.minorUnits("ten", Currency.getInstance("USD"))).isEmpty();
        assertThat(EventFormat.minorUnits("99999999999999999999", Currency.getInstance("USD"))).isEmpty();
    }

    @Test
    void timesAreReadInTheTerminalsZoneAndWrittenBackTheSame() {
        Instant start = EventFormat.dateTime("2026-12-24 19:00", TOKYO).orElseThrow();
        assertThat(start).isEqualTo(Instant.parse("2026-12-24T10:00:00Z"));
        assertThat(EventFormat.dateTime(start, TOKYO)).isEqualTo("2026-12-24 19:00");
        assertThat(EventFormat.dateTime("24/12/2026 19:00", TOKYO)).isEmpty();
        assertThat(EventFormat.dateTime("2026-02-30 19:00", TOKYO)).isEmpty();
        assertThat(EventFormat.currency("EUR")).contains(Currency.getInstance("EUR"));
        assertThat(EventFormat.currency("XYZW")).isEmpty();
    }
}
