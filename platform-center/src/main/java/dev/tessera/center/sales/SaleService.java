package dev.tessera.center.sales;

import static dev.tessera.center.db.RenderedStatement.insertRows;
import static dev.tessera.center.db.RenderedStatement.param;
import static dev.tessera.center.db.schema.Tables.ISSUING_INFO;
import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.SEAT_HOLD;
import static dev.tessera.center.db.schema.Tables.SEAT_STATE;
import static dev.tessera.center.db.schema.Tables.SOLD_SEAT;
import static dev.tessera.center.db.schema.Tables.TICKET;
import static dev.tessera.center.db.schema.Tables.TICKET_EXCHANGE;

import dev.tessera.center.account.AccountService;
import dev.tessera.center.account.Principal;
import dev.tessera.center.db.Database;
import dev.tessera.center.db.Pipeline;
import dev.tessera.center.db.RenderedStatement;
import dev.tessera.center.db.schema.tables.records.IssuingInfoRecord;
import dev.tessera.center.db.schema.tables.records.SaleRecord;
import dev.tessera.center.db.schema.tables.records.TicketRecord;
import dev.tessera.center.event.EventService;
import dev.tessera.center.idempotency.AnswerInTransaction;
import dev.tessera.center.problem.DomainException;
import dev.tessera.center.shift.ShiftService;
import dev.tessera.center.live.SeatStatusFeed;
import dev.tessera.contract.availability.SeatChange;
import dev.tessera.center.member.MemberService;
import dev.tessera.contract.sales.ConfirmSale;
import dev.tessera.contract.sales.Customer;
import dev.tessera.contract.sales.Exchange;
import dev.tessera.contract.sales.ExchangeResult;
import dev.tessera.contract.sales.Payment;
import dev.tessera.contract.sales.PaymentMethod;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.contract.sales.SellNow;
import dev.tessera.contract.sales.Voided;
import dev.tessera.core.model.Chip;
import dev.tessera.core.model.CustomerAuth;
import dev.tessera.core.model.Event;
import dev.tessera.core.model.Hold;
import dev.tessera.core.model.HoldStatus;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.ticket.Ticket;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import dev.tessera.contract.sales.IssuedTicket;

/**
 * Claim 29 g-j: the seller registers issuing info for an authenticated customer; the center relates
 * it to the event's ticket master and issues the tickets, in one transaction with the sale.
 */
public final class SaleService {

    // issue 13: a sale's statements, rendered once each (RenderedStatement)
    private static final RenderedStatement ISSUE_HOLD = new RenderedStatement(ctx -> ctx.update(SEAT_HOLD)
            .set(SEAT_HOLD.STATUS, DSL.inline(HoldStatus.ISSUED.name()))
            .where(SEAT_HOLD.ID.eq(param(SEAT_HOLD.ID)), SEAT_HOLD.STATUS.eq(DSL.inline(HoldStatus.ACTIVE.name())),
                    SEAT_HOLD.EXPIRES_AT.gt(param(SEAT_HOLD.EXPIRES_AT))));
    private static final List<org.jooq.Field<?>> ISSUING_INFO_COLUMNS = List.of(ISSUING_INFO.HOLD_ID,
            ISSUING_INFO.SELLER_ID, ISSUING_INFO.EVENT_ID, ISSUING_INFO.CUSTOMER_AUTH, ISSUING_INFO.MEMBER_ID,
            ISSUING_INFO.CHIP_ID, ISSUING_INFO.REGISTERED_AT, ISSUING_INFO.CONTACT_NAME, ISSUING_INFO.CONTACT_EMAIL,
            ISSUING_INFO.CONTACT_PHONE, ISSUING_INFO.CONTACT_PHONE_KEY);
    private static final RenderedStatement INSERT_ISSUING_INFO = new RenderedStatement(ctx -> insertRows(ctx,
            ISSUING_INFO, 1, ISSUING_INFO_COLUMNS).returningResult(ISSUING_INFO.ID));
    private static final List<org.jooq.Field<?>> SALE_COLUMNS = List.of(SALE.EVENT_ID, SALE.SELLER_ID,
            SALE.ISSUING_INFO_ID, SALE.PAYMENT_METHOD, SALE.PAYMENT_REF, SALE.TOTAL_MINOR, SALE.CURRENCY,
            SALE.SOLD_AT, SALE.SHIFT_ID);
    private static final RenderedStatement INSERT_SALE = new RenderedStatement(ctx -> insertRows(ctx, SALE, 1,
            SALE_COLUMNS).returningResult(SALE.ID));
    // issue 13: on PostgreSQL a sale's keys are drawn first, so that its rows go in one round trip (Pipeline)
    private static final RenderedStatement DRAW_SALE_KEYS = new RenderedStatement(ctx -> ctx.select(
            Pipeline.nextKey(SEAT_HOLD.ID), Pipeline.nextKey(ISSUING_INFO.ID), Pipeline.nextKey(SALE.ID)));
    private static final RenderedStatement DRAW_ISSUE_KEYS = new RenderedStatement(ctx -> ctx.select(
            Pipeline.nextKey(ISSUING_INFO.ID), Pipeline.nextKey(SALE.ID)));
    private static final RenderedStatement INSERT_KEYED_ISSUING_INFO = new RenderedStatement(ctx -> insertRows(ctx,
            ISSUING_INFO, 1, Pipeline.withKey(ISSUING_INFO.ID, ISSUING_INFO_COLUMNS)));
    private static final RenderedStatement INSERT_KEYED_SALE = new RenderedStatement(ctx -> insertRows(ctx, SALE, 1,
            Pipeline.withKey(SALE.ID, SALE_COLUMNS)));
    private static final RenderedStatement.Shapes<Integer> INSERT_SOLD_SEATS = new RenderedStatement.Shapes<>(
            (ctx, rows) -> insertRows(ctx, SOLD_SEAT, rows, List.of(SOLD_SEAT.EVENT_ID, SOLD_SEAT.SEAT_ID,
                    SOLD_SEAT.TICKET_ID)));
    private static final RenderedStatement.Shapes<Integer> INSERT_TICKETS = new RenderedStatement.Shapes<>(
            (ctx, rows) -> insertRows(ctx, TICKET, rows, List.of(TICKET.ID, TICKET.EVENT_ID, TICKET.SALE_ID,
                    TICKET.SEAT_ID, TICKET.CATEGORY_ID, TICKET.GATE_ID, TICKET.PRICE_MINOR, TICKET.ATTENDEE,
                    TICKET.HOLDER_CHIP_ID, TICKET.HOLDER_MEMBER_ID, TICKET.VERSION, TICKET.STATUS, TICKET.ISSUED_AT,
                    TICKET.ENCODED, TICKET.GENERAL_ADMISSION, TICKET.TAX_RATE_BP)));

