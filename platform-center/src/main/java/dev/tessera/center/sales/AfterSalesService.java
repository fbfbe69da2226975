package dev.tessera.center.sales;

import static dev.tessera.center.db.schema.Tables.ACCOUNT;
import static dev.tessera.center.db.schema.Tables.ISSUING_INFO;
import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.TICKET;
import static dev.tessera.center.db.schema.Tables.TICKET_EXCHANGE;
import static dev.tessera.center.db.schema.Tables.TICKET_REPRINT;
import static dev.tessera.center.db.schema.Tables.TICKET_TRANSFER;
import static dev.tessera.center.db.schema.Tables.TICKET_VOID;

import dev.tessera.center.account.Principal;
import dev.tessera.center.db.Database;
import dev.tessera.center.db.schema.tables.records.SaleRecord;
import dev.tessera.center.db.schema.tables.records.TicketRecord;
import dev.tessera.center.idempotency.AnswerInTransaction;
import dev.tessera.center.problem.DomainException;
import dev.tessera.center.revocation.Revocations;
import dev.tessera.contract.aftersales.Adjustment;
import dev.tessera.contract.aftersales.AdjustmentKind;
import dev.tessera.contract.aftersales.Reprint;
import dev.tessera.contract.aftersales.Reprinted;
import dev.tessera.contract.aftersales.SaleView;
import dev.tessera.contract.aftersales.TicketStatus;
import dev.tessera.contract.aftersales.TicketView;
import dev.tessera.contract.sales.Contact;
import dev.tessera.core.contact.PhoneNumber;
import dev.tessera.core.format.TicketFormatException;
import dev.tessera.core.model.Role;
import dev.tessera.core.ticket.Ticket;
import dev.tessera.core.ticket.TicketCodec;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * After-sales at the counter: find a sale by ticket, sale, chip, customer or seat; reprint a paper ticket with a
 * reason (optionally reissued under a new version, so the old paper is refused at the gate); and
 * the audit list of voids, refunds, exchanges and reprints with their reasons.
 */
public final class AfterSalesService {
    private final Database db;
    private final TicketFactory factory;
    private final Clock clock;

    /**
     * What the clerk searched for: exactly one of a sale, a ticket, a chip, a customer (at least 2 characters, any
     * case, of a member's name or login, a ticket's attendee, or the name, e-mail address or phone number given at the
     * counter; a phone number however written, +81 as 0) or a seat (an event and a seat id).
     */
    public record Lookup(Long saleId, String ticketId, String chipId, String customer, Long eventId, String seatId) {
        public Lookup(Long saleId, String ticketId, String chipId) {
            this(saleId, ticketId, chipId, null, null, null);
        }
    }

    public AfterSalesService(Database db, TicketFactory factory, Clock clock) {
        this.db = db;
        this.factory = factory;
        this.clock = clock;
    }

