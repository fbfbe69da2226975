package dev.tessera.center.sales;

import static dev.tessera.center.db.schema.Tables.SEAT_STATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.center.support.PostgresCluster;
import dev.tessera.core.seatmap.Seat;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The first sales of a new event run at the steady rate: right after registration PostgreSQL plans the seat update over
 * the primary key, not over an index led by the event id (which scans the whole event while the planner's statistics
 * do not know the new event id yet).
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
}
