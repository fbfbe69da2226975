package dev.tessera.center.sales;

import static dev.tessera.center.db.schema.Tables.ACCOUNT;
import static dev.tessera.center.db.schema.Tables.EVENT;
import static dev.tessera.center.db.schema.Tables.IDEMPOTENCY_KEY;
import static dev.tessera.center.db.schema.Tables.ISSUING_INFO;
import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.SEAT_HOLD;
import static dev.tessera.center.db.schema.Tables.SEAT_HOLD_SEAT;
import static dev.tessera.center.db.schema.Tables.SEAT_STATE;
import static dev.tessera.center.db.schema.Tables.SOLD_SEAT;
import static dev.tessera.center.db.schema.Tables.TICKET;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The references of the sales ledger that the center keeps itself since migration 31
 * ({@code SalesWithoutForeignKeyChecks}, issue 13), checked over the whole database: every ticket names a sale of its
 * event, every sale an issuing info of its event, every issuing info a hold of its event, every sold seat a seat of its
 * event, every hold an event, every hold seat a hold, and every hold, issuing info, sale and idempotency key an
 * account. The center's test suites that sell run it when they close their center, the fault tests after their kills
 * and restarts, the benchmark after its run.
 */
public final class LedgerIntegrity {
    private LedgerIntegrity() {
    }

    /** The rows that name a missing parent, by what is wrong with them; empty when the ledger is whole. */
    public static Map<String, Integer> missingParents(DSLContext ctx) {
        Map<String, Integer> found = new LinkedHashMap<>();
        count(ctx, found, "tickets without a sale of their event", TICKET,
                SALE, SALE.ID.eq(TICKET.SALE_ID).and(SALE.EVENT_ID.eq(TICKET.EVENT_ID)));
        count(ctx, found, "sales without an issuing info of their event", SALE,
                ISSUING_INFO, ISSUING_INFO.ID.eq(SALE.ISSUING_INFO_ID).and(ISSUING_INFO.EVENT_ID.eq(SALE.EVENT_ID)));
        count(ctx, found, "issuing infos without a hold of their event", ISSUING_INFO,
                SEAT_HOLD, SEAT_HOLD.ID.eq(ISSUING_INFO.HOLD_ID).and(SEAT_HOLD.EVENT_ID.eq(ISSUING_INFO.EVENT_ID)));
        count(ctx, found, "sold seats without a seat of their event", SOLD_SEAT,
                SEAT_STATE, SEAT_STATE.SEAT_ID.eq(SOLD_SEAT.SEAT_ID).and(SEAT_STATE.EVENT_ID.eq(SOLD_SEAT.EVENT_ID)));
        count(ctx, found, "holds without their event", SEAT_HOLD, EVENT, EVENT.ID.eq(SEAT_HOLD.EVENT_ID));
        count(ctx, found, "hold seats without their hold", SEAT_HOLD_SEAT,
                SEAT_HOLD, SEAT_HOLD.ID.eq(SEAT_HOLD_SEAT.HOLD_ID));
        count(ctx, found, "holds without their seller's account", SEAT_HOLD, ACCOUNT, is(SEAT_HOLD.SELLER_ID));
        count(ctx, found, "issuing infos without their seller's account", ISSUING_INFO,
                ACCOUNT, is(ISSUING_INFO.SELLER_ID));
        count(ctx, found, "sales without their seller's account", SALE, ACCOUNT, is(SALE.SELLER_ID));
        count(ctx, found, "idempotency keys without their account", IDEMPOTENCY_KEY,
                ACCOUNT, is(IDEMPOTENCY_KEY.ACCOUNT_ID));
        return found;
    }

    private static Condition is(Field<Long> accountId) {
        return ACCOUNT.ID.eq(accountId);
    }

    private static void count(DSLContext ctx, Map<String, Integer> found, String what, Table<?> child,
                              Table<?> parent, Condition names) {
        int rows = ctx.fetchCount(child, DSL.notExists(DSL.selectOne().from(parent).where(names)));
        if (rows > 0) {
            found.put(what, rows);
        }
    }
}
