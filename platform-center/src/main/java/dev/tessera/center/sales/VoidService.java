package dev.tessera.center.sales;

import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.SEAT_STATE;
import static dev.tessera.center.db.schema.Tables.SELLER_QUOTA;
import static dev.tessera.center.db.schema.Tables.SOLD_SEAT;
import static dev.tessera.center.db.schema.Tables.TICKET;
import static dev.tessera.center.db.schema.Tables.TICKET_VOID;

import dev.tessera.center.account.Principal;
import dev.tessera.center.db.Database;
import dev.tessera.center.db.schema.tables.records.SaleRecord;
import dev.tessera.center.db.schema.tables.records.TicketRecord;
import dev.tessera.center.db.schema.tables.records.TicketVoidRecord;
import dev.tessera.center.idempotency.AnswerInTransaction;
import dev.tessera.center.problem.DomainException;
import dev.tessera.center.revocation.Revocations;
import dev.tessera.center.shift.ShiftService;
import dev.tessera.center.live.SeatStatusFeed;
import dev.tessera.contract.availability.SeatChange;
import dev.tessera.contract.sales.VoidTicket;
import dev.tessera.contract.sales.Voided;
import dev.tessera.core.model.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Voids a ticket, with or without a refund, and always with a reason: the seat is for sale again,
 * the seller's quota gets the seat back, and the voided version is revoked for every gate.
 */
public final class VoidService {
    static final String TICKET_NOT_VALID = "ticket-not-valid";

    private final Database db;
    private final SeatStatusFeed feed;
    private final Clock clock;

    public VoidService(Database db, SeatStatusFeed feed, Clock clock) {
        this.db = db;
        this.feed = feed;
        this.clock = clock;
    }