    private static final String HOLD_NOT_ACTIVE = "hold-not-active";
    /** Claim 70: the problem type of a sale that leaves a ticket without a name when the event requires one. */
    public static final String ATTENDEE_NAMES_REQUIRED = "attendee-names-required";

    private final Database db;
    private final EventService events;
    private final HoldService holds;
    private final AccountService accounts;
    private final MemberService members;
    private final TicketFactory factory;
    private final SeatStatusFeed feed;
    private final Clock clock;

    public SaleService(Database db, EventService events, HoldService holds, AccountService accounts,
                       MemberService members, TicketFactory factory, SeatStatusFeed feed, Clock clock) {
        this.db = db;
        this.events = events;
        this.holds = holds;
        this.accounts = accounts;
        this.members = members;
        this.factory = factory;
        this.feed = feed;
        this.clock = clock;
    }

    /** A confirmation's answer: the sale, and whether an earlier confirmation of the same hold made it. */
    public record Confirmation(SaleResult sale, boolean earlier) {}

    /**
     * Sells the held seats; a hold already sold (a retry whose first answer was lost, or a race with it) answers with
     * the sale it made, never with "hold again".
     */
    public Confirmation confirmOnce(long sellerId, ConfirmSale req) {
        try {
            return new Confirmation(confirm(sellerId, req), false);
        } catch (DomainException e) {
            if (HOLD_NOT_ACTIVE.equals(e.code())) {
                java.util.Optional<SaleResult> earlier = saleOfHold(sellerId, req.holdId(), req.payment());
                if (earlier.isPresent()) {
                    return new Confirmation(earlier.get(), true);
                }
            }
            throw e;
        }
    }

    /** The sale made from {@code holdId} of this seller, its tickets as they are now; empty when it was not sold. */
    public java.util.Optional<SaleResult> saleOfHold(long sellerId, long holdId, Payment payment) {
        var row = db.dsl().select(SALE.ID, SALE.ISSUING_INFO_ID, SALE.EVENT_ID, SALE.PAYMENT_METHOD, SALE.TOTAL_MINOR,
                        SALE.CURRENCY, ISSUING_INFO.CHIP_ID)
                .from(SALE).join(ISSUING_INFO).on(ISSUING_INFO.ID.eq(SALE.ISSUING_INFO_ID))
                .where(ISSUING_INFO.HOLD_ID.eq(holdId), SALE.SELLER_ID.eq(sellerId)).fetchOne();
        if (row == null) {
            return java.util.Optional.empty();
        }
        String chipId = row.get(ISSUING_INFO.CHIP_ID);
        Chip chip = chipId == null ? null : members.chip(chipId);
        List<IssuedTicket> tickets = db.dsl().selectFrom(TICKET).where(TICKET.SALE_ID.eq(row.get(SALE.ID)))
                .orderBy(TICKET.SEAT_ID)
                .fetch(t -> new IssuedTicket(t.getId(), t.getVersion(), t.getSeatId(), t.getCategoryId(),
                        t.getGateId(), t.getPriceMinor(), t.getAttendee(),
                        t.getHolderChipId() == null ? "" : t.getHolderChipId(), t.getEncoded(),
                        chip == null || t.getHolderChipId() == null ? null
                                : factory.sealFor(chip, java.util.Base64.getDecoder().decode(t.getEncoded())),
                        t.getGeneralAdmission()));
        long total = row.get(SALE.TOTAL_MINOR);
        long change = payment != null && payment.method() == PaymentMethod.CASH && payment.tenderedMinor() != null
                && payment.tenderedMinor() >= total ? payment.tenderedMinor() - total : 0;
        return java.util.Optional.of(new SaleResult(row.get(SALE.ID), row.get(SALE.ISSUING_INFO_ID),
                row.get(SALE.EVENT_ID), holdId, row.get(SALE.PAYMENT_METHOD), total, row.get(SALE.CURRENCY), change,
                tickets));
    }

