package dev.tessera.desktop.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.core.seatmap.Category;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.desktop.counter.CustomerMode;
import dev.tessera.desktop.counter.SalePhase;
import dev.tessera.desktop.counter.SaleViewModel;
import dev.tessera.desktop.support.CounterBench;
import dev.tessera.desktop.ui.Message;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** After-sales' view models per flow without a stage, on a real embedded center: search, void, refund, exchange. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AfterSalesViewModelsTest {
    CounterBench bench;
    SaleViewModel sale;
    AfterSalesViewModel after;

    @BeforeAll
    void open(@TempDir Path dir) throws Exception {
        bench = new CounterBench(dir);
        sale = bench.sale;
        after = bench.afterSales;
    }

    @AfterAll
    void close() throws Exception {
        bench.close();
    }

    @Test
    void theSearchFindsASaleByItsNumberAndRefusesWordsItCannotRead() throws Exception {
        SaleResult sold = sellToWalkIn(2);
        find("#" + sold.saleId());
        assertThat(bench.onUi(() -> after.search().tickets())).extracting(TicketRow::saleId)
                .containsOnly(sold.saleId()).hasSize(2);
        assertThat(bench.onUi(() -> after.messageProperty().get()))
                .isEqualTo(Message.of("aftersales.lookup.found", 1L, 2));
        bench.onUi(() -> {
            after.search().queryProperty().set("x");
            after.search().lookup();
        });
        assertThat(bench.onUi(() -> after.messageProperty().get())).isEqualTo(Message.of("aftersales.lookup.unknown"));
    }

    @Test
    void aVoidAsksForAReasonThenAsksTheClerkAndTheTicketIsNoLongerValid() throws Exception {
        SaleResult sold = sellToWalkIn(2);
        find("#" + sold.saleId());
        TicketRow row = bench.onUi(() -> after.search().tickets().getFirst());
        bench.onUi(() -> {
            after.search().selected().setAll(row);
            after.refund().voidOnly();
        });
        assertThat(bench.onUi(() -> after.messageProperty().get())).isEqualTo(Message.of("aftersales.reason.choose"));
        bench.onUi(() -> {
            after.reasonProperty().set(Reason.CLERK_ERROR);
            after.refund().voidOnly();
        });
        bench.await("the void", () -> Message.of("aftersales.void.done", 1).equals(after.messageProperty().get()));
        assertThat(bench.asked).contains(Message.of("aftersales.confirm.void.question", 1));
        assertThat(bench.onUi(() -> after.search().tickets()))
                .filteredOn(r -> r.ticketId().equals(row.ticketId())).singleElement()
                .extracting(TicketRow::valid).isEqualTo(false);
        assertThat(bench.onUi(() -> after.reasonProperty().get())).as("the reason is asked again next time").isNull();
    }

    @Test
    void anExchangeReturnsTheSelectedTicketForTheHeldSeatInOneStepAndPrintsTheNewOne() throws Exception {
        SaleResult sold = sellToWalkIn(1);
        find("#" + sold.saleId());
        TicketRow returned = bench.onUi(() -> after.search().tickets().getFirst());
        bench.onUi(sale::newSale);
        hold(1);
        bench.onUi(() -> {
            after.search().selected().setAll(returned);
            after.reasonProperty().set(Reason.SEAT_PROBLEM);
        });
        assertThat(bench.onUi(() -> after.exchange().exchangeSummaryProperty().get().key()))
                .isEqualTo("aftersales.exchange.noDifference");
        bench.onUi(() -> after.exchange().exchange());
        bench.await("the exchange printed", () -> after.messageProperty().get() != null
                && after.messageProperty().get().key().equals("aftersales.exchange.printed"));
        assertThat(bench.onUi(() -> sale.phaseProperty().get())).as("the counter starts over").isEqualTo(SalePhase.PICKING);
        assertThat(bench.onUi(() -> after.search().tickets()))
                .filteredOn(r -> r.ticketId().equals(returned.ticketId())).singleElement()
                .extracting(TicketRow::valid).isEqualTo(false);
    }

    private SaleResult sellToWalkIn(int seats) throws Exception {
        bench.onUi(sale::newSale);
        hold(seats);
        bench.onUi(() -> {
            sale.customer().customerModeProperty().set(CustomerMode.WALK_IN);
            sale.confirm();
        });
        bench.await("the sale", () -> sale.phaseProperty().get() == SalePhase.DONE);
        return bench.onUi(() -> sale.lastSale().orElseThrow());
    }

    private void hold(int seats) throws Exception {
        bench.onUi(() -> {
            Category category = sale.categories().getFirst();
            sale.bestCategoryProperty().set(category);
            sale.bestCountProperty().set(seats);
            sale.holdBestAvailable();
        });
        bench.await("the hold", () -> sale.phaseProperty().get() == SalePhase.HELD);
    }

    private void find(String query) throws Exception {
        bench.onUi(() -> {
            after.search().tickets().clear();
            after.search().queryProperty().set(query);
            after.search().lookup();
        });
        bench.await("the lookup of " + query, () -> !after.busyProperty().get() && !after.search().tickets().isEmpty());
        List<TicketRow> rows = bench.onUi(() -> List.copyOf(after.search().tickets()));
        assertThat(rows).isNotEmpty();
    }
}