    /**
     * Voids the ticket; a ticket this account already voided with the same reason and the same refund answers with that
     * void, not with 409 ticket-not-valid: a retry whose first answer was lost (the center stopped between the void's
     * commit and its answer, so the Idempotency-Key kept no answer and the retry runs again) is told the truth, as a
     * confirmation's retry is ({@link SaleService#confirmOnce}).
     */
    public Voided voidTicket(Principal by, String ticketId, VoidTicket req) {
        checkReason(req.reason());
        boolean refund = Boolean.TRUE.equals(req.refund());
        String method = refund ? refundMethod(req.refundMethod() == null ? null : req.refundMethod().name(), req.refundReference()) : null;
        String refundRef = refund ? req.refundReference() : null;
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<SeatChange> changes = new ArrayList<>();
        VoidedIn voided;
        try {
            voided = db.tx(ctx -> {
                changes.clear();
                VoidedIn done = voidInTx(ctx, by, ticketId, req.reason(), refund ? null : 0L, method, refundRef, null,
                        now, changes);
                AnswerInTransaction.keep(ctx, done.voided());
                return done;
            });
        } catch (DomainException e) {
            if (TICKET_NOT_VALID.equals(e.code())) {
                java.util.Optional<Voided> earlier = earlierVoid(by, ticketId, req.reason(), method, refundRef);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            throw e;
        }
        feed.publish(voided.eventId(), changes, voided.standingArea() == null ? List.of()
                : dev.tessera.center.live.AvailabilityService.areaCounts(db.dsl(), voided.eventId(),
                        List.of(voided.standingArea())));
        return voided.voided();
    }

    /**
     * The void of {@code ticketId} this account made with this reason and refund (method and reference; none for a void
     * without refund), outside an exchange; empty when the ticket's void is another one, or there is none.
     */
    private java.util.Optional<Voided> earlierVoid(Principal by, String ticketId, String reason, String refundMethod,
                                                   String refundRef) {
        TicketVoidRecord row = db.dsl().selectFrom(TICKET_VOID).where(TICKET_VOID.TICKET_ID.eq(ticketId)).fetchOne();
        if (row == null || row.getVoidedBy() != by.accountId() || !row.getReason().equals(reason)
                || row.getExchangeId() != null || !java.util.Objects.equals(row.getRefundMethod(), refundMethod)
                || !java.util.Objects.equals(row.getRefundRef(), refundRef)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Voided(ticketId, row.getVersion(), row.getSaleId(), row.getRefundMinor(),
                row.getReason(), row.getRefundMinor() > 0 ? row.getId() : null));
    }

    static void checkReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 400) {
            throw DomainException.invalid("a void, refund, exchange or reprint needs a reason of 1 to 400 characters");
        }
    }

    static String refundMethod(String method, String reference) {
        String m = method == null ? "CASH" : method;
        if (!m.equals("CASH") && !m.equals("CARD")) {
            throw DomainException.invalid("refundMethod must be CASH or CARD");
        }
        if (reference != null && reference.length() > 100) {
            throw DomainException.invalid("refundReference has at most 100 characters");
        }
        return m;
    }

    /** {@code standingArea}: the area a general-admission ticket gave its place back to, else null. */
    record VoidedIn(Voided voided, long eventId, long sellerId, long priceMinor, String standingArea) {}

    /**
     * Voids one ticket inside the caller's transaction: the seat is for sale again, the seller's quota
     * gets it back, the version is revoked for every gate. refundMinor null refunds the ticket's price.
     */
    static VoidedIn voidInTx(DSLContext ctx, Principal by, String ticketId, String reason, Long refundMinor,
                             String refundMethod, String refundRef, Long exchangeId, OffsetDateTime now,
                             List<SeatChange> changes) {
        TicketRecord ticket = ctx.selectFrom(TICKET).where(TICKET.ID.eq(ticketId)).forUpdate().fetchOne();
        if (ticket == null) {
            throw DomainException.notFound("no ticket " + ticketId);
        }
        SaleRecord sale = ctx.selectFrom(SALE).where(SALE.ID.eq(ticket.getSaleId())).fetchOne();
        if (by.role() == Role.SELLER && sale.getSellerId() != by.accountId()) {
            throw DomainException.notFound("no ticket " + ticketId + " sold by this seller");
        }
        if (!"VALID".equals(ticket.getStatus())) {
            throw DomainException.conflict(TICKET_NOT_VALID, "ticket " + ticketId + " is " + ticket.getStatus()
                    + " and cannot be voided");
        }
        ctx.update(TICKET).set(TICKET.STATUS, "VOID").where(TICKET.ID.eq(ticketId)).execute();
        if (ticket.getGeneralAdmission()) {
            // issue 18: the standing place is for sale again
            StandingPlaces.unsell(ctx, ticket.getEventId(), ticket.getSeatId());
        } else {
            ctx.deleteFrom(SOLD_SEAT).where(SOLD_SEAT.EVENT_ID.eq(ticket.getEventId()),
                    SOLD_SEAT.SEAT_ID.eq(ticket.getSeatId())).execute();
            long holdId = ctx.select(SEAT_STATE.HOLD_ID).from(SEAT_STATE)
                    .where(SEAT_STATE.SEAT_ID.eq(ticket.getSeatId()), SEAT_STATE.EVENT_ID.eq(ticket.getEventId()))
                    .fetchOne(SEAT_STATE.HOLD_ID);
            changes.addAll(SeatStates.move(ctx, ticket.getEventId(), List.of(ticket.getSeatId()), holdId, "FREE",
                    SEAT_STATE.STATUS.eq("SOLD")));
        }
        ctx.update(SELLER_QUOTA).set(SELLER_QUOTA.USED, SELLER_QUOTA.USED.minus(1))
                .where(SELLER_QUOTA.EVENT_ID.eq(ticket.getEventId()), SELLER_QUOTA.SELLER_ID.eq(sale.getSellerId()),
                        SELLER_QUOTA.CATEGORY_ID.eq(ticket.getCategoryId()), SELLER_QUOTA.USED.gt(0))
                .execute();
        // a cancelled event's tickets are revoked already (EVENT_CANCELLED): their refund voids them, once revoked
        Revocations.revoke(ctx, ticket, "VOIDED", now);
        long refund = refundMinor == null ? ticket.getPriceMinor() : refundMinor;
        long voidId = ctx.insertInto(TICKET_VOID)
                .set(TICKET_VOID.TICKET_ID, ticketId).set(TICKET_VOID.VERSION, ticket.getVersion())
                .set(TICKET_VOID.SALE_ID, sale.getId()).set(TICKET_VOID.VOIDED_BY, by.accountId())
                .set(TICKET_VOID.REASON, reason).set(TICKET_VOID.REFUND_MINOR, refund)
                .set(TICKET_VOID.REFUND_METHOD, refundMethod).set(TICKET_VOID.REFUND_REF, refundRef)
                .set(TICKET_VOID.EXCHANGE_ID, exchangeId)
                .set(TICKET_VOID.SHIFT_ID, ShiftService.openShiftOf(ctx, by.accountId()))
                .set(TICKET_VOID.VOIDED_AT, now).returningResult(TICKET_VOID.ID).fetchOne(TICKET_VOID.ID);
        // issue 17: a refund's id numbers its credit note (CN-{refundId}); a void without a refund has none
        return new VoidedIn(new Voided(ticketId, ticket.getVersion(), sale.getId(), refund, reason,
                refund > 0 ? voidId : null),
                ticket.getEventId(), sale.getSellerId(), ticket.getPriceMinor(),
                ticket.getGeneralAdmission() ? ticket.getSeatId() : null);
    }
}