    public SaleResult confirm(long sellerId, ConfirmSale req) {
        Hold hold = activeHold(sellerId, req.holdId());
        Buyer buyer = buyer(req.customer());
        Customer customer = buyer.customer();
        Long memberId = buyer.memberId();
        Chip chip = buyer.chip();
        Payment payment = req.payment();
        checkPayment(payment);
        CustomerContact contact = CustomerContact.of(req.contact());
        Event event = events.event(hold.eventId());
        List<String> attendees = attendees(event, req.attendees(), hold.seatIds().size() + hold.placesHeld());
        SeatMap map = events.seatMapOf(event);
        long total = priceOf(event, map, hold);
        long change = change(payment, total);
        String defaultAttendee = memberId == null ? "" : accounts.find(memberId).displayName();
        List<IssuedTicket> tickets = form(event, map, hold, chip, attendees, defaultAttendee);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<SeatChange> changes = new ArrayList<>();
        java.util.Optional<SaleResult> pipelined = recordPipelined(ctx -> proveCard(ctx, sellerId, buyer), sellerId,
                hold, event, customer.auth().name(), memberId, chip, contact, payment, total, change, tickets, now,
                changes);
        if (pipelined.isPresent()) {
            publish(event.id(), changes, List.of());
            return pipelined.get();
        }
        SaleResult result = db.tx(ctx -> {
            changes.clear();
            proveCard(ctx, sellerId, buyer);
            return AnswerInTransaction.keep(ctx, record(ctx, sellerId, hold, event, customer.auth().name(), memberId,
                    chip, contact, payment, total, change, tickets, now, changes));
        });
        publish(event.id(), changes, hold.areas().keySet());
        return result;
    }

    /**
     * Issue 13: sells the named seats and standing places at once, in one transaction: the seller's quota, the seats
     * moved from FREE straight to SOLD under the same guard as a hold (free, not in another seller's block), the hold
     * row the sale's issuing info names (ISSUED from the start), the sale and its tickets. A seat taken by another
     * seller refuses the whole sale with 409 seat-unavailable, as a hold does; nothing of it stays.
     */
    public SaleResult sellNow(long sellerId, long eventId, SellNow req) {
        Event event = events.event(eventId);
        HoldService.requireOnSale(event, clock);
        SeatMap map = events.seatMapOf(event);
        List<String> seatIds = req.seatIds() == null ? List.of()
                : List.copyOf(new java.util.LinkedHashSet<>(req.seatIds()));
        java.util.Map<String, Integer> areas = StandingPlaces.checkRequest(map, req.areas());
        if (seatIds.isEmpty() && areas.isEmpty()) {
            throw DomainException.invalid("name seatIds, areas (standing places) or both");
        }
        java.util.Map<String, Integer> perCategory = HoldService.perCategory(map, seatIds, areas);
        Buyer buyer = buyer(req.customer());
        Customer customer = buyer.customer();
        Long memberId = buyer.memberId();
        Chip chip = buyer.chip();
        Payment payment = req.payment();
        checkPayment(payment);
        CustomerContact contact = CustomerContact.of(req.contact());
        List<String> attendees = attendees(event, req.attendees(),
                seatIds.size() + areas.values().stream().mapToInt(Integer::intValue).sum());
        long total = priceOf(event, map, seatIds, areas);
        long change = change(payment, total);
        String defaultAttendee = memberId == null ? "" : accounts.find(memberId).displayName();
        List<IssuedTicket> tickets = form(event, map, seatIds, areas, chip, attendees, defaultAttendee);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<SeatChange> changes = new ArrayList<>();
        if (db.dialect() == SQLDialect.POSTGRES && areas.isEmpty()) {
            java.util.Optional<SaleResult> pipelined = sellNowPipelined(sellerId, event, seatIds, perCategory,
                    buyer, contact, payment, total, change, tickets, now, changes);
            if (pipelined.isPresent()) {
                publish(event.id(), changes, List.of());
                return pipelined.get();
            }
        }
        SaleResult result = db.tx(ctx -> {
            changes.clear();
            proveCard(ctx, sellerId, buyer);
            HoldService.reserveQuota(ctx, eventId, sellerId, perCategory);
            // the seller's open shift next, as the pipelined path takes it (sellNowPipelined): one order of locks
            Long shiftId = ShiftService.openShiftOf(ctx, sellerId);
            var rates = dev.tessera.center.tax.EventTaxes.ratesIn(ctx, event);
            long holdId = HoldService.insertHold(ctx, eventId, sellerId, HoldStatus.ISSUED, now, now);
            if (!seatIds.isEmpty()) {
                List<SeatChange> sold = SeatStates.move(ctx, eventId, seatIds, holdId, "SOLD",
                        SeatStates.Guard.TAKEABLE, sellerId);
                HoldService.requireAll(seatIds, sold);
                changes.addAll(sold);
            }
            // the hold's standing places stay on record as for a hold confirmed later (GET /api/holds/{id}); its
            // seats are its sale's (HoldService.find), one row less a seat (issue 13)
            HoldService.recordPlaces(ctx, holdId, map, List.of(), areas);
            // after the seats, in area-id order, as every transaction takes area rows
            areas.forEach((areaId, quantity) -> {
                StandingPlaces.hold(ctx, eventId, map, areaId, quantity);
                StandingPlaces.sell(ctx, eventId, areaId, quantity);
            });
            return AnswerInTransaction.keep(ctx, recordSale(ctx, sellerId, holdId, event, customer.auth().name(),
                    memberId, chip, contact, payment, total, change, tickets, now, shiftId, rates));
        });
        publish(event.id(), changes, areas.keySet());
        return result;
    }

