package dev.tessera.center.sales;

import static dev.tessera.center.db.schema.Tables.TICKET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.PostgresCluster;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Migration 30: a ticket is written with two fewer index entries, and every lookup those indexes served still has an
 * index: a sale's tickets through {@code ticket_sales_log_ix}, a chip's tickets through the partial
 * {@code ticket_holder_ix} (which holds only tickets on a chip). Sequential scans are switched off so that the plan
 * shows which index can answer, whatever the size of the test's tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketIndexPostgresTest {
    private CenterFixture fx;

    @BeforeAll
    void start() {
        fx = new CenterFixture(PostgresCluster.shared().createDatabase("ticket_index"), "postgres");
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    private String plan(java.util.function.Function<DSLContext, Query> query) {
        return fx.center.services().db().tx(ctx -> {
            ctx.execute("SET LOCAL enable_seqscan = off");
            return ctx.explain(query.apply(ctx)).plan();
        });
    }

    @Test
    void theTicketTableKeepsTheIndexesItsQueriesUse() {
        assertThat(fx.center.services().db().dsl().fetch("SELECT indexname, indexdef FROM pg_indexes "
                + "WHERE tablename = 'ticket' ORDER BY indexname").intoMap(r -> r.get(0, String.class),
                        r -> r.get(1, String.class)))
                .doesNotContainKey("ticket_sale_ix")
                .containsKeys("ticket_pkey", "ticket_sales_log_ix", "ticket_holder_ix")
                .hasEntrySatisfying("ticket_holder_ix", def -> assertThat(def)
                        .endsWith("(holder_chip_id) WHERE (holder_chip_id IS NOT NULL)"));
    }

    @Test
    void aSalesTicketsAreReadThroughTheSalesLogIndex() {
        assertThat(plan(ctx -> ctx.selectFrom(TICKET).where(TICKET.SALE_ID.eq(42L))))
                .contains("ticket_sales_log_ix");
    }

    @Test
    void aChipsTicketsAreReadThroughThePartialHolderIndex() {
        assertThat(plan(ctx -> ctx.selectFrom(TICKET).where(TICKET.HOLDER_CHIP_ID.eq("04A1B2C3D4E5F6"),
                TICKET.STATUS.eq("VALID")))).contains("ticket_holder_ix");
    }
}
