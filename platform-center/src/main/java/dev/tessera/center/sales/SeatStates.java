package dev.tessera.center.sales;

import static dev.tessera.center.db.schema.Sequences.SEAT_REVISION_SEQ;
import static dev.tessera.center.db.schema.Tables.SEAT_STATE;

import dev.tessera.center.db.schema.tables.records.SeatStateRecord;
import dev.tessera.contract.availability.SeatChange;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.UpdateConditionStep;

/**
 * Moves named seats of one event from one state to the next under a guard, stamping each with a
 * new revision for live availability. {@code hold_id} stays on the row after the hold ends: it names
 * the last hold that touched the seat, and it is how the moved rows are read back.
 */
final class SeatStates {
    private SeatStates() {}

    /** Returns the seats that moved; the caller compares the count with what it asked for. */
    static List<SeatChange> move(DSLContext ctx, long eventId, Collection<String> seatIds, long holdId,
                                 String toStatus, Condition guard) {
        if (ctx.dialect().family() == SQLDialect.POSTGRES) {
            // one round trip: PostgreSQL returns the moved rows from the UPDATE by primary key (issue 13)
            return moveStatement(ctx, eventId, seatIds, holdId, toStatus, guard)
                    .returningResult(SEAT_STATE.SEAT_ID, SEAT_STATE.REVISION)
                    .fetch(r -> new SeatChange(r.value1(), toStatus, r.value2()));
        }
        // On H2 a plain UPDATE by primary key, then a read-back: H2 plans UPDATE … RETURNING (its FINAL TABLE
        // form) over a secondary index and scans the whole event, 100,000 rows in a stadium.
        moveStatement(ctx, eventId, seatIds, holdId, toStatus, guard).execute();
        return ctx.select(SEAT_STATE.SEAT_ID, SEAT_STATE.REVISION).from(SEAT_STATE)
                .where(SEAT_STATE.SEAT_ID.in(seatIds), SEAT_STATE.EVENT_ID.eq(eventId),
                        SEAT_STATE.HOLD_ID.eq(holdId), SEAT_STATE.STATUS.eq(toStatus))
                .fetch(r -> new SeatChange(r.value1(), toStatus, r.value2()));
    }

    /** The seat update itself, apart so that a test can ask the database how it plans it. */
    static UpdateConditionStep<SeatStateRecord> moveStatement(DSLContext ctx, long eventId, Collection<String> seatIds, long holdId, String toStatus,
                               Condition guard) {
        return ctx.update(SEAT_STATE)
                .set(SEAT_STATE.STATUS, toStatus)
                .set(SEAT_STATE.HOLD_ID, holdId)
                .set(SEAT_STATE.REVISION, SEAT_REVISION_SEQ.nextval())
                .where(SEAT_STATE.SEAT_ID.in(seatIds), SEAT_STATE.EVENT_ID.eq(eventId), guard);
    }
}