    /**
     * Issue 13: {@link #sellNow}'s seats on PostgreSQL in two round trips and a commit where the statements one at a
     * time take eleven: the sale's keys, the seller's quota, open shift and the event's tax rates first; then the hold,
     * the seats, the issuing info, the sale, its sold seats and tickets, and the request's answer
     * together ({@link Pipeline}). The same statements in the same order as one at a time, so the same locks are taken
     * in the same order. Empty, with its transaction rolled back, when a step found what the one-at-a-time path
     * answers with its own words (a quota used up or missing, a seat taken, a statement refused): the caller then runs
     * that path.
     */
    private java.util.Optional<SaleResult> sellNowPipelined(long sellerId, Event event, List<String> seatIds,
            java.util.Map<String, Integer> perCategory, Buyer buyer, CustomerContact contact, Payment payment,
            long total, long change, List<IssuedTicket> tickets, OffsetDateTime now, List<SeatChange> changes) {
        long eventId = event.id();
        return Pipeline.orElseOneAtATime(db, ctx -> {
            changes.clear();
            proveCard(ctx, sellerId, buyer);
            Pipeline first = new Pipeline();
            var keys = first.fetch(DRAW_SALE_KEYS, rs -> new long[] {rs.getLong(1), rs.getLong(2),
                    rs.getLong(3)});
            List<Pipeline.Step<Void>> quota = HoldService.reserveQuota(first, eventId, sellerId, perCategory);
            var shift = ShiftService.openShiftIn(first, sellerId);
            var rates = dev.tessera.center.tax.EventTaxes.ratesIn(first, event);
            first.runOrLeave(ctx);
            Pipeline.leaveUnless(quota.stream().allMatch(step -> step.count() == 1));
            long[] key = keys.rows().getFirst();
            long holdId = key[0];
            Pipeline second = new Pipeline();
            HoldService.insertHold(second, holdId, eventId, sellerId, HoldStatus.ISSUED, now, now);
            var sold = SeatStates.moveOnPostgres(second, eventId, seatIds, holdId, "SOLD",
                    SeatStates.Guard.TAKEABLE, sellerId);
            SaleResult result = AnswerInTransaction.keep(second, addKeyedSale(second, key[1], key[2], sellerId, holdId,
                    event, buyer.customer().auth().name(), buyer.memberId(), buyer.chip(), contact, payment, total,
                    change, tickets, now, shift.get(), rates.get()));
            second.runOrLeave(ctx);
            Pipeline.leaveUnless(sold.rows().size() == seatIds.size());
            changes.addAll(sold.rows());
            return result;
        }, changes::clear);
    }

    /**
     * Issue 13: {@link #record} of a hold of seats on PostgreSQL in two round trips and a commit where one statement at
     * a time takes eight: the sale's keys, the seller's open shift and the event's tax rates, then the hold marked
     * issued, the issuing info, the sale, its sold seats and tickets, the seats sold and the request's answer, in the
     * order of the one-at-a-time path ({@link Pipeline}), after {@code first} (a member card's proof). Empty, its
     * transaction rolled back, when the hold has standing places or a step found what that path answers in its own
     * words (a hold lapsed or sold, a statement refused): the caller then runs it.
     */
    private java.util.Optional<SaleResult> recordPipelined(java.util.function.Consumer<DSLContext> first,
            long sellerId, Hold hold, Event event, String auth, Long memberId, Chip chip, CustomerContact contact,
            Payment payment, long total, long change, List<IssuedTicket> tickets, OffsetDateTime now,
            List<SeatChange> changes) {
        if (db.dialect() != SQLDialect.POSTGRES || !hold.areas().isEmpty() || hold.seatIds().isEmpty()) {
            return java.util.Optional.empty();
        }
        return Pipeline.orElseOneAtATime(db, ctx -> {
            changes.clear();
            first.accept(ctx);
            Pipeline reads = new Pipeline();
            var keys = reads.fetch(DRAW_ISSUE_KEYS, rs -> new long[] {rs.getLong(1), rs.getLong(2)});
            var shift = ShiftService.openShiftIn(reads, sellerId);
            var rates = dev.tessera.center.tax.EventTaxes.ratesIn(reads, event);
            reads.runOrLeave(ctx);
            long[] key = keys.rows().getFirst();
            Pipeline writes = new Pipeline();
            var issued = writes.execute(ISSUE_HOLD, hold.id(), now);
            SaleResult sale = addKeyedSale(writes, key[0], key[1], sellerId, hold.id(), event, auth, memberId, chip,
                    contact, payment, total, change, tickets, now, shift.get(), rates.get());
            var sold = SeatStates.moveOnPostgres(writes, event.id(), hold.seatIds(), hold.id(), "SOLD",
                    SeatStates.Guard.HELD_BY_THE_HOLD, hold.id());
            SaleResult result = AnswerInTransaction.keep(writes, sale);
            writes.runOrLeave(ctx);
            Pipeline.leaveUnless(issued.count() == 1 && sold.rows().size() == hold.seatIds().size());
            changes.addAll(sold.rows());
            return result;
        }, changes::clear);
    }

