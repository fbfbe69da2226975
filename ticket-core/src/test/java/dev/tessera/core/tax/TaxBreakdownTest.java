package dev.tessera.core.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.core.tax.TaxBreakdown.Amount;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaxBreakdownTest {
    private static final TaxRate TEN = new TaxRate(1000);
    private static final TaxRate EIGHT = new TaxRate(800);

    @Test
    void taxIsTakenOnceFromTheSumOfARateNotPerLine() {
        // three ¥1,005 tickets at 10 %: per line 91.36 → 91 each (273); once on ¥3,015: 274.09 → 274
        List<Amount> lines = List.of(new Amount(TEN, 1_005), new Amount(TEN, 1_005), new Amount(TEN, 1_005));
        long perLine = lines.stream().mapToLong(a -> TaxBreakdown.taxIn(a.grossMinor(), a.rate())).sum();

        TaxBreakdown breakdown = TaxBreakdown.of(lines);

        assertThat(perLine).isEqualTo(273);
        assertThat(breakdown.rates()).containsExactly(new TaxBreakdown.PerRate(TEN, 3_015, 274));
        assertThat(breakdown.netMinor() + breakdown.taxMinor()).isEqualTo(3_015);
    }

    @Test
    void mixedRatesGiveOneLinePerRateHighestFirstThatAddUpToTheGross() {
        TaxBreakdown breakdown = TaxBreakdown.of(List.of(new Amount(EIGHT, 1_500), new Amount(TEN, 5_000),
                new Amount(TEN, 3_000), new Amount(EIGHT, 700)));

        assertThat(breakdown.rates()).containsExactly(new TaxBreakdown.PerRate(TEN, 8_000, 727),
                new TaxBreakdown.PerRate(EIGHT, 2_200, 163));
        for (TaxBreakdown.PerRate rate : breakdown.rates()) {
            assertThat(rate.netMinor() + rate.taxMinor()).isEqualTo(rate.grossMinor());
        }
        assertThat(breakdown.grossMinor()).isEqualTo(10_200);
        assertThat(breakdown.taxMinor()).isEqualTo(890);
    }

    @Test
    void aCreditNoteIsTheMirrorOfTheSale() {
        assertThat(TaxBreakdown.taxIn(-5_500, TEN)).isEqualTo(-TaxBreakdown.taxIn(5_500, TEN)).isEqualTo(-500);
        assertThat(TaxBreakdown.taxIn(1_234, TaxRate.ZERO)).isZero();
    }

    @Test
    void europeanRatesInCents() {
        // €12.34 at 5.5 %: 1234 × 550 / 10550 = 64.33 → 64 cents
        assertThat(TaxBreakdown.taxIn(1_234, TaxRate.percent("5.5"))).isEqualTo(64);
        assertThat(TaxRate.percent("5.5").percentText()).isEqualTo("5.5");
        assertThat(TaxCountry.FR.reduced()).isEqualTo(TaxRate.percent("5.5"));
        assertThat(TaxCountry.JP.standard().percentText()).isEqualTo("10");
    }

    @Test
    void rejectsRatesOutsideZeroToFiftyPercentAndChecksJapaneseRegistrationNumbers() {
        assertThatThrownBy(() -> new TaxRate(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TaxRate(5_001)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TaxCountry.isJapaneseRegistrationNumber("T1234567890123")).isTrue();
        assertThat(TaxCountry.isJapaneseRegistrationNumber("T123456789012")).isFalse();
        assertThat(TaxCountry.isJapaneseRegistrationNumber("1234567890123")).isFalse();
    }
}
