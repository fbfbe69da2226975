package dev.tessera.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void yenHaveNoMinorUnitAndEurosAndDollarsTwo() {
        assertThat(Money.parse("5000", "JPY")).contains(new Money(5000, "JPY"));
        assertThat(Money.parse("12.50", "EUR")).contains(new Money(1250, "EUR"));
        assertThat(Money.parse("12.5", "USD")).contains(new Money(1250, "USD"));
        assertThat(Money.parse("12", "EUR")).contains(new Money(1200, "EUR"));
        assertThat(Money.parse(".5", "EUR")).contains(new Money(50, "EUR"));
    }

    @Test
    void groupingCommasSpacesAroundAndFullWidthDigitsAreRead() {
        assertThat(Money.parse("15,000", "JPY")).contains(new Money(15000, "JPY"));
        assertThat(Money.parse("1,234.56", "USD")).contains(new Money(123456, "USD"));
        assertThat(Money.parse("  7000 ", "JPY")).contains(new Money(7000, "JPY"));
        assertThat(Money.parse("５０００", "JPY")).as("typed with a Japanese input method").contains(new Money(5000, "JPY"));
        assertThat(Money.parse("１２.５０", "EUR")).contains(new Money(1250, "EUR"));
    }

    @Test
    void blankNegativeSignedExponentWordsAndFinerThanTheMinorUnitAreRefused() {
        for (String refused : new String[] {"", "   ", "-500", "+500", "1e3", "12abc", "¥500", "5 000", "1.2.3", ",",
                "12."}) {
            assertThat(Money.parse(refused, "JPY")).as(refused).isEmpty();
        }
        assertThat(Money.parse(null, "JPY")).isEmpty();
        assertThat(Money.parse("10.5", "JPY")).as("half a yen").isEmpty();
        assertThat(Money.parse("12.505", "EUR")).as("a tenth of a cent").isEmpty();
        assertThat(Money.parse("10.0", "JPY")).as("zero decimals add nothing").contains(new Money(10, "JPY"));
    }

    @Test
    void displayWritesTheCurrencysSignAndDecimalsAsTheLanguageDoes() {
        assertThat(Money.display(15000, "JPY", Locale.ENGLISH)).isEqualTo("¥15,000");
        assertThat(new Money(1250, "USD").display(Locale.US)).isEqualTo("$12.50");
        assertThat(Money.display(-500, "JPY", Locale.ENGLISH)).as("a net amount may be negative").isEqualTo("-¥500");
    }

    @Test
    void reportsWriteTheIsoCodeWithTheCurrencysDecimals() {
        assertThat(Money.format(1500000, "JPY", Locale.ENGLISH)).isEqualTo("JPY 1,500,000");
        assertThat(Money.format(1250, "EUR", Locale.ENGLISH)).isEqualTo("EUR 12.50");
        assertThat(Money.pattern("JPY")).isEqualTo("#,##0");
        assertThat(Money.pattern("EUR")).isEqualTo("#,##0.00");
        assertThat(Money.major(1250, "EUR")).isEqualTo(new BigDecimal("12.50"));
        assertThat(new Money(5000, "JPY").major()).isEqualTo(new BigDecimal("5000"));
    }

    @Test
    void amountsOfOneCurrencyAddUp() {
        assertThat(new Money(1000, "JPY").plus(new Money(500, "JPY")).times(2)).isEqualTo(new Money(3000, "JPY"));
        assertThat(Money.parse("0", "JPY")).contains(new Money(0, "JPY"));
    }
}