    /**
     * An exchange at the counter: the returned tickets of one sale are voided and the held seats are
     * sold to the same customer (same issuing info, same chip) in one transaction, so the customer
     * never ends up with both or neither. The difference is paid (> 0) or refunded (< 0) by payment.
     */
    public ExchangeResult exchange(Principal by, Exchange req) {
        VoidService.checkReason(req.reason());
        List<String> ids = req.ticketIds() == null ? List.of() : req.ticketIds().stream().distinct().toList();
        if (ids.isEmpty() || ids.size() > 50) {
            throw DomainException.invalid("an exchange returns 1 to 50 tickets");
        }
        Hold hold = activeHold(by.accountId(), req.holdId());
        List<TicketRecord> returned = db.dsl().selectFrom(TICKET).where(TICKET.ID.in(ids)).orderBy(TICKET.SEAT_ID).fetch();
        if (returned.size() != ids.size()) {
            throw DomainException.notFound("some of the returned tickets do not exist");
        }
        if (returned.stream().map(TicketRecord::getSaleId).distinct().count() != 1) {
            throw DomainException.invalid("the returned tickets must come from one sale");
        }
        SaleRecord old = db.dsl().selectFrom(SALE).where(SALE.ID.eq(returned.getFirst().getSaleId())).fetchOne();
        if (old.getSellerId() != by.accountId()) {
            throw DomainException.notFound("no sale " + old.getId() + " of this seller");
        }
        if (old.getEventId() != hold.eventId()) {
            throw DomainException.invalid("the new seats must be for the event of the returned tickets");
        }
        for (TicketRecord t : returned) {
            if (!"VALID".equals(t.getStatus())) {
                throw DomainException.conflict("ticket-not-valid", "ticket " + t.getId() + " is " + t.getStatus()
                        + " and cannot be exchanged");
            }
        }
        List<String> chips = returned.stream().map(TicketRecord::getHolderChipId).filter(c -> c != null).distinct().toList();
        if (chips.size() > 1) {
            throw DomainException.invalid("the returned tickets are on different chips; exchange them one chip at a time");
        }
        Chip chip = chips.isEmpty() ? null : members.activeChip(chips.getFirst());
        IssuingInfoRecord info = db.dsl().selectFrom(ISSUING_INFO).where(ISSUING_INFO.ID.eq(old.getIssuingInfoId())).fetchOne();
        Payment payment = req.payment() == null ? new Payment(PaymentMethod.CASH, null, null) : req.payment();
        checkPayment(payment);
        Event event = events.event(hold.eventId());
        SeatMap map = events.seatMapOf(event);
        long returnedMinor = returned.stream().mapToLong(TicketRecord::getPriceMinor).sum();
        long newMinor = priceOf(event, map, hold);
        long difference = newMinor - returnedMinor;
        if (difference < 0) {
            VoidService.refundMethod(methodName(payment), payment.reference());
        }
        long change = difference > 0 ? change(payment, difference) : 0;
        String attendee = returned.getFirst().getAttendee() == null ? "" : returned.getFirst().getAttendee();
        List<IssuedTicket> tickets = form(event, map, hold, chip, List.of(), attendee);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<SeatChange> changes = new ArrayList<>();
        ExchangeResult result = db.tx(ctx -> {
            changes.clear();
            SaleResult sale = record(ctx, by.accountId(), hold, event, info.getCustomerAuth(), info.getMemberId(), chip,
                    CustomerContact.of(info), payment, newMinor, change, tickets, now, changes);
            long exchangeId = ctx.insertInto(TICKET_EXCHANGE)
                    .set(TICKET_EXCHANGE.EVENT_ID, event.id()).set(TICKET_EXCHANGE.NEW_SALE_ID, sale.saleId())
                    .set(TICKET_EXCHANGE.EXCHANGED_BY, by.accountId()).set(TICKET_EXCHANGE.REASON, req.reason())
                    .set(TICKET_EXCHANGE.RETURNED_MINOR, returnedMinor).set(TICKET_EXCHANGE.NEW_MINOR, newMinor)
                    .set(TICKET_EXCHANGE.DIFFERENCE_MINOR, difference).set(TICKET_EXCHANGE.SETTLED_METHOD, methodName(payment))
                    .set(TICKET_EXCHANGE.SETTLED_REF, payment.reference()).set(TICKET_EXCHANGE.EXCHANGED_AT, now)
                    .returningResult(TICKET_EXCHANGE.ID).fetchOne(TICKET_EXCHANGE.ID);
            List<Voided> voided = new ArrayList<>();
            for (TicketRecord t : returned) {
                voided.add(VoidService.voidInTx(ctx, by, t.getId(), req.reason(), null, methodName(payment),
                        payment.reference(), exchangeId, now, changes).voided());
            }
            return AnswerInTransaction.keep(ctx,
                    new ExchangeResult(exchangeId, voided, sale, returnedMinor, newMinor, difference));
        });
        java.util.Set<String> areas = new java.util.TreeSet<>(hold.areas().keySet());
        returned.stream().filter(TicketRecord::getGeneralAdmission).forEach(t -> areas.add(t.getSeatId()));
        publish(event.id(), changes, areas);
        return result;
    }

    private void publish(long eventId, List<SeatChange> changes, java.util.Collection<String> areas) {
        feed.publish(eventId, changes, areas.isEmpty() ? List.of()
                : dev.tessera.center.live.AvailabilityService.areaCounts(db.dsl(), eventId, areas));
    }

    private Hold activeHold(long sellerId, long holdId) {
        Hold hold = holds.find(holdId);
        if (hold.sellerId() != sellerId) {
            throw DomainException.notFound("no hold " + holdId + " of this seller");
        }
        if (hold.status() != HoldStatus.ACTIVE || hold.lapsedAt(clock.instant())) {
            throw DomainException.conflict(HOLD_NOT_ACTIVE, "hold " + hold.id() + " has "
                    + (hold.status() == HoldStatus.ACTIVE ? "lapsed" : "ended (" + hold.status() + ")")
                    + "; hold the seats again");
        }
        return hold;
    }

    private static void checkPayment(Payment payment) {
        if (payment == null || payment.method() == null) {
            throw DomainException.invalid("payment.method must be one of " + List.of(PaymentMethod.values()));
        }
        if (payment.reference() != null && payment.reference().length() > 100) {
            throw DomainException.invalid("payment.reference has at most 100 characters");
        }
    }

    /** The seats' prices and the standing places' (each at its area's category price). */
    private static long priceOf(Event event, SeatMap map, Hold hold) {
        return priceOf(event, map, hold.seatIds(), hold.areas());
    }

