package dev.tessera.center.sales;

import static dev.tessera.center.db.schema.Sequences.SEAT_REVISION_SEQ;
import static dev.tessera.center.db.schema.Tables.SEAT_CHANGE;
import static dev.tessera.center.db.schema.Tables.SEAT_STATE;

import dev.tessera.center.db.Pipeline;
import dev.tessera.center.db.RenderedStatement;
import dev.tessera.center.db.schema.tables.records.SeatStateRecord;
import dev.tessera.contract.availability.SeatChange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.UpdateConditionStep;
import org.jooq.impl.DSL;

/**
 * Moves named seats of one event from one state to the next under a guard, stamping each with a
 * new revision for live availability and logging that revision in {@code seat_change} (migration 33: the revision is
 * not indexed on the seat row, so that PostgreSQL updates the row in place). {@code hold_id} stays on the row after
 * the hold ends: it names the last hold that touched the seat, and it is how the moved rows are read back on H2.
 */
final class SeatStates {
    /** Which seats a move may take: the guards of the hot path, rendered once each ({@link RenderedStatement}). */
    enum Guard {
        /** Free, and outside every other seller's block: a hold, or a sale paid at once. */
        TAKEABLE,
        /** Held by the hold: its confirmation, or its release. */
        HELD_BY_THE_HOLD
    }

    private record Shape(Guard guard, int seats, boolean returning) {}

    private static final RenderedStatement.Shapes<Shape> MOVES = new RenderedStatement.Shapes<>((ctx, shape) -> {
        Param<String> toStatus = DSL.param("to_status", SEAT_STATE.STATUS.getDataType());
        Param<Long> holdId = DSL.param("hold_id", SEAT_STATE.HOLD_ID.getDataType());
        List<Param<String>> seats = new ArrayList<>();
        for (int i = 0; i < shape.seats(); i++) {
            seats.add(DSL.param("seat_" + i, SEAT_STATE.SEAT_ID.getDataType()));
        }
        Param<Long> eventId = DSL.param("event_id", SEAT_STATE.EVENT_ID.getDataType());
        Param<Long> guardValue = DSL.param("guard", SEAT_STATE.HOLD_ID.getDataType());
        Condition guard = switch (shape.guard()) {
            case TAKEABLE -> SEAT_STATE.STATUS.eq(DSL.inline("FREE"))
                    .and(SEAT_STATE.ALLOCATED_TO.isNull().or(SEAT_STATE.ALLOCATED_TO.eq(guardValue)));
            case HELD_BY_THE_HOLD -> SEAT_STATE.HOLD_ID.eq(guardValue).and(SEAT_STATE.STATUS.eq(DSL.inline("HELD")));
        };
        var update = moveStatement(ctx, eventId, seats, holdId, toStatus, guard);
        return shape.returning() ? logged(ctx, update) : update;
    });

    /** H2: the change rows of seats an update moved, one row each (event, revision, seat), in one INSERT. */
    private static final RenderedStatement.Shapes<Integer> CHANGE_ROWS = new RenderedStatement.Shapes<>((ctx, n) ->
            RenderedStatement.insertRows(ctx, SEAT_CHANGE, n,
                    List.of(SEAT_CHANGE.EVENT_ID, SEAT_CHANGE.REVISION, SEAT_CHANGE.SEAT_ID)));

