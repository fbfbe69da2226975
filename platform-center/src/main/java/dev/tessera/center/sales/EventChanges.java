package dev.tessera.center.sales;

import static dev.tessera.center.db.schema.Tables.ACCOUNT;
import static dev.tessera.center.db.schema.Tables.EVENT;
import static dev.tessera.center.db.schema.Tables.EVENT_CHANGE;
import static dev.tessera.center.db.schema.Tables.ISSUING_INFO;
import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.SEAT_HOLD;
import static dev.tessera.center.db.schema.Tables.TICKET;
import static dev.tessera.center.db.schema.Tables.TICKET_TRANSFER;

import dev.tessera.center.db.Database;
import dev.tessera.center.db.schema.tables.records.EventRecord;
import dev.tessera.center.db.schema.tables.records.TicketRecord;
import dev.tessera.center.event.EventService;
import dev.tessera.center.problem.DomainException;
import dev.tessera.center.revocation.Revocations;
import dev.tessera.contract.event.EventChanged;
import dev.tessera.contract.event.RefundLine;
import dev.tessera.contract.event.RefundList;
import dev.tessera.contract.event.RefundSale;
import dev.tessera.core.model.Event;
import dev.tessera.core.model.EventStatus;
import dev.tessera.core.model.HoldStatus;
import dev.tessera.core.ticket.Ticket;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import dev.tessera.contract.event.CancelEvent;
import dev.tessera.contract.event.MoveEvent;

/**
 * Issue 14: the organizer cancels or moves an event. Cancelling ends its sale and revokes every valid ticket at the
 * gates at once (reason EVENT_CANCELLED), leaving the refunds to list per seller and payment method; moving gives it
 * new dates and re-issues every valid ticket with them (version + 1, reason EVENT_MOVED for the old copy), which the
 * member's next "write to my card" puts on the card. Pending transfers of those tickets are cancelled either way: they
 * would move a copy that no longer admits anybody.
 */
public final class EventChanges {
    private static final int MAX_REASON = 200;

    private final Database db;
    private final EventService events;
    private final TicketFactory factory;
    private final Clock clock;

    public EventChanges(Database db, EventService events, TicketFactory factory, Clock clock) {
        this.db = db;
        this.events = events;
        this.factory = factory;
        this.clock = clock;
    }

    public EventChanged cancel(long organizerId, long eventId, CancelEvent request) {
        String reason = reason(request == null ? null : request.reason());
        OffsetDateTime now = OffsetDateTime.now(clock);
        int revoked = db.tx(ctx -> {
            EventRecord event = lock(ctx, eventId);
            if (EventStatus.CANCELLED.name().equals(event.getStatus())) {
                throw DomainException.conflict("event-cancelled", "event " + eventId + " is already cancelled");
            }
            ctx.update(EVENT).set(EVENT.STATUS, EventStatus.CANCELLED.name()).where(EVENT.ID.eq(eventId)).execute();
            // a hold of a cancelled event can no longer be sold
            ctx.update(SEAT_HOLD).set(SEAT_HOLD.STATUS, HoldStatus.RELEASED.name())
                    .where(SEAT_HOLD.EVENT_ID.eq(eventId), SEAT_HOLD.STATUS.eq(HoldStatus.ACTIVE.name())).execute();
            List<TicketRecord> valid = validTickets(ctx, eventId);
            for (TicketRecord t : valid) {
                Revocations.revoke(ctx, t, "EVENT_CANCELLED", now);
            }
            cancelTransfers(ctx, eventId);
            record(ctx, eventId, "CANCELLED", reason, event.getStartsAt(), null, valid.size(), organizerId, now);
            return valid.size();
        });
        events.forget(eventId);
        return new EventChanged(events.event(eventId), revoked, 0);
    }