    /** Exactly one key of the lookup; a seller finds only its own sales. */
    public List<SaleView> find(Principal by, Lookup lookup) {
        boolean seat = lookup.eventId() != null || !blank(lookup.seatId());
        int given = (lookup.saleId() == null ? 0 : 1) + (blank(lookup.ticketId()) ? 0 : 1) + (blank(lookup.chipId()) ? 0 : 1)
                + (blank(lookup.customer()) ? 0 : 1) + (seat ? 1 : 0);
        if (given != 1) {
            throw DomainException.invalid("name exactly one of saleId, ticketId, chipId, customer, and eventId with seatId");
        }
        Condition which;
        if (lookup.saleId() != null) {
            which = SALE.ID.eq(lookup.saleId());
        } else if (!blank(lookup.ticketId())) {
            which = SALE.ID.in(DSL.select(TICKET.SALE_ID).from(TICKET).where(TICKET.ID.eq(lookup.ticketId().trim())));
        } else if (!blank(lookup.chipId())) {
            String chip = lookup.chipId().trim().toLowerCase(java.util.Locale.ROOT);
            which = SALE.ID.in(DSL.select(TICKET.SALE_ID).from(TICKET).where(TICKET.HOLDER_CHIP_ID.eq(chip)))
                    .or(SALE.ISSUING_INFO_ID.in(DSL.select(ISSUING_INFO.ID).from(ISSUING_INFO).where(ISSUING_INFO.CHIP_ID.eq(chip))));
        } else if (!blank(lookup.customer())) {
            String text = lookup.customer().strip();
            if (text.length() < 2) {
                throw DomainException.invalid("name at least 2 characters of the customer");
            }
            Condition contact = ISSUING_INFO.CONTACT_NAME.containsIgnoreCase(text)
                    .or(ISSUING_INFO.CONTACT_EMAIL.containsIgnoreCase(text));
            String phoneKey = PhoneNumber.searchKey(text);
            if (phoneKey != null) {
                contact = contact.or(ISSUING_INFO.CONTACT_PHONE_KEY.contains(phoneKey));
            }
            which = SALE.ISSUING_INFO_ID.in(DSL.select(ISSUING_INFO.ID).from(ISSUING_INFO)
                            .join(ACCOUNT).on(ACCOUNT.ID.eq(ISSUING_INFO.MEMBER_ID))
                            .where(ACCOUNT.DISPLAY_NAME.containsIgnoreCase(text).or(ACCOUNT.LOGIN_ID.containsIgnoreCase(text))))
                    .or(SALE.ISSUING_INFO_ID.in(DSL.select(ISSUING_INFO.ID).from(ISSUING_INFO).where(contact)))
                    .or(SALE.ID.in(DSL.select(TICKET.SALE_ID).from(TICKET).where(TICKET.ATTENDEE.containsIgnoreCase(text))));
        } else {
            if (lookup.eventId() == null || blank(lookup.seatId())) {
                throw DomainException.invalid("a seat is found by eventId and seatId together");
            }
            which = SALE.ID.in(DSL.select(TICKET.SALE_ID).from(TICKET)
                    .where(TICKET.EVENT_ID.eq(lookup.eventId()), TICKET.SEAT_ID.eq(lookup.seatId().strip())));
        }
        if (by.role() == Role.SELLER) {
            which = which.and(SALE.SELLER_ID.eq(by.accountId()));
        }
        var member = ACCOUNT.as("member");
        var sales = db.dsl().select(SALE.fields())
                .select(ACCOUNT.DISPLAY_NAME, ISSUING_INFO.CUSTOMER_AUTH, ISSUING_INFO.CHIP_ID, member.DISPLAY_NAME,
                        ISSUING_INFO.CONTACT_NAME, ISSUING_INFO.CONTACT_EMAIL, ISSUING_INFO.CONTACT_PHONE)
                .from(SALE).join(ACCOUNT).on(ACCOUNT.ID.eq(SALE.SELLER_ID))
                .join(ISSUING_INFO).on(ISSUING_INFO.ID.eq(SALE.ISSUING_INFO_ID))
                .leftJoin(member).on(member.ID.eq(ISSUING_INFO.MEMBER_ID))
                .where(which).orderBy(SALE.SOLD_AT.desc(), SALE.ID.desc()).limit(50).fetch();
        if (sales.isEmpty()) {
            return List.of();
        }
        List<Long> saleIds = sales.map(r -> r.get(SALE.ID));
        List<TicketRecord> tickets = db.dsl().selectFrom(TICKET).where(TICKET.SALE_ID.in(saleIds))
                .orderBy(TICKET.SEAT_ID).fetch();
        List<String> ticketIds = tickets.stream().map(TicketRecord::getId).toList();
        Map<String, Integer> reprints = db.dsl().select(TICKET_REPRINT.TICKET_ID, DSL.count()).from(TICKET_REPRINT)
                .where(TICKET_REPRINT.TICKET_ID.in(ticketIds)).groupBy(TICKET_REPRINT.TICKET_ID)
                .fetchMap(TICKET_REPRINT.TICKET_ID, DSL.count());
        Set<String> transferred = db.dsl().selectDistinct(TICKET_TRANSFER.TICKET_ID).from(TICKET_TRANSFER)
                .where(TICKET_TRANSFER.TICKET_ID.in(ticketIds), TICKET_TRANSFER.STATUS.eq("COMPLETED"))
                .fetchSet(TICKET_TRANSFER.TICKET_ID);
        Map<Long, List<TicketView>> bySale = tickets.stream().collect(Collectors.groupingBy(TicketRecord::getSaleId,
                Collectors.mapping(t -> new TicketView(t.getId(), t.getVersion(), t.getSeatId(), t.getCategoryId(),
                        t.getGateId(), t.getPriceMinor(), t.getAttendee() == null ? "" : t.getAttendee(), t.getHolderChipId(),
                        "VALID".equals(t.getStatus()) && transferred.contains(t.getId()) ? TicketStatus.TRANSFERRED
                                : TicketStatus.valueOf(t.getStatus()),
                        reprints.getOrDefault(t.getId(), 0), t.getEncoded()), Collectors.toList())));
        return sales.map(r -> {
            SaleRecord s = r.into(SALE);
            return new SaleView(s.getId(), s.getEventId(), s.getSellerId(), r.get(ACCOUNT.DISPLAY_NAME), s.getSoldAt(),
                    s.getPaymentMethod(), s.getPaymentRef(), s.getTotalMinor(), s.getCurrency(),
                    r.get(ISSUING_INFO.CUSTOMER_AUTH), r.get(member.DISPLAY_NAME),
                    new Contact(r.get(ISSUING_INFO.CONTACT_NAME), r.get(ISSUING_INFO.CONTACT_EMAIL),
                            r.get(ISSUING_INFO.CONTACT_PHONE)),
                    r.get(ISSUING_INFO.CHIP_ID), bySale.getOrDefault(s.getId(), List.of()));
        });
    }