    private static long priceOf(Event event, SeatMap map, List<String> seatIds, java.util.Map<String, Integer> areas) {
        long seats = seatIds.stream()
                .mapToLong(s -> event.pricesMinor().get(map.seat(s).orElseThrow().categoryId())).sum();
        long places = areas.entrySet().stream().mapToLong(a -> event.pricesMinor()
                .get(StandingPlaces.area(map, a.getKey()).categoryId()) * a.getValue()).sum();
        return seats + places;
    }

    private static long change(Payment payment, long due) {
        if (payment.method() != PaymentMethod.CASH || payment.tenderedMinor() == null) {
            return 0;
        }
        if (payment.tenderedMinor() < due) {
            throw DomainException.invalid("cash tendered " + payment.tenderedMinor() + " is less than the total " + due);
        }
        return payment.tenderedMinor() - due;
    }

    /** Forms the signed tickets before the transaction: signing is CPU work that needs no lock. */
    private List<IssuedTicket> form(Event event, SeatMap map, Hold hold, Chip chip, List<String> attendees,
                                    String defaultAttendee) {
        return form(event, map, hold.seatIds(), hold.areas(), chip, attendees, defaultAttendee);
    }

    private List<IssuedTicket> form(Event event, SeatMap map, List<String> seatIds, java.util.Map<String, Integer> areas,
                                    Chip chip, List<String> attendees, String defaultAttendee) {
        List<IssuedTicket> tickets = new ArrayList<>();
        int index = 0;
        for (String seatId : seatIds) {
            Seat seat = map.seat(seatId).orElseThrow();
            tickets.add(formOne(event, seat.id(), seat.categoryId(), TicketFactory.gateFor(event, map, seat), false,
                    chip, attendeeAt(attendees, index++, defaultAttendee)));
        }
        // issue 18: one ticket per standing place, naming the area, after the seats (attendee names run on)
        for (var place : areas.entrySet()) {
            var area = StandingPlaces.area(map, place.getKey());
            for (int n = 0; n < place.getValue(); n++) {
                tickets.add(formOne(event, area.id(), area.categoryId(), TicketFactory.gateFor(event, map, area), true, chip,
                        attendeeAt(attendees, index++, defaultAttendee)));
            }
        }
        return tickets;
    }

    private static String attendeeAt(List<String> attendees, int index, String defaultAttendee) {
        return index < attendees.size() && attendees.get(index) != null ? attendees.get(index) : defaultAttendee;
    }

    private IssuedTicket formOne(Event event, String placeId, String categoryId, String gateId, boolean standing,
                                 Chip chip, String attendee) {
        Ticket ticket;
        try {
            ticket = new Ticket(UUID.randomUUID(), 1, event.id(), placeId, categoryId, gateId, event.doorsOpen(),
                    event.endsAt(), chip == null ? "" : chip.chipId(), attendee.isBlank() ? List.of() : List.of(attendee),
                    event.pricesMinor().get(categoryId), event.currency(), standing);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("ticket for " + (standing ? "standing area " : "seat ") + placeId + ": "
                    + e.getMessage());
        }
        byte[] signed = factory.sign(ticket);
        return new IssuedTicket(ticket.ticketId().toString(), 1, placeId, categoryId, ticket.gateId(),
                ticket.priceMinor(), attendee, ticket.holderChipId(), TicketFactory.base64(signed),
                chip == null ? null : factory.sealFor(chip, signed), standing);
    }

    /** Claim 29 g-j in the caller's transaction: issuing info, sale, sold seats and tickets from the hold. */
    private SaleResult record(DSLContext ctx, long sellerId, Hold hold, Event event, String auth, Long memberId,
                              Chip chip, CustomerContact contact, Payment payment, long total, long change, List<IssuedTicket> tickets,
                              OffsetDateTime now, List<SeatChange> changes) {
        // the seller's open shift first, as the pipelined path takes it (recordPipelined): the same locks in one order
        Long shiftId = ShiftService.openShiftOf(ctx, sellerId);
        var rates = dev.tessera.center.tax.EventTaxes.ratesIn(ctx, event);
        int claimed = ISSUE_HOLD.execute(ctx, hold.id(), now);
        if (claimed == 0) {
            throw DomainException.conflict(HOLD_NOT_ACTIVE, "hold " + hold.id() + " lapsed or ended; hold the seats again");
        }
        SaleResult sale = recordSale(ctx, sellerId, hold.id(), event, auth, memberId, chip, contact, payment, total,
                change, tickets, now, shiftId, rates);
        if (!hold.seatIds().isEmpty()) {
            List<SeatChange> soldSeats = SeatStates.move(ctx, event.id(), hold.seatIds(), hold.id(), "SOLD",
                    SeatStates.Guard.HELD_BY_THE_HOLD, hold.id());
            if (soldSeats.size() != hold.seatIds().size()) {
                throw new IllegalStateException("hold " + hold.id() + " held " + soldSeats.size() + " of "
                        + hold.seatIds().size() + " seats at confirmation");
            }
            changes.addAll(soldSeats);
        }
        hold.areas().forEach((areaId, quantity) -> StandingPlaces.sell(ctx, event.id(), areaId, quantity));
        return sale;
    }

    /**
     * The issuing info, the sale, its sold seats and its tickets, in the caller's transaction: the sale for the
     * seller's open shift (null: none), each ticket at its category's tax rate now (issue 17).
     */
    private SaleResult recordSale(DSLContext ctx, long sellerId, long holdId, Event event, String auth, Long memberId,
                                  Chip chip, CustomerContact contact, Payment payment, long total, long change,
                                  List<IssuedTicket> tickets, OffsetDateTime now, Long shiftId,
                                  java.util.Map<String, dev.tessera.core.tax.TaxRate> rates) {
        long issuingInfoId = INSERT_ISSUING_INFO.fetchLong(ctx, issuingInfoValues(null, holdId, sellerId, event, auth,
                memberId, chip, contact, now));
        long saleId = INSERT_SALE.fetchLong(ctx, saleValues(null, sellerId, issuingInfoId, event, payment, total, now,
                shiftId));
        Pipeline lines = new Pipeline();
        addSaleLines(lines, event, saleId, memberId, tickets, now, rates);
        lines.run(ctx);
        return saleResult(saleId, issuingInfoId, holdId, event, payment, total, change, tickets);
    }

