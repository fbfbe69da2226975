package dev.tessera.desktop.counter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.core.seatmap.Category;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.desktop.support.CounterBench;
import dev.tessera.core.model.Money;
import dev.tessera.desktop.ui.Message;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counter's view models per flow without a stage, on a real embedded center: the sale (pick, hold, confirm,
 * totals), the customer, the payment and its change, the receipt's void, and the chip writing state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SaleViewModelTest {
    CounterBench bench;
    SaleViewModel sale;
    EventInfo event;
    Category category;

    @BeforeAll
    void open(@TempDir Path dir) throws Exception {
        bench = new CounterBench(dir);
        sale = bench.sale;
        event = bench.onUi(() -> sale.eventProperty().get());
        category = bench.onUi(() -> sale.categories().getFirst());
    }

    @AfterAll
    void close() throws Exception {
        bench.close();
    }

    @BeforeEach
    void newSale() throws Exception {
        bench.onUi(sale::newSale);
    }

    @Test
    void aWalkInSaleHoldsTheBestSeatsConfirmsWithCashAndShowsItsChangeAndTotal() throws Exception {
        hold(2);
        long price = event.pricesMinor().get(category.id());
        assertThat(bench.onUi(() -> sale.picked().size())).isEqualTo(2);
        assertThat(bench.onUi(() -> sale.pendingTotalProperty().get())).isEqualTo(2 * price);
        assertThat(bench.onUi(() -> sale.pickedRows())).isNotEmpty()
                .allSatisfy(row -> assertThat(row.key()).isEqualTo("counter.seats.row"));
        long extra = minorOf("10");
        bench.onUi(() -> {
            sale.customer().customerModeProperty().set(CustomerMode.WALK_IN);
            sale.payment().tenderedProperty().set(major(2 * price + extra));
        });
        assertThat(bench.onUi(() -> sale.payment().changeProperty().get()))
                .isEqualTo(Message.of("counter.payment.change", new Money(extra, event.currency())));

        bench.onUi(sale::confirm);
        bench.await("the sale", () -> sale.phaseProperty().get() == SalePhase.DONE);
        SaleResult sold = bench.onUi(() -> sale.lastSale().orElseThrow());
        assertThat(sold.totalMinor()).isEqualTo(2 * price);
        assertThat(sold.changeMinor()).isEqualTo(extra);
        assertThat(bench.onUi(() -> sale.receipt().lines().size())).isEqualTo(2);
        assertThat(bench.onUi(() -> sale.receipt().saleNumberProperty().get()))
                .isEqualTo(Message.of("counter.receipt.saleNumber", Long.toString(sold.saleId())));
        assertThat(bench.onUi(() -> sale.receipt().receiptTotalProperty().get().key()))
                .isEqualTo("counter.receipt.totalChange");
        assertThat(bench.onUi(() -> sale.paper().paperSaleProperty().get())).as("no chip: a paper sale").isTrue();
        assertThat(bench.onUi(() -> sale.paper().paperPrintedProperty().get())).as("printed on Print").isFalse();
        assertThat(bench.onUi(() -> sale.chip().chipIdProperty().get())).isNull();
    }

    @Test
    void theReceiptVoidsALineWithTheClerksReasonAfterAskingAndTheSeatLeavesTheBasket() throws Exception {
        hold(2);
        bench.onUi(() -> sale.customer().customerModeProperty().set(CustomerMode.WALK_IN));
        bench.onUi(sale::confirm);
        bench.await("the sale", () -> sale.phaseProperty().get() == SalePhase.DONE);
        ReceiptLine line = bench.onUi(() -> sale.receipt().lines().getFirst());
        bench.onUi(() -> {
            sale.receipt().selectedLineProperty().set(line);
            sale.receipt().voidRefundProperty().set(false);
            sale.receipt().voidSelected();
        });
        assertThat(bench.onUi(() -> sale.messageProperty().get())).isEqualTo(Message.of("counter.void.needReason"));
        bench.onUi(() -> {
            sale.receipt().voidReasonProperty().set("sold by mistake");
            sale.receipt().voidSelected();
        });
        bench.await("the void", () -> sale.receipt().lines().size() == 1);
        assertThat(bench.asked).contains(Message.of("counter.confirm.void.question", line.place()));
        assertThat(bench.onUi(() -> sale.messageProperty().get())).isEqualTo(Message.of("counter.void.done", line.place()));
        assertThat(bench.onUi(() -> sale.picked())).doesNotContain(line.seatId());
        assertThat(bench.onUi(() -> sale.receipt().voidReasonProperty().get())).isEmpty();
    }

    @Test
    void theCustomerAndThePaymentAreCheckedBeforeTheSaleGoesToTheCenter() throws Exception {
        bench.onUi(() -> sale.customer().customerModeProperty().set(CustomerMode.MEMBER_CARD));
        hold(1);
        assertRefused(Message.of("counter.customer.tapFirst"));

        bench.onUi(() -> {
            sale.customer().customerModeProperty().set(CustomerMode.WALK_IN);
            sale.payment().tenderedProperty().set("12abc");
        });
        assertThat(bench.onUi(() -> sale.payment().changeProperty().get())).as("no change for a non-amount").isNull();
        assertRefused(Message.of("counter.payment.badAmount"));

        bench.onUi(() -> {
            sale.payment().tenderedProperty().set("");
            sale.customer().attendeeNamesProperty().set("Aiko Tanaka, Ben Bando");
        });
        assertRefused(Message.of("counter.attendees.tooMany", 2, 1));

        bench.onUi(() -> {
            sale.customer().attendeeNamesProperty().set("");
            sale.customer().contactForm().emailProperty().set("aiko.example.jp");
        });
        Message problem = bench.onUi(() -> sale.customer().contactForm().problem().orElseThrow());
        assertRefused(problem);

        bench.onUi(sale::releaseHold);
        bench.await("the seats back on sale", () -> sale.phaseProperty().get() == SalePhase.PICKING);
        assertThat(bench.onUi(() -> sale.customer().contactForm().emailProperty().get())).isEmpty();
    }

    @Test
    void aMembersTicketsWaitForTheCardAndAPulledCardIsWrittenOnTheNextTap() throws Exception {
        long member = bench.clerk.registerMember("vm-" + System.nanoTime() % 100000, "member-password", "Vera Mori")
                .accountId();
        var blank = bench.tray.addBlank("Vera's card");
        bench.tray.put(blank);
        String chipId = new ChipDesk(bench.clerk).issueMemberCard(bench.tray.tap(), member);
        bench.tray.put(bench.tray.issued(blank, "Vera Mori", chipId));
        bench.onUi(() -> sale.customer().tapMemberCard());
        bench.await("the card read", () -> chipId.equals(sale.customer().customerChipIdProperty().get()));
        hold(1);
        bench.tray.takeOff();

        bench.onUi(sale::confirm);
        bench.await("the pulled card said", () -> Message.of("counter.chip.gone").equals(sale.messageProperty().get()));
        assertThat(bench.onUi(() -> sale.phaseProperty().get())).isEqualTo(SalePhase.AWAITING_CHIP);
        assertThat(bench.onUi(() -> sale.chip().chipIdProperty().get())).isEqualTo(chipId);

        bench.tray.put(bench.tray.chips().stream().filter(c -> chipId.equals(c.chipId())).findFirst().orElseThrow());
        bench.onUi(() -> sale.chip().writeToChip());
        bench.await("the tickets on the card", () -> sale.phaseProperty().get() == SalePhase.DONE);
        assertThat(bench.onUi(() -> sale.messageProperty().get()))
                .isEqualTo(Message.of("counter.chip.written", 1, CounterFailures.shortChip(chipId)));
        bench.tray.takeOff();
    }

    private void hold(int seats) throws Exception {
        bench.onUi(() -> {
            sale.bestCategoryProperty().set(category);
            sale.bestCountProperty().set(seats);
            sale.holdBestAvailable();
        });
        bench.await("the hold", () -> sale.phaseProperty().get() == SalePhase.HELD);
        assertThat(bench.onUi(() -> sale.holdProperty().get().seatIds())).hasSize(seats);
        assertThat(bench.onUi(() -> sale.messageProperty().get())).isEqualTo(Message.of("counter.hint.customer"));
    }

    private void assertRefused(Message why) throws Exception {
        bench.onUi(sale::confirm);
        assertThat(bench.onUi(() -> List.of(sale.messageProperty().get(), sale.failedProperty().get(),
                sale.phaseProperty().get()))).containsExactly(why, true, SalePhase.HELD);
    }

    private long minorOf(String major) {
        return new BigDecimal(major).movePointRight(digits()).longValueExact();
    }

    private String major(long minor) {
        return BigDecimal.valueOf(minor, digits()).toPlainString();
    }

    private int digits() {
        return Math.max(0, Currency.getInstance(event.currency()).getDefaultFractionDigits());
    }
}