    public EventChanged move(long organizerId, long eventId, MoveEvent request) {
        if (request == null || request.doorsOpen() == null || request.startsAt() == null || request.endsAt() == null) {
            throw DomainException.invalid("name the new doorsOpen, startsAt and endsAt");
        }
        if (request.doorsOpen().isAfter(request.startsAt()) || !request.startsAt().isBefore(request.endsAt())) {
            throw DomainException.invalid("the doors open before the start, and the event ends after it starts");
        }
        if (!request.endsAt().isAfter(clock.instant())) {
            throw DomainException.invalid("the new dates are over already");
        }
        String reason = reason(request.reason());
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<TicketRecord> valid = validTickets(db.dsl(), eventId);
        int reissued = db.tx(ctx -> {
            EventRecord event = lock(ctx, eventId);
            if (EventStatus.CANCELLED.name().equals(event.getStatus())) {
                throw DomainException.conflict("event-cancelled", "event " + eventId + " is cancelled; it cannot move");
            }
            ctx.update(EVENT).set(EVENT.DOORS_OPEN, utc(request.doorsOpen()))
                    .set(EVENT.STARTS_AT, utc(request.startsAt())).set(EVENT.ENDS_AT, utc(request.endsAt()))
                    .where(EVENT.ID.eq(eventId)).execute();
            int count = 0;
            for (TicketRecord t : valid) {
                Ticket old = Revocations.decode(t);
                int version = t.getVersion() + 1;
                Ticket moved = new Ticket(old.ticketId(), version, old.eventId(), old.seatId(), old.categoryId(),
                        old.gateId(), request.doorsOpen(), request.endsAt(), old.holderChipId(), old.attendees(),
                        old.priceMinor(), old.currency());
                int updated = ctx.update(TICKET).set(TICKET.VERSION, version)
                        .set(TICKET.ENCODED, TicketFactory.base64(factory.sign(moved)))
                        .where(TICKET.ID.eq(t.getId()), TICKET.VERSION.eq(t.getVersion()), TICKET.STATUS.eq("VALID"))
                        .execute();
                if (updated == 0) {
                    throw DomainException.conflict("ticket-changed", "a ticket of the event changed meanwhile; try again");
                }
                Revocations.revoke(ctx, t, "EVENT_MOVED", now);
                count++;
            }
            cancelTransfers(ctx, eventId);
            record(ctx, eventId, "MOVED", reason, event.getStartsAt(), utc(request.startsAt()), count, organizerId, now);
            return count;
        });
        events.forget(eventId);
        return new EventChanged(events.event(eventId), valid.size(), reissued);
    }