    /**
     * {@link #recordSale} with the issuing info's and the sale's keys drawn before, as steps of {@code pipeline}: the
     * issuing info, the sale, its sold seats and its tickets; returns the sale they make once the pipeline has run.
     */
    private static SaleResult addKeyedSale(Pipeline pipeline, long issuingInfoId, long saleId, long sellerId,
                                           long holdId, Event event, String auth, Long memberId, Chip chip,
                                           CustomerContact contact, Payment payment, long total, long change,
                                           List<IssuedTicket> tickets, OffsetDateTime now, Long shiftId,
                                           java.util.Map<String, dev.tessera.core.tax.TaxRate> rates) {
        pipeline.execute(INSERT_KEYED_ISSUING_INFO, issuingInfoValues(issuingInfoId, holdId, sellerId, event, auth,
                memberId, chip, contact, now));
        pipeline.execute(INSERT_KEYED_SALE, saleValues(saleId, sellerId, issuingInfoId, event, payment, total, now,
                shiftId));
        addSaleLines(pipeline, event, saleId, memberId, tickets, now, rates);
        return saleResult(saleId, issuingInfoId, holdId, event, payment, total, change, tickets);
    }

    private static SaleResult saleResult(long saleId, long issuingInfoId, long holdId, Event event, Payment payment,
                                         long total, long change, List<IssuedTicket> tickets) {
        return new SaleResult(saleId, issuingInfoId, event.id(), holdId, methodName(payment), total,
                event.currency(), change, List.copyOf(tickets));
    }

    /** The issuing info's values, its key first when it was drawn before (not null). */
    private static Object[] issuingInfoValues(Long key, long holdId, long sellerId, Event event, String auth,
                                              Long memberId, Chip chip, CustomerContact contact, OffsetDateTime now) {
        Object[] values = {holdId, sellerId, event.id(), auth, memberId, chip == null ? null : chip.chipId(), now,
                contact.name(), contact.email(), contact.phone(), contact.phoneKey()};
        return key == null ? values : keyFirst(key, values);
    }

    /** The sale's values, its key first when it was drawn before (not null). */
    private static Object[] saleValues(Long key, long sellerId, long issuingInfoId, Event event, Payment payment,
                                       long total, OffsetDateTime now, Long shiftId) {
        Object[] values = {event.id(), sellerId, issuingInfoId, methodName(payment), payment.reference(), total,
                event.currency(), now, shiftId};
        return key == null ? values : keyFirst(key, values);
    }

    private static Object[] keyFirst(long key, Object[] values) {
        Object[] keyed = new Object[values.length + 1];
        keyed[0] = key;
        System.arraycopy(values, 0, keyed, 1, values.length);
        return keyed;
    }

    /**
     * The sale's sold seats and tickets as steps of {@code pipeline}: each ticket keeps the tax rate of its category
     * now (issue 17), so a later change never alters this sale.
     */
    private static void addSaleLines(Pipeline pipeline, Event event, long saleId, Long memberId,
                                     List<IssuedTicket> tickets, OffsetDateTime now,
                                     java.util.Map<String, dev.tessera.core.tax.TaxRate> rates) {
        List<Object> sold = new ArrayList<>();
        List<Object> issued = new ArrayList<>(16 * tickets.size());
        for (IssuedTicket t : tickets) {
            if (!t.generalAdmission()) {
                sold.addAll(java.util.Arrays.asList(event.id(), t.seatId(), t.ticketId()));
            }
            issued.addAll(java.util.Arrays.asList(t.ticketId(), event.id(), saleId, t.seatId(), t.categoryId(),
                    t.gateId(), t.priceMinor(), t.attendee(), t.holderChipId().isEmpty() ? null : t.holderChipId(),
                    memberId, 1, "VALID", now, t.encoded(), t.generalAdmission(),
                    rates.getOrDefault(t.categoryId(), dev.tessera.core.tax.TaxRate.ZERO).basisPoints()));
        }
        // The primary key of sold_seat is the database's word that a seat is sold at most once.
        if (!sold.isEmpty()) {
            pipeline.execute(INSERT_SOLD_SEATS.of(sold.size() / 3), sold.toArray());
        }
        pipeline.execute(INSERT_TICKETS.of(tickets.size()), issued.toArray());
    }

    /**
     * The customer of a confirmed or sell-now sale: how the seller authenticated them, the member that proves, and the
     * chip the tickets go to (a member's chip must be their own).
     */
    private record Buyer(Customer customer, Long memberId, Chip chip) {}

    /** Issue 15: a member card proved itself to this seller; checked and spent with the sale or not at all. */
    private void proveCard(DSLContext ctx, long sellerId, Buyer buyer) {
        Customer customer = buyer.customer();
        if (customer.auth() != CustomerAuth.MEMBER_CARD) {
            return;
        }
        Chip proven = members.proveCard(ctx, sellerId, customer.chipId(), customer.challengeId(), customer.signature());
        if (!java.util.Objects.equals(proven.memberId(), buyer.memberId())) {
            throw DomainException.conflict("chip-changed", "The card changed owner during the sale; try again.");
        }
    }

