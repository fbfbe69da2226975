package dev.tessera.desktop.shift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.contract.shift.Count;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The till count as the clerk types it, without a stage. */
class CashCountTest {
    @Test
    void theTotalFollowsWhatIsTypedAndOnlyCountedDenominationsAreSent() {
        CashCount count = new CashCount();
        count.reset(List.of(10_000L, 1_000L, 500L, 1L));
        count.rows().get(0).quantityProperty().set("2");
        count.rows().get(2).quantityProperty().set(" 3 ");
        count.rows().get(3).quantityProperty().set("0");
        assertThat(count.totalMinorProperty().get()).isEqualTo(21_500);
        assertThat(count.rows().get(2).amountMinorProperty().get()).isEqualTo(1_500);
        assertThat(count.counts()).containsExactly(new Count(10_000, 2), new Count(500, 3));
        assertThat(count.validProperty().get()).isTrue();
    }

    @Test
    void textThatIsNoCountMakesTheCountInvalidUntilItIsFixed() {
        CashCount count = new CashCount();
        count.reset(List.of(100L, 10L));
        count.rows().get(0).quantityProperty().set("two");
        assertThat(count.validProperty().get()).isFalse();
        assertThat(count.rows().get(0).validProperty().get()).isFalse();
        count.rows().get(0).quantityProperty().set("-1");
        assertThat(count.validProperty().get()).isFalse();
        count.rows().get(0).quantityProperty().set("100001");
        assertThat(count.validProperty().get()).isFalse();
        count.rows().get(0).quantityProperty().set("100000");
        assertThat(count.validProperty().get()).isTrue();
        assertThat(count.totalMinorProperty().get()).isEqualTo(10_000_000);
        count.clear();
        assertThat(count.totalMinorProperty().get()).isZero();
        assertThat(count.counts()).isEmpty();
    }
}