    /**
     * Claim 20: records a reprint and returns the number to print on it ("REPRINT n"). With reissue
     * the ticket gets version + 1, newly signed, and the old version is revoked, so the paper the
     * customer lost can no longer get in. A ticket on a chip is not reissued here: the chip holds it.
     */
    public Reprinted reprint(Principal by, String ticketId, Reprint req) {
        VoidService.checkReason(req.reason());
        boolean reissue = Boolean.TRUE.equals(req.reissue());
        OffsetDateTime now = OffsetDateTime.now(clock);
        return db.tx(ctx -> {
            TicketRecord ticket = ctx.selectFrom(TICKET).where(TICKET.ID.eq(ticketId)).forUpdate().fetchOne();
            if (ticket == null) {
                throw DomainException.notFound("no ticket " + ticketId);
            }
            long sellerId = ctx.select(SALE.SELLER_ID).from(SALE).where(SALE.ID.eq(ticket.getSaleId())).fetchOne(SALE.SELLER_ID);
            if (by.role() == Role.SELLER && sellerId != by.accountId()) {
                throw DomainException.notFound("no ticket " + ticketId + " sold by this seller");
            }
            if (!"VALID".equals(ticket.getStatus())) {
                throw DomainException.conflict("ticket-not-valid", "ticket " + ticketId + " is " + ticket.getStatus()
                        + " and cannot be printed again");
            }
            int version = ticket.getVersion();
            String encoded = ticket.getEncoded();
            if (reissue) {
                if (ticket.getHolderChipId() != null) {
                    throw DomainException.conflict("ticket-on-chip", "ticket " + ticketId
                            + " is on a chip; reissue is for paper tickets");
                }
                version = version + 1;
                encoded = TicketFactory.base64(factory.sign(withVersion(ticket, version)));
                Revocations.revoke(ctx, ticket, "REISSUED", now);
                ctx.update(TICKET).set(TICKET.VERSION, version).set(TICKET.ENCODED, encoded)
                        .where(TICKET.ID.eq(ticketId)).execute();
            }
            int number = ctx.fetchCount(TICKET_REPRINT, TICKET_REPRINT.TICKET_ID.eq(ticketId)) + 1;
            ctx.insertInto(TICKET_REPRINT).set(TICKET_REPRINT.TICKET_ID, ticketId).set(TICKET_REPRINT.REPRINT_NO, number)
                    .set(TICKET_REPRINT.VERSION, version).set(TICKET_REPRINT.REISSUED, reissue)
                    .set(TICKET_REPRINT.REASON, req.reason()).set(TICKET_REPRINT.PRINTED_BY, by.accountId())
                    .set(TICKET_REPRINT.PRINTED_AT, now).execute();
            return AnswerInTransaction.keep(ctx, new Reprinted(ticketId, number, version, reissue, encoded));
        });
    }