    /**
     * Claim 70: at most one attendee name a ticket (a seat or a standing place); none named is fine unless the
     * organizer requires a name on every ticket of the event, then each ticket needs one (422 attendee-names-required).
     */
    private static List<String> attendees(Event event, List<String> requested, int admitted) {
        List<String> attendees = requested == null ? List.of() : requested;
        if (attendees.size() > admitted) {
            throw DomainException.invalid("more attendee names than seats and standing places");
        }
        if (event.attendeeNamesRequired()) {
            long named = attendees.stream().filter(n -> n != null && !n.isBlank()).count();
            if (named < admitted) {
                throw DomainException.unprocessable(ATTENDEE_NAMES_REQUIRED, "Attendee names required",
                        "this event needs an attendee name for every ticket: " + admitted + " needed, " + named
                                + " given; nothing is sold");
            }
        }
        return attendees;
    }

    private Buyer buyer(Customer requested) {
        Customer customer = requested == null ? new Customer(CustomerAuth.WALK_IN, null, null, null) : requested;
        Long memberId = authenticateCustomer(customer);
        Chip chip = customer.chipId() == null || customer.chipId().isBlank() ? null : members.activeChip(customer.chipId());
        if (chip != null && chip.memberId() != null && memberId != null && !chip.memberId().equals(memberId)) {
            throw DomainException.invalid("chip " + chip.chipId() + " belongs to another member");
        }
        return new Buyer(customer, memberId, chip);
    }

    /** Claims 66, 78: the seller's authentication of the customer, recorded in the issuing info. */
    private Long authenticateCustomer(Customer customer) {
        if (customer.auth() == null) {
            throw DomainException.invalid("customer.auth must be MEMBER_CARD, MEMBER_PASSWORD or WALK_IN");
        }
        return switch (customer.auth()) {
            case WALK_IN -> null;
            case MEMBER_PASSWORD -> {
                if (customer.memberLogin() == null || customer.memberPassword() == null) {
                    throw DomainException.invalid("MEMBER_PASSWORD needs memberLogin and memberPassword");
                }
                Principal member = accounts.verifyMember(customer.memberLogin(), customer.memberPassword().toCharArray());
                yield member.accountId();
            }
            case MEMBER_CARD -> {
                // The chip id alone proves nothing (it can be copied): the card must answer a challenge of this
                // seller, which the sale's transaction checks and spends (MemberService.proveCard). Here, the cheap
                // refusals before any seat is touched.
                if (customer.chipId() == null || customer.challengeId() == null || customer.signature() == null) {
                    throw DomainException.unprocessable("card-not-proven", "The card did not prove itself",
                            MemberService.NOT_PROVEN + " (MEMBER_CARD needs chipId, challengeId and signature)");
                }
                Chip chip = members.memberCard(customer.chipId());
                yield chip.memberId();
            }
        };
    }

    public List<IssuedTicket> ticketsOfChip(String chipId) {
        Chip chip = members.chip(chipId);
        return db.dsl().selectFrom(TICKET)
                .where(TICKET.HOLDER_CHIP_ID.eq(chipId), TICKET.STATUS.eq("VALID")).orderBy(TICKET.ISSUED_AT, TICKET.SEAT_ID)
                .fetch(t -> new IssuedTicket(t.getId(), t.getVersion(), t.getSeatId(), t.getCategoryId(), t.getGateId(),
                        t.getPriceMinor(), t.getAttendee(), chipId, t.getEncoded(),
                        factory.sealFor(chip, java.util.Base64.getDecoder().decode(t.getEncoded())),
                        t.getGeneralAdmission()));
    }

    /**
     * Issue 14 (claims 33, 68, 76): a member buying at home through the internet-sales channel. The member proved who
     * they are by signing in with their password (recorded as MEMBER_PASSWORD); the tickets are issued for their own
     * active card, to write there. A hold already sold answers with its sale, as {@link #confirmOnce} does.
     */
    public Confirmation confirmForMember(long channelId, long memberId, long holdId, Chip chip, Payment payment,
                                         List<String> attendees) {
        Hold hold;
        try {
            hold = activeHold(channelId, holdId);
        } catch (DomainException e) {
            if (HOLD_NOT_ACTIVE.equals(e.code())) {
                java.util.Optional<SaleResult> earlier = saleOfHold(channelId, holdId, payment);
                if (earlier.isPresent()) {
                    return new Confirmation(earlier.get(), true);
                }
            }
            throw e;
        }
        checkPayment(payment);
        // issue 18: a member's hold may hold standing places beside its seats; one check for both paths
        Event event = events.event(hold.eventId());
        List<String> names = attendees(event, attendees, hold.seatIds().size() + hold.placesHeld());
        SeatMap map = events.seatMapOf(event);
        long total = priceOf(event, map, hold);
        List<IssuedTicket> tickets = form(event, map, hold, chip, names, accounts.find(memberId).displayName());
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<SeatChange> changes = new ArrayList<>();
        java.util.Optional<SaleResult> pipelined = recordPipelined(ctx -> { }, channelId, hold, event,
                CustomerAuth.MEMBER_PASSWORD.name(), memberId, chip, CustomerContact.NONE, payment, total, 0, tickets,
                now, changes);
        SaleResult result = pipelined.isPresent() ? pipelined.get() : db.tx(ctx -> {
            changes.clear();
            return AnswerInTransaction.keep(ctx, record(ctx, channelId, hold, event,
                    CustomerAuth.MEMBER_PASSWORD.name(), memberId, chip, CustomerContact.NONE, payment, total, 0,
                    tickets, now, changes));
        });
        feed.publish(event.id(), changes);
        return new Confirmation(result, false);
    }

    private static String methodName(Payment payment) {
        return payment.method() == null ? null : payment.method().name();
    }
}
