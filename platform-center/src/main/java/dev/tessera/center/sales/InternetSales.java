package dev.tessera.center.sales;

import static dev.tessera.center.db.schema.Tables.ACCOUNT;
import static dev.tessera.center.db.schema.Tables.MEMBER_HOLD;
import static dev.tessera.center.db.schema.Tables.SEAT_HOLD;
import static dev.tessera.center.db.schema.Tables.SELLER_QUOTA;

import dev.tessera.center.account.AccountService;
import dev.tessera.center.db.Database;
import dev.tessera.center.event.EventService;
import dev.tessera.center.problem.DomainException;
import dev.tessera.center.member.MemberService;
import dev.tessera.contract.sales.HoldRequest;
import dev.tessera.contract.sales.MemberHoldRequest;
import dev.tessera.contract.sales.OnSale;
import dev.tessera.contract.sales.Payment;
import dev.tessera.contract.sales.PaymentMethod;
import dev.tessera.contract.sales.Purchase;
import dev.tessera.core.model.Chip;
import dev.tessera.core.model.ChipStatus;
import dev.tessera.core.model.Event;
import dev.tessera.core.model.EventStatus;
import dev.tessera.core.model.Hold;
import dev.tessera.core.model.HoldStatus;
import dev.tessera.core.model.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 14 (claims 33, 68, 76): a member buys at home. The center sells through one internet-sales channel, a seller
 * account ({@value #CHANNEL_LOGIN}) that nobody signs in as; the organizer authorizes it for an event like any seller
 * (quotas per category, a seat block). A member holds seats only within that authorization, for at most
 * {@value #MAX_SEATS} seats and {@value #MAX_ACTIVE_HOLDS} holds at a time, and buys them for their own active card.
 */
public final class InternetSales {
    public static final String CHANNEL_LOGIN = "internet-sales";
    public static final String CHANNEL_NAME = "Internet sales";
    public static final int MAX_SEATS = 10;
    public static final int MAX_ACTIVE_HOLDS = 2;
    private static final String NOT_ONLINE = "not-on-sale-online";

    private final Database db;
    private final AccountService accounts;
    private final EventService events;
    private final HoldService holds;
    private final SaleService sales;
    private final MemberService members;
    private final Clock clock;
    private volatile Long channelId;

    public InternetSales(Database db, AccountService accounts, EventService events, HoldService holds,
                         SaleService sales, MemberService members, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.events = events;
        this.holds = holds;
        this.sales = sales;
        this.members = members;
        this.clock = clock;
    }

    /** The channel's account, created on first use with a password nobody knows: it is authorized, never signed in. */
    public long channel() {
        Long id = channelId;
        if (id == null) {
            id = channelOf(db, accounts);
            channelId = id;
        }
        return id;
    }

    /** The internet-sales channel's account id, the account created when it is missing (the demo authorizes it). */
    public static long channelOf(Database db, AccountService accounts) {
        var row = db.dsl().select(ACCOUNT.ID, ACCOUNT.ROLE).from(ACCOUNT).where(ACCOUNT.LOGIN_ID.eq(CHANNEL_LOGIN))
                .fetchOne();
        if (row == null) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            accounts.bootstrap(CHANNEL_LOGIN, HexFormat.of().formatHex(secret).toCharArray(), Role.SELLER, CHANNEL_NAME);
            row = db.dsl().select(ACCOUNT.ID, ACCOUNT.ROLE).from(ACCOUNT).where(ACCOUNT.LOGIN_ID.eq(CHANNEL_LOGIN))
                    .fetchOne();
        }
        if (!Role.SELLER.name().equals(row.value2())) {
            throw new IllegalStateException("the account \"" + CHANNEL_LOGIN + "\" exists with role " + row.value2()
                    + "; the internet-sales channel needs it as a seller");
        }
        return row.value1();
    }

    /** Published events not over yet that the organizer authorized the channel for, by start. */
    public List<OnSale> onSale() {
        long channel = channel();
        Map<Long, Map<String, Integer>> left = new LinkedHashMap<>();
        db.dsl().selectFrom(SELLER_QUOTA).where(SELLER_QUOTA.SELLER_ID.eq(channel))
                .orderBy(SELLER_QUOTA.EVENT_ID, SELLER_QUOTA.CATEGORY_ID)
                .forEach(q -> left.computeIfAbsent(q.getEventId(), e -> new LinkedHashMap<>())
                        .put(q.getCategoryId(), q.getQuota() - q.getUsed()));
        return events.list(true).stream()
                .filter(e -> left.containsKey(e.id()) && e.endsAt().isAfter(clock.instant()))
                .map(e -> new OnSale(e, left.get(e.id()), holds.holdPeriod().toSeconds())).toList();
    }

    public Hold hold(long memberId, MemberHoldRequest request) {
        if (request == null || request.eventId() <= 0) {
            throw DomainException.invalid("name the event (eventId) and the seats (seatIds or bestAvailable)");
        }
        int asked = request.seatIds() != null && !request.seatIds().isEmpty() ? request.seatIds().size()
                : request.bestAvailable() == null ? 0 : request.bestAvailable().count();
        // issue 18: standing places count like seats towards the member's limit
        int places = request.areas() == null ? 0 : request.areas().values().stream()
                .mapToInt(n -> n == null ? 0 : Math.max(n, 0)).sum();
        if (asked + places > MAX_SEATS) {
            throw DomainException.invalid("a member holds at most " + MAX_SEATS + " seats and standing places at a time");
        }
        Event event = events.event(request.eventId());
        long channel = channel();
        if (event.status() != EventStatus.PUBLISHED || !db.dsl().fetchExists(SELLER_QUOTA,
                SELLER_QUOTA.EVENT_ID.eq(event.id()), SELLER_QUOTA.SELLER_ID.eq(channel))) {
            throw DomainException.notFound(NOT_ONLINE + ": event " + event.id() + " is not on sale on the internet");
        }
        if (active(memberId).size() >= MAX_ACTIVE_HOLDS) {
            throw DomainException.conflict("too-many-holds", "you already hold seats " + MAX_ACTIVE_HOLDS
                    + " times; buy or release them first");
        }
        // the member's claim on the hold is written with it, and with the answer to its Idempotency-Key
        return holds.hold(channel, event.id(), new HoldRequest(request.seatIds(), request.bestAvailable(),
                request.areas()), (ctx, holdId) -> ctx.insertInto(MEMBER_HOLD).set(MEMBER_HOLD.HOLD_ID, holdId)
                .set(MEMBER_HOLD.MEMBER_ID, memberId).execute());
    }

    /** The member's holds that still keep seats, oldest first. */
    public List<Hold> active(long memberId) {
        List<Long> mine = db.dsl().select(MEMBER_HOLD.HOLD_ID).from(MEMBER_HOLD).join(SEAT_HOLD)
                .on(SEAT_HOLD.ID.eq(MEMBER_HOLD.HOLD_ID))
                .where(MEMBER_HOLD.MEMBER_ID.eq(memberId), SEAT_HOLD.STATUS.eq(HoldStatus.ACTIVE.name()))
                .fetch(MEMBER_HOLD.HOLD_ID);
        if (mine.isEmpty()) {
            return List.of();
        }
        return holds.activeOf(channel(), null).stream().filter(h -> mine.contains(h.id())).toList();
    }

    public void release(long memberId, long holdId) {
        holds.release(channel(), own(memberId, holdId).id());
    }

    public SaleService.Confirmation buy(long memberId, Purchase purchase) {
        if (purchase == null || purchase.chipId() == null || purchase.chipId().isBlank()) {
            throw DomainException.invalid("name your card (chipId): the tickets are issued for it");
        }
        Hold hold = own(memberId, purchase.holdId());
        Chip chip;
        try {
            chip = members.chip(Chip.chipId(purchase.chipId()));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("chipId: " + e.getMessage());
        }
        if (chip.memberId() == null || !chip.memberId().equals(memberId)) {
            throw DomainException.notFound("chip " + chip.chipId() + " is not one of your cards");
        }
        if (chip.status() != ChipStatus.ACTIVE) {
            throw DomainException.conflict("chip-blocked", "this card is blocked; choose your new card");
        }
        String reference = purchase.paymentReference() == null || purchase.paymentReference().isBlank() ? null
                : purchase.paymentReference().strip();
        return sales.confirmForMember(channel(), memberId, hold.id(), chip,
                new Payment(PaymentMethod.CARD, reference, null), purchase.attendees());
    }

    /** The channel's hold made for this member; any other is "not found", its existence not confirmed. */
    private Hold own(long memberId, long holdId) {
        boolean mine = db.dsl().fetchExists(MEMBER_HOLD, MEMBER_HOLD.HOLD_ID.eq(holdId),
                MEMBER_HOLD.MEMBER_ID.eq(memberId));
        if (!mine) {
            throw DomainException.notFound("no hold " + holdId + " of yours");
        }
        return holds.find(holdId);
    }
}