    /**
     * The refunds a cancelled event owes: every sale with tickets that were valid when it was cancelled and have not
     * been refunded since (a refund at the counter voids them and takes them off the list).
     */
    public RefundList refunds(long eventId) {
        Event event = events.event(eventId);
        var change = db.dsl().selectFrom(EVENT_CHANGE)
                .where(EVENT_CHANGE.EVENT_ID.eq(eventId), EVENT_CHANGE.KIND.eq("CANCELLED"))
                .orderBy(EVENT_CHANGE.ID.desc()).limit(1).fetchOne();
        if (event.status() != EventStatus.CANCELLED || change == null) {
            throw DomainException.conflict("event-not-cancelled", "event " + eventId + " is not cancelled; nothing to refund");
        }
        var member = ACCOUNT.as("member");
        var rows = db.dsl().select(SALE.ID, SALE.SELLER_ID, ACCOUNT.DISPLAY_NAME, SALE.PAYMENT_METHOD, SALE.PAYMENT_REF,
                        member.DISPLAY_NAME, TICKET.PRICE_MINOR)
                .from(TICKET).join(SALE).on(SALE.ID.eq(TICKET.SALE_ID))
                .join(ACCOUNT).on(ACCOUNT.ID.eq(SALE.SELLER_ID))
                .join(ISSUING_INFO).on(ISSUING_INFO.ID.eq(SALE.ISSUING_INFO_ID))
                .leftJoin(member).on(member.ID.eq(ISSUING_INFO.MEMBER_ID))
                .where(TICKET.EVENT_ID.eq(eventId), TICKET.STATUS.eq("VALID"))
                .orderBy(ACCOUNT.DISPLAY_NAME, SALE.PAYMENT_METHOD, SALE.ID)
                .fetch();
        Map<String, RefundLine> lines = new LinkedHashMap<>();
        Map<Long, RefundSale> sales = new LinkedHashMap<>();
        long total = 0;
        for (var r : rows) {
            long price = r.get(TICKET.PRICE_MINOR);
            total += price;
            lines.merge(r.get(SALE.SELLER_ID) + "|" + r.get(SALE.PAYMENT_METHOD),
                    new RefundLine(r.get(SALE.SELLER_ID), r.get(ACCOUNT.DISPLAY_NAME), r.get(SALE.PAYMENT_METHOD), 1, price),
                    (a, b) -> new RefundLine(a.sellerId(), a.sellerName(), a.paymentMethod(), a.tickets() + 1,
                            a.amountMinor() + price));
            sales.merge(r.get(SALE.ID), new RefundSale(r.get(SALE.ID), r.get(SALE.SELLER_ID), r.get(ACCOUNT.DISPLAY_NAME),
                            r.get(SALE.PAYMENT_METHOD), r.get(SALE.PAYMENT_REF), r.get(member.DISPLAY_NAME), 1, price),
                    (a, b) -> new RefundSale(a.saleId(), a.sellerId(), a.sellerName(), a.paymentMethod(), a.paymentRef(),
                            a.customer(), a.tickets() + 1, a.amountMinor() + price));
        }
        return new RefundList(eventId, event.name(), event.currency(), change.getChangedAt(), change.getReason(),
                new ArrayList<>(lines.values()), new ArrayList<>(sales.values()), total);
    }

    private static String reason(String given) {
        String reason = given == null ? "" : given.strip();
        if (reason.isEmpty()) {
            throw DomainException.invalid("say why (reason), e.g. \"the lead actor is ill\"");
        }
        if (reason.length() > MAX_REASON) {
            throw DomainException.invalid("the reason takes at most " + MAX_REASON + " characters");
        }
        return reason;
    }

    private static EventRecord lock(DSLContext ctx, long eventId) {
        EventRecord event = ctx.selectFrom(EVENT).where(EVENT.ID.eq(eventId)).forUpdate().fetchOne();
        if (event == null) {
            throw DomainException.notFound("no event " + eventId);
        }
        return event;
    }

    private static List<TicketRecord> validTickets(DSLContext ctx, long eventId) {
        return ctx.selectFrom(TICKET).where(TICKET.EVENT_ID.eq(eventId), TICKET.STATUS.eq("VALID"))
                .orderBy(TICKET.SEAT_ID).fetch();
    }

    private static void cancelTransfers(DSLContext ctx, long eventId) {
        ctx.update(TICKET_TRANSFER).set(TICKET_TRANSFER.STATUS, "CANCELLED")
                .where(TICKET_TRANSFER.STATUS.eq("PENDING"), TICKET_TRANSFER.TICKET_ID.in(
                        ctx.select(TICKET.ID).from(TICKET).where(TICKET.EVENT_ID.eq(eventId))))
                .execute();
    }

    private static void record(DSLContext ctx, long eventId, String kind, String reason, OffsetDateTime oldStart,
                               OffsetDateTime newStart, int tickets, long by, OffsetDateTime now) {
        ctx.insertInto(EVENT_CHANGE).set(EVENT_CHANGE.EVENT_ID, eventId).set(EVENT_CHANGE.KIND, kind)
                .set(EVENT_CHANGE.REASON, reason).set(EVENT_CHANGE.OLD_STARTS_AT, oldStart)
                .set(EVENT_CHANGE.NEW_STARTS_AT, newStart).set(EVENT_CHANGE.TICKETS, tickets)
                .set(EVENT_CHANGE.CHANGED_BY, by).set(EVENT_CHANGE.CHANGED_AT, now).execute();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
