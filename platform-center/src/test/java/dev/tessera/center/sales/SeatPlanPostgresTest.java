package dev.tessera.center.sales;

import static dev.tessera.center.db.schema.Tables.SEAT_CHANGE;
import static dev.tessera.center.db.schema.Tables.SEAT_STATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.live.AvailabilityService;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.center.support.PostgresCluster;
import dev.tessera.contract.availability.SeatChange;
import dev.tessera.core.seatmap.Seat;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The first sales of a new event run at the steady rate: right after registration PostgreSQL plans the seat update over
 * the primary key, not over an index led by the event id (which scans the whole event while the planner's statistics
 * do not know the new event id yet). A seat change updates the seat row in place (HOT: no index names the revision it
 * stamps, migrations 33 and 34) and logs the revision in seat_change, through whose key the deltas find it.
 */
class SeatPlanPostgresTest {
    private CenterFixture fx;

    @BeforeEach
    void start() {
        fx = new CenterFixture(PostgresCluster.shared().createDatabase("seat_plan"), "postgres");
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void aNewEventsSeatUpdateUsesThePrimaryKeyRightAfterRegistration() {
        EventSetup first = fx.publishedTheatreEvent(Map.of(), Map.of());
        EventSetup fresh = fx.publishedTheatreEvent(Map.of(), Map.of());
        DSLContext ctx = fx.center.services().db().dsl();
        List<String> two = fresh.map().seats().stream().skip(500).limit(2).map(Seat::id).toList();

        for (EventSetup event : List.of(first, fresh)) {
            String plan = ctx.explain(SeatStates.moveStatement(ctx, event.eventId(), two, 1L, "HELD",
                    SEAT_STATE.STATUS.eq("FREE"))).plan();
            assertThat(plan).as("plan of the seat update for event %d", event.eventId())
                    .contains("seat_state_pkey").doesNotContain("seat_state_revision_ix")
                    .doesNotContain("seat_state_row_ix");
        }
    }

    /**
     * Autoanalyze counts the rows changed since a table's last analysis and analyzes it again past 10 %; an ANALYZE of
     * some columns only leaves that count as it was, so a registration's 100,000 seat rows had autoanalyze run in the
     * first seconds of selling the new event. The registration's own analysis resets it.
     */
    @Test
    void registeringAnEventLeavesAutoanalyzeNoSeatRowsToCount() {
        fx.publishedTheatreEvent(Map.of(), Map.of());
        DSLContext ctx = fx.center.services().db().dsl();

        var stats = ctx.resultQuery("SELECT n_mod_since_analyze, n_live_tup, last_analyze FROM pg_stat_user_tables "
                + "WHERE relname = 'seat_state'").fetchOne();
        assertThat(stats.get(1, Long.class)).as("seat rows PostgreSQL counts as live").isPositive();
        assertThat(stats.get(2)).as("the registration's own analysis").isNotNull();
        assertThat(stats.get(0, Long.class)).as("seat rows changed since that analysis").isZero();
    }

    @Test
    void aSeatChangeUpdatesTheRowInPlaceAndTheDeltaFindsItByTheChangeLogsKey() {
        EventSetup event = fx.publishedTheatreEvent(Map.of(), Map.of());
        DSLContext ctx = fx.center.services().db().dsl();
        List<String> two = event.map().seats().stream().filter(s -> s.flags().isEmpty()).skip(500).limit(2)
                .map(Seat::id).toList();

        List<Long> hot = ctx.transactionResult(c -> {
            DSLContext tx = DSL.using(c);
            List<SeatChange> held = SeatStates.move(tx, event.eventId(), two, 1L, "HELD", SEAT_STATE.STATUS.eq("FREE"));
            assertThat(held).extracting(SeatChange::seatId).containsExactlyInAnyOrderElementsOf(two);
            assertThat(tx.select(SEAT_CHANGE.SEAT_ID, SEAT_CHANGE.REVISION).from(SEAT_CHANGE)
                    .where(SEAT_CHANGE.EVENT_ID.eq(event.eventId()))
                    .fetch(r -> new SeatChange(r.value1(), "HELD", r.value2())))
                    .as("a change row for each seat, with the revision the update stamped")
                    .containsExactlyInAnyOrderElementsOf(held);
            // this transaction's own counts: how many seat rows it updated, and how many of them in place
            return tx.resultQuery(
                    "select n_tup_upd, n_tup_hot_upd from pg_stat_xact_user_tables where relname = 'seat_state'")
                    .fetchSingle(r -> List.of(r.get(0, Long.class), r.get(1, Long.class)));
        });
        assertThat(hot).as("seat rows updated, of them HOT").containsExactly(2L, 2L);
        assertThat(ctx.resultQuery("select reloptions::text from pg_class where relname = 'seat_state'").fetchSingle()
                .get(0, String.class)).contains("fillfactor=80");

        String plan = ctx.explain(AvailabilityService.changesSince(ctx, event.eventId(), 0)).plan();
        assertThat(plan).as("plan of a delta").contains("seat_change_pkey").contains("seat_state_pkey")
                .doesNotContain("Seq Scan");
        assertThat(ctx.resultQuery("select indexdef from pg_indexes where tablename = 'seat_state'")
                .fetch(r -> r.get(0, String.class))).as("no index of the seat rows names the revision")
                .noneMatch(definition -> definition.contains("revision"));
    }
}