    private static final RenderedStatement.Shapes<Integer> READ_BACKS = new RenderedStatement.Shapes<>((ctx, n) -> {
        List<Param<String>> seats = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            seats.add(DSL.param("seat_" + i, SEAT_STATE.SEAT_ID.getDataType()));
        }
        return ctx.select(SEAT_STATE.SEAT_ID, SEAT_STATE.REVISION).from(SEAT_STATE)
                .where(SEAT_STATE.SEAT_ID.in(seats), SEAT_STATE.EVENT_ID.eq(DSL.param("event_id", Long.class)),
                        SEAT_STATE.HOLD_ID.eq(DSL.param("hold_id", Long.class)),
                        SEAT_STATE.STATUS.eq(DSL.param("status", String.class)));
    });

    private SeatStates() {}

    /**
     * {@link #move} under one of the hot path's guards, its statement rendered once per shape: {@code guardValue} is
     * the seller (TAKEABLE: their own block may be taken) or the hold (HELD_BY_THE_HOLD).
     */
    static List<SeatChange> move(DSLContext ctx, long eventId, List<String> seatIds, long holdId, String toStatus,
                                 Guard guard, long guardValue) {
        Object[] values = moveValues(eventId, seatIds, holdId, toStatus, guardValue);
        boolean postgres = ctx.dialect().family() == SQLDialect.POSTGRES;
        RenderedStatement update = MOVES.of(new Shape(guard, seatIds.size(), postgres));
        if (postgres) {
            return update.fetch(ctx, changeTo(toStatus), values);
        }
        update.execute(ctx, values);
        return logChanges(ctx, eventId, readBack(ctx, eventId, seatIds, holdId, toStatus));
    }

    /**
     * {@link #move} under one of the hot path's guards as a step of {@code pipeline}, for PostgreSQL: the moved seats
     * come back from the change rows their update wrote ({@link #logged}; H2 plans UPDATE … RETURNING over a secondary
     * index, hence its read-back).
     */
    static Pipeline.Step<SeatChange> moveOnPostgres(Pipeline pipeline, long eventId, List<String> seatIds, long holdId,
                                                     String toStatus, Guard guard, long guardValue) {
        return pipeline.fetch(MOVES.of(new Shape(guard, seatIds.size(), true)), changeTo(toStatus),
                moveValues(eventId, seatIds, holdId, toStatus, guardValue));
    }

    /** Reads a moved seat's id and new revision (the first two columns) as its change to {@code toStatus}. */
    private static RenderedStatement.RowReader<SeatChange> changeTo(String toStatus) {
        return row -> new SeatChange(row.getString(1), toStatus, row.getLong(2));
    }

    private static Object[] moveValues(long eventId, List<String> seatIds, long holdId, String toStatus,
                                       long guardValue) {
        List<Object> values = new ArrayList<>(seatIds.size() + 4);
        values.add(toStatus);
        values.add(holdId);
        values.addAll(seatIds);
        values.add(eventId);
        values.add(guardValue);
        return values.toArray();
    }

    /**
     * The seats a move on H2 just stamped, read back by the hold they now name: H2 plans UPDATE … RETURNING (its
     * FINAL TABLE form) over a secondary index and scans the whole event, 100,000 rows in a stadium.
     */
    private static List<SeatChange> readBack(DSLContext ctx, long eventId, Collection<String> seatIds, long holdId,
                                             String toStatus) {
        List<Object> values = new ArrayList<>(seatIds);
        values.add(eventId);
        values.add(holdId);
        values.add(toStatus);
        return READ_BACKS.of(seatIds.size()).fetch(ctx, changeTo(toStatus), values.toArray());
    }

    /** Returns the seats that moved; the caller compares the count with what it asked for. */
    static List<SeatChange> move(DSLContext ctx, long eventId, Collection<String> seatIds, long holdId,
                                 String toStatus, Condition guard) {
        if (ctx.dialect().family() == SQLDialect.POSTGRES) {
            // one round trip: PostgreSQL updates the rows by primary key, logs them and returns them (issue 13)
            return logged(ctx, moveStatement(ctx, eventId, seatIds, holdId, toStatus, guard))
                    .fetch(r -> new SeatChange(r.get(0, String.class), toStatus, r.get(1, Long.class)));
        }
        moveStatement(ctx, eventId, seatIds, holdId, toStatus, guard).execute();
        return logChanges(ctx, eventId, readBack(ctx, eventId, seatIds, holdId, toStatus));
    }

    /**
     * PostgreSQL: {@code update} and the change row of each seat it moved, as one statement ({@code WITH moved AS
     * (UPDATE … RETURNING …) INSERT INTO seat_change … RETURNING seat_id, revision}): the moved seats' ids and new
     * revisions, in that order.
     */
    private static ResultQuery<Record> logged(DSLContext ctx, UpdateConditionStep<SeatStateRecord> update) {
        return ctx.resultQuery("with moved as ({0}) insert into {1} ({2}, {3}, {4}) select {2}, {3}, {4} from moved "
                        + "returning {4}, {3}",
                update.returningResult(SEAT_STATE.EVENT_ID, SEAT_STATE.REVISION, SEAT_STATE.SEAT_ID), SEAT_CHANGE,
                SEAT_CHANGE.EVENT_ID.getUnqualifiedName(), SEAT_CHANGE.REVISION.getUnqualifiedName(),
                SEAT_CHANGE.SEAT_ID.getUnqualifiedName());
    }

    /** H2: writes the change row of each seat a move stamped; returns {@code moved}. */
    private static List<SeatChange> logChanges(DSLContext ctx, long eventId, List<SeatChange> moved) {
        if (!moved.isEmpty()) {
            List<Object> values = new ArrayList<>(moved.size() * 3);
            for (SeatChange change : moved) {
                values.add(eventId);
                values.add(change.revision());
                values.add(change.seatId());
            }
            CHANGE_ROWS.of(moved.size()).execute(ctx, values.toArray());
        }
        return moved;
    }

    /** The seat update itself, apart so that a test can ask the database how it plans it. */
    static UpdateConditionStep<SeatStateRecord> moveStatement(DSLContext ctx, long eventId, Collection<String> seatIds, long holdId, String toStatus,
                               Condition guard) {
        return moveStatement(ctx, DSL.val(eventId, SEAT_STATE.EVENT_ID), seatIds.stream()
                .map(seat -> DSL.val(seat, SEAT_STATE.SEAT_ID)).toList(), DSL.val(holdId, SEAT_STATE.HOLD_ID),
                DSL.val(toStatus, SEAT_STATE.STATUS), guard);
    }

    /** The seat update with its values as fields: bound values, or the placeholders of a rendered statement. */
    private static UpdateConditionStep<SeatStateRecord> moveStatement(DSLContext ctx, Field<Long> eventId,
            Collection<? extends Field<String>> seats, Field<Long> holdId, Field<String> toStatus, Condition guard) {
        return ctx.update(SEAT_STATE)
                .set(SEAT_STATE.STATUS, toStatus)
                .set(SEAT_STATE.HOLD_ID, holdId)
                .set(SEAT_STATE.REVISION, SEAT_REVISION_SEQ.nextval())
                .where(SEAT_STATE.SEAT_ID.in(seats), SEAT_STATE.EVENT_ID.eq(eventId), guard);
    }
}
