package dev.tessera.center.sales;

import static dev.tessera.center.db.schema.Tables.ISSUING_INFO;
import static dev.tessera.center.db.schema.Tables.SALE;
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
 * {@code ticket_holder_ix} (which holds only tickets on a chip). Migrations 31 and 32: an issued hold's sale is found
 * through the sale's unique issuing info. Sequential scans are switched off so that the plan
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
    void anIssuedHoldsSaleIsFoundByItsIssuingInfosUniqueKey() {
        // migration 31 dropped the keys (id, event_id) only the composite foreign keys used; migration 32 keeps one
        // sale per issuing info, and its index answers the lookups of an issued hold's sale (HoldService.find)
        assertThat(fx.center.services().db().dsl().fetch("SELECT indexname FROM pg_indexes WHERE tablename IN "
                + "('sale', 'issuing_info', 'seat_hold') ORDER BY indexname").getValues(0, String.class))
                .contains("sale_issuing_info_uk", "issuing_info_hold_uk")
                .doesNotContain("sale_event_uk", "issuing_info_event_uk", "seat_hold_event_uk");
        assertThat(plan(ctx -> ctx.select(TICKET.SEAT_ID).from(TICKET).join(SALE).on(SALE.ID.eq(TICKET.SALE_ID))
                .join(ISSUING_INFO).on(ISSUING_INFO.ID.eq(SALE.ISSUING_INFO_ID))
                .where(ISSUING_INFO.HOLD_ID.eq(42L)))).contains("sale_issuing_info_uk");
    }

    @Test
    void aChipsTicketsAreReadThroughThePartialHolderIndex() {
        assertThat(plan(ctx -> ctx.selectFrom(TICKET).where(TICKET.HOLDER_CHIP_ID.eq("04A1B2C3D4E5F6"),
                TICKET.STATUS.eq("VALID")))).contains("ticket_holder_ix");
    }
}
