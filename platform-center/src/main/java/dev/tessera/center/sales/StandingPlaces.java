package dev.tessera.center.sales;

import static dev.tessera.center.db.schema.Sequences.SEAT_REVISION_SEQ;
import static dev.tessera.center.db.schema.Tables.GA_ALLOCATION;
import static dev.tessera.center.db.schema.Tables.GA_INVENTORY;

import dev.tessera.center.db.schema.tables.records.GaInventoryRecord;
import dev.tessera.center.problem.DomainException;
import dev.tessera.core.seatmap.GeneralAdmissionArea;
import dev.tessera.core.seatmap.SeatMap;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * Issue 18: the places of general-admission (standing) areas, moved between free, held and sold by conditional
 * UPDATEs of the area's {@code ga_inventory} row. Each guard re-reads the row under its lock (PostgreSQL re-checks the
 * WHERE on the newest version, H2 waits for the row and reads it again), so two sellers racing for the last places
 * cannot both get them; the table's CHECK is the backstop.
 */
final class StandingPlaces {
    /** The most standing places one hold takes in one area. */
    static final int MAX_PLACES_PER_AREA = 50;

    private StandingPlaces() {}

    /** The request's areas, checked against the map, in area-id order (the order every transaction takes them in). */
    static Map<String, Integer> checkRequest(SeatMap map, Map<String, Integer> areas) {
        Map<String, Integer> checked = new TreeMap<>();
        if (areas == null) {
            return checked;
        }
        areas.forEach((areaId, quantity) -> {
            area(map, areaId);
            if (quantity == null || quantity < 1 || quantity > MAX_PLACES_PER_AREA) {
                throw DomainException.invalid("a hold takes 1 to " + MAX_PLACES_PER_AREA + " places of area \""
                        + areaId + "\"");
            }
            checked.put(areaId, quantity);
        });
        return checked;
    }

    static GeneralAdmissionArea area(SeatMap map, String areaId) {
        return map.areas().stream().filter(a -> a.id().equals(areaId)).findFirst()
                .orElseThrow(() -> DomainException.invalid("the event's seat map has no standing area \"" + areaId + "\""));
    }

    /** Takes {@code quantity} free places of the area into holds, or refuses with 409 area-full. */
    static void hold(DSLContext ctx, long eventId, SeatMap map, String areaId, int quantity) {
        int updated = ctx.update(GA_INVENTORY)
                .set(GA_INVENTORY.HELD, GA_INVENTORY.HELD.plus(quantity))
                .set(GA_INVENTORY.REVISION, SEAT_REVISION_SEQ.nextval())
                .where(GA_INVENTORY.EVENT_ID.eq(eventId), GA_INVENTORY.AREA_ID.eq(areaId),
                        GA_INVENTORY.HELD.plus(GA_INVENTORY.SOLD).plus(GA_INVENTORY.ALLOCATED).plus(quantity)
                                .le(GA_INVENTORY.CAPACITY))
                .execute();
        if (updated == 0) {
            GaInventoryRecord row = ctx.selectFrom(GA_INVENTORY)
                    .where(GA_INVENTORY.EVENT_ID.eq(eventId), GA_INVENTORY.AREA_ID.eq(areaId)).fetchOne();
            if (row == null) {
                throw DomainException.conflict("area-not-on-sale", "standing area " + areaId + " of event " + eventId
                        + " has no places for sale");
            }
            int left = Math.max(0, row.getCapacity() - row.getHeld() - row.getSold() - row.getAllocated());
            String name = area(map, areaId).name();
            throw DomainException.conflict("area-full", left == 0
                    ? name + " is sold out: no standing places are left"
                    : "only " + left + " standing places are left in " + name + ", " + quantity + " were asked");
        }
    }

    /** Gives held places back (a hold released or lapsed). */
    static void unhold(DSLContext ctx, long eventId, String areaId, int quantity) {
        int updated = ctx.update(GA_INVENTORY)
                .set(GA_INVENTORY.HELD, GA_INVENTORY.HELD.minus(quantity))
                .set(GA_INVENTORY.REVISION, SEAT_REVISION_SEQ.nextval())
                .where(GA_INVENTORY.EVENT_ID.eq(eventId), GA_INVENTORY.AREA_ID.eq(areaId),
                        GA_INVENTORY.HELD.ge(quantity))
                .execute();
        requireOne(updated, "release " + quantity + " held places of " + areaId);
    }