    private static Ticket withVersion(TicketRecord record, int version) {
        try {
            Ticket t = TicketCodec.decode(Base64.getDecoder().decode(record.getEncoded())).ticket();
            return new Ticket(t.ticketId(), version, t.eventId(), t.seatId(), t.categoryId(), t.gateId(), t.validFrom(),
                    t.validUntil(), t.holderChipId(), t.attendees(), t.priceMinor(), t.currency(), t.generalAdmission());
        } catch (TicketFormatException | IllegalArgumentException e) {
            throw new IllegalStateException("ticket " + record.getId() + " as stored cannot be decoded", e);
        }
    }

    /**
     * Issue 13: a page of the audit trail: {@code limit} adjustments after those at {@code afterAt} of the ticket
     * {@code afterTicketId} (both null: from the first), in the trail's order (time, then ticket id); more when the
     * last ticket's adjustments share its last instant (a page never ends between them), fewer on the last page.
     */
    public record AdjustmentPage(Instant afterAt, String afterTicketId, int limit) {}

    /** The most adjustments a page may hold. */
    public static final int MAX_PAGE_ADJUSTMENTS = 50_000;

    /** The audit trail of the counter: voids, refunds, exchanges and reprints with reasons, oldest first. */
    public List<Adjustment> adjustments(Instant from, Instant to, Long sellerId, Long eventId) {
        return adjustments(from, to, sellerId, eventId, null);
    }

    /** The same a page at a time ({@code page} null: the whole trail in one answer). */
    public List<Adjustment> adjustments(Instant from, Instant to, Long sellerId, Long eventId, AdjustmentPage page) {
        Condition saleWhere = saleOf(sellerId, eventId, column -> column);
        List<Adjustment> all = new ArrayList<>();
        db.dsl().select(TICKET_VOID.fields()).select(SALE.EVENT_ID, TICKET.SEAT_ID, ACCOUNT.DISPLAY_NAME,
                        TICKET_EXCHANGE.NEW_SALE_ID, TICKET_EXCHANGE.DIFFERENCE_MINOR)
                .from(TICKET_VOID).join(SALE).on(SALE.ID.eq(TICKET_VOID.SALE_ID))
                .join(TICKET).on(TICKET.ID.eq(TICKET_VOID.TICKET_ID))
                .join(ACCOUNT).on(ACCOUNT.ID.eq(TICKET_VOID.VOIDED_BY))
                .leftJoin(TICKET_EXCHANGE).on(TICKET_EXCHANGE.ID.eq(TICKET_VOID.EXCHANGE_ID))
                .where(saleWhere, between(TICKET_VOID.VOIDED_AT, from, to), after(TICKET_VOID.VOIDED_AT, TICKET_VOID.TICKET_ID, page))
                .orderBy(TICKET_VOID.VOIDED_AT, TICKET_VOID.TICKET_ID)
                .limit(page == null ? Integer.MAX_VALUE : page.limit())
                .forEach(r -> {
                    var v = r.into(TICKET_VOID);
                    boolean exchange = v.getExchangeId() != null;
                    AdjustmentKind kind = exchange ? AdjustmentKind.EXCHANGE
                            : v.getRefundMinor() > 0 ? AdjustmentKind.REFUND : AdjustmentKind.VOID;
                    all.add(new Adjustment(kind, v.getVoidedAt(), r.get(SALE.EVENT_ID), v.getSaleId(),
                            r.get(TICKET_EXCHANGE.NEW_SALE_ID), v.getTicketId(), r.get(TICKET.SEAT_ID), v.getVoidedBy(),
                            r.get(ACCOUNT.DISPLAY_NAME), v.getReason(),
                            exchange ? r.get(TICKET_EXCHANGE.DIFFERENCE_MINOR) : v.getRefundMinor(),
                            v.getRefundMethod(), v.getRefundRef()));
                });
        // reprints are few beside sales: read them first and test each one's sale, rather than walk the seller's
        // sales for them (H2 starts a join at an indexed equality: 30 ms an event and seller, ticket_reprint empty)
        Condition reprintedSale = saleOf(sellerId, eventId, column -> column.plus(DSL.inline(0L)));
        Condition printed = DSL.and(reprintedSale, between(TICKET_REPRINT.PRINTED_AT, from, to),
                after(TICKET_REPRINT.PRINTED_AT, TICKET_REPRINT.TICKET_ID, page));
        List<Adjustment> reprints = reprints(printed, page == null ? Integer.MAX_VALUE : page.limit());
        all.addAll(reprints);
        Comparator<Adjustment> order = Comparator.comparing(Adjustment::at).thenComparing(Adjustment::ticketId);
        all.sort(order);
        if (page == null || all.size() < page.limit()) {
            return all;
        }
        // the page ends with the adjustments of its last ticket at its last instant, all of them (reprints of one
        // ticket may share an instant), so the next page can start strictly after that ticket and instant
        Adjustment last = all.get(Math.min(page.limit(), all.size()) - 1);
        List<Adjustment> within = new ArrayList<>();
        for (Adjustment a : all) {
            int c = order.compare(a, last);
            if (c < 0 || c == 0 && a.kind() != AdjustmentKind.REPRINT && a.kind() != AdjustmentKind.REISSUE) {
                within.add(a);
            }
        }
        within.addAll(reprints(DSL.and(reprintedSale, TICKET_REPRINT.PRINTED_AT.eq(last.at()),
                TICKET_REPRINT.TICKET_ID.eq(last.ticketId())), Integer.MAX_VALUE));
        within.sort(order);
        return within;
    }

    /**
     * The seller and event (each when given) a sale must have, on {@code column} of the sale's column: the column itself
     * lets an index bound the scan; {@code + 0} makes it a test of each joined row, so the reprints' join starts at the
     * reprints, not at the sales of the seller and event.
     */
    private static Condition saleOf(Long sellerId, Long eventId,
                                    java.util.function.UnaryOperator<org.jooq.Field<Long>> column) {
        Condition c = DSL.trueCondition();
        if (sellerId != null) {
            c = c.and(column.apply(SALE.SELLER_ID).eq(sellerId));
        }
        if (eventId != null) {
            c = c.and(column.apply(SALE.EVENT_ID).eq(eventId));
        }
        return c;
    }

    private List<Adjustment> reprints(Condition where, int limit) {
        return db.dsl().select(TICKET_REPRINT.fields()).select(SALE.ID, SALE.EVENT_ID, TICKET.SEAT_ID, ACCOUNT.DISPLAY_NAME)
                .from(TICKET_REPRINT).join(TICKET).on(TICKET.ID.eq(TICKET_REPRINT.TICKET_ID))
                .join(SALE).on(SALE.ID.eq(TICKET.SALE_ID))
                .join(ACCOUNT).on(ACCOUNT.ID.eq(TICKET_REPRINT.PRINTED_BY))
                .where(where)
                .orderBy(TICKET_REPRINT.PRINTED_AT, TICKET_REPRINT.TICKET_ID, TICKET_REPRINT.REPRINT_NO)
                .limit(limit)
                .fetch(r -> {
                    var p = r.into(TICKET_REPRINT);
                    return new Adjustment(p.getReissued() ? AdjustmentKind.REISSUE : AdjustmentKind.REPRINT, p.getPrintedAt(), r.get(SALE.EVENT_ID),
                            r.get(SALE.ID), null, p.getTicketId(), r.get(TICKET.SEAT_ID), p.getPrintedBy(),
                            r.get(ACCOUNT.DISPLAY_NAME), p.getReason(), 0, null, null);
                });
    }

    /** (at, ticket id) after the page's start, written so the time's index bounds the scan. */
    private static Condition after(org.jooq.Field<OffsetDateTime> at, org.jooq.Field<String> ticketId,
                                   AdjustmentPage page) {
        if (page == null || page.afterAt() == null) {
            return DSL.trueCondition();
        }
        OffsetDateTime start = page.afterAt().atOffset(ZoneOffset.UTC);
        return at.ge(start).and(at.gt(start).or(ticketId.gt(page.afterTicketId())));
    }

    private static Condition between(org.jooq.Field<OffsetDateTime> at, Instant from, Instant to) {
        Condition c = DSL.trueCondition();
        if (from != null) {
            c = c.and(at.ge(from.atOffset(ZoneOffset.UTC)));
        }
        if (to != null) {
            c = c.and(at.lt(to.atOffset(ZoneOffset.UTC)));
        }
        return c;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