    /** Held places become sold: the sale of a hold. */
    static void sell(DSLContext ctx, long eventId, String areaId, int quantity) {
        int updated = ctx.update(GA_INVENTORY)
                .set(GA_INVENTORY.HELD, GA_INVENTORY.HELD.minus(quantity))
                .set(GA_INVENTORY.SOLD, GA_INVENTORY.SOLD.plus(quantity))
                .set(GA_INVENTORY.REVISION, SEAT_REVISION_SEQ.nextval())
                .where(GA_INVENTORY.EVENT_ID.eq(eventId), GA_INVENTORY.AREA_ID.eq(areaId),
                        GA_INVENTORY.HELD.ge(quantity))
                .execute();
        requireOne(updated, "sell " + quantity + " held places of " + areaId);
    }

    /** A sold place is for sale again: its ticket was voided or refunded. */
    static void unsell(DSLContext ctx, long eventId, String areaId) {
        int updated = ctx.update(GA_INVENTORY)
                .set(GA_INVENTORY.SOLD, GA_INVENTORY.SOLD.minus(1))
                .set(GA_INVENTORY.REVISION, SEAT_REVISION_SEQ.nextval())
                .where(GA_INVENTORY.EVENT_ID.eq(eventId), GA_INVENTORY.AREA_ID.eq(areaId), GA_INVENTORY.SOLD.ge(1))
                .execute();
        requireOne(updated, "return a sold place of " + areaId);
    }

    /**
     * An offline counter's sale of its allocation: the places move from the seller's allocation to sold, and never
     * more than it was allocated. Refuses with a message the journal keeps.
     */
    static void sellAllocated(DSLContext ctx, long eventId, long sellerId, String areaId, int quantity) {
        int fromAllocation = ctx.update(GA_ALLOCATION)
                .set(GA_ALLOCATION.SOLD, GA_ALLOCATION.SOLD.plus(quantity))
                .where(GA_ALLOCATION.EVENT_ID.eq(eventId), GA_ALLOCATION.AREA_ID.eq(areaId),
                        GA_ALLOCATION.SELLER_ID.eq(sellerId),
                        GA_ALLOCATION.SOLD.plus(quantity).le(GA_ALLOCATION.QUANTITY))
                .execute();
        if (fromAllocation == 0) {
            var allocation = ctx.selectFrom(GA_ALLOCATION).where(GA_ALLOCATION.EVENT_ID.eq(eventId),
                    GA_ALLOCATION.AREA_ID.eq(areaId), GA_ALLOCATION.SELLER_ID.eq(sellerId)).fetchOne();
            int left = allocation == null ? 0 : allocation.getQuantity() - allocation.getSold();
            throw DomainException.conflict("allocation-exceeded", "the seller's allocation of standing area " + areaId
                    + " has " + left + " places left, " + quantity + " were sold offline");
        }
        int updated = ctx.update(GA_INVENTORY)
                .set(GA_INVENTORY.ALLOCATED, GA_INVENTORY.ALLOCATED.minus(quantity))
                .set(GA_INVENTORY.SOLD, GA_INVENTORY.SOLD.plus(quantity))
                .set(GA_INVENTORY.REVISION, SEAT_REVISION_SEQ.nextval())
                .where(GA_INVENTORY.EVENT_ID.eq(eventId), GA_INVENTORY.AREA_ID.eq(areaId),
                        GA_INVENTORY.ALLOCATED.ge(quantity))
                .execute();
        requireOne(updated, "sell " + quantity + " allocated places of " + areaId);
    }

    private static void requireOne(int updated, String what) {
        if (updated != 1) {
            // the counters disagree with the holds and sales that made them: a bug, never a customer's doing
            throw new IllegalStateException("could not " + what + ": the area's counters do not allow it");
        }
    }
}
