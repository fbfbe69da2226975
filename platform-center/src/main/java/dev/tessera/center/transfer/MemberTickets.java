package dev.tessera.center.transfer;

import static dev.tessera.center.db.schema.Tables.ACCOUNT;
import static dev.tessera.center.db.schema.Tables.CHIP;
import static dev.tessera.center.db.schema.Tables.EVENT;
import static dev.tessera.center.db.schema.Tables.TICKET;
import static dev.tessera.center.db.schema.Tables.TICKET_TRANSFER;

import dev.tessera.center.db.Database;
import dev.tessera.contract.member.MemberTicket.State;
import dev.tessera.contract.member.MemberTicket;
import dev.tessera.contract.member.MemberTransfer.Direction;
import dev.tessera.contract.member.MemberTransfer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.Record;

/**
 * Issue 14: what a member sees of their own tickets (claims 33, 67, 76): every ticket they hold or gave away, with
 * its event, seat and state, and the transfers waiting for them or for their assignee. The center cannot know what a
 * card holds; the member's terminal compares a VALID ticket with the card it reads (on the card, or still to write).
 */
public final class MemberTickets {
    private final Database db;
    private final Clock clock;

    public MemberTickets(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Every ticket the member holds, and those they transferred away, by event start and seat. */
    public List<MemberTicket> tickets(long memberId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var pending = db.dsl().select(TICKET_TRANSFER.TICKET_ID, TICKET_TRANSFER.ID, TICKET_TRANSFER.EXPIRES_AT)
                .from(TICKET_TRANSFER)
                .where(TICKET_TRANSFER.ASSIGNOR_ID.eq(memberId), TICKET_TRANSFER.STATUS.eq("PENDING"),
                        TICKET_TRANSFER.EXPIRES_AT.gt(now))
                .fetchMap(TICKET_TRANSFER.TICKET_ID, r -> r);
        List<MemberTicket> out = new ArrayList<>();
        Set<String> held = new HashSet<>();
        db.dsl().select(TICKET.fields()).select(EVENT.NAME, EVENT.STARTS_AT, EVENT.VENUE_ID, EVENT.SEAT_MAP_VERSION,
                        EVENT.CURRENCY, EVENT.STATUS, CHIP.STATUS)
                .from(TICKET).join(EVENT).on(EVENT.ID.eq(TICKET.EVENT_ID))
                .leftJoin(CHIP).on(CHIP.CHIP_ID.eq(TICKET.HOLDER_CHIP_ID))
                .where(TICKET.HOLDER_MEMBER_ID.eq(memberId))
                .fetch().forEach(r -> {
                    String id = r.get(TICKET.ID);
                    held.add(id);
                    var transfer = pending.get(id);
                    State state = switch (r.get(TICKET.STATUS)) {
                        case "USED" -> State.USED;
                        case "VOID" -> State.REVOKED;
                        default -> "CANCELLED".equals(r.get(EVENT.STATUS)) ? State.EVENT_CANCELLED
                                : "BLOCKED".equals(r.get(CHIP.STATUS)) ? State.CARD_BLOCKED
                                : transfer != null ? State.TRANSFER_PENDING : State.VALID;
                    };
                    out.add(ticket(r, r.get(TICKET.VERSION), r.get(TICKET.HOLDER_CHIP_ID), state,
                            state == State.TRANSFER_PENDING ? transfer.value2() : null,
                            state == State.TRANSFER_PENDING ? transfer.value3() : null));
                });
        // given away: the copy the member held when the assignee accepted (the last such transfer per ticket)
        db.dsl().select(TICKET.fields()).select(EVENT.NAME, EVENT.STARTS_AT, EVENT.VENUE_ID, EVENT.SEAT_MAP_VERSION,
                        EVENT.CURRENCY, TICKET_TRANSFER.FROM_VERSION, TICKET_TRANSFER.FROM_CHIP_ID, TICKET_TRANSFER.ID)
                .from(TICKET_TRANSFER).join(TICKET).on(TICKET.ID.eq(TICKET_TRANSFER.TICKET_ID))
                .join(EVENT).on(EVENT.ID.eq(TICKET.EVENT_ID))
                .where(TICKET_TRANSFER.ASSIGNOR_ID.eq(memberId), TICKET_TRANSFER.STATUS.eq("COMPLETED"))
                .orderBy(TICKET_TRANSFER.ID.desc())
                .fetch().forEach(r -> {
                    if (held.add(r.get(TICKET.ID))) {
                        out.add(ticket(r, r.get(TICKET_TRANSFER.FROM_VERSION), r.get(TICKET_TRANSFER.FROM_CHIP_ID),
                                State.TRANSFERRED, r.get(TICKET_TRANSFER.ID), null));
                    }
                });
        out.sort(Comparator.comparing(MemberTicket::startsAt).thenComparing(MemberTicket::eventId)
                .thenComparing(MemberTicket::seatId));
        return out;
    }

    /** Claim 70: the ticket's attendee, or null when it names nobody. */
    private static String blankToNull(String attendee) {
        return attendee == null || attendee.isBlank() ? null : attendee;
    }

    private static MemberTicket ticket(Record r, int version, String chipId, State state, Long transferId,
                                       OffsetDateTime expiresAt) {
        return new MemberTicket(r.get(TICKET.ID), version, r.get(TICKET.EVENT_ID), r.get(EVENT.NAME),
                r.get(EVENT.STARTS_AT), r.get(EVENT.VENUE_ID), r.get(EVENT.SEAT_MAP_VERSION), r.get(TICKET.SEAT_ID),
                r.get(TICKET.CATEGORY_ID), r.get(TICKET.GATE_ID), r.get(TICKET.PRICE_MINOR), r.get(EVENT.CURRENCY),
                chipId, state, transferId, expiresAt, blankToNull(r.get(TICKET.ATTENDEE)));
    }

    /**
     * The member's pending transfers: those to one of their cards (to accept with the password) and those they
     * started (waiting for the assignee). The assignee sees the assignor's display name, the assignor the assignee's.
     */
    public List<MemberTransfer> transfers(long memberId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var assignee = CHIP.as("assignee_chip");
        var assignor = ACCOUNT.as("assignor");
        var assigneeAccount = ACCOUNT.as("assignee");
        return db.dsl().select(TICKET_TRANSFER.ID, TICKET_TRANSFER.ASSIGNOR_ID, TICKET_TRANSFER.TICKET_ID,
                        TICKET_TRANSFER.FROM_CHIP_ID, TICKET_TRANSFER.TO_CHIP_ID, TICKET_TRANSFER.EXPIRES_AT,
                        TICKET_TRANSFER.LOCKED_UNTIL, TICKET.EVENT_ID, TICKET.SEAT_ID, TICKET.CATEGORY_ID,
                        EVENT.NAME, EVENT.STARTS_AT, EVENT.VENUE_ID, EVENT.SEAT_MAP_VERSION,
                        assignor.DISPLAY_NAME, assigneeAccount.DISPLAY_NAME)
                .from(TICKET_TRANSFER)
                .join(TICKET).on(TICKET.ID.eq(TICKET_TRANSFER.TICKET_ID))
                .join(EVENT).on(EVENT.ID.eq(TICKET.EVENT_ID))
                .join(assignee).on(assignee.CHIP_ID.eq(TICKET_TRANSFER.TO_CHIP_ID))
                .join(assignor).on(assignor.ID.eq(TICKET_TRANSFER.ASSIGNOR_ID))
                .leftJoin(assigneeAccount).on(assigneeAccount.ID.eq(assignee.MEMBER_ID))
                .where(TICKET_TRANSFER.STATUS.eq("PENDING"),
                        TICKET_TRANSFER.ASSIGNOR_ID.eq(memberId).or(assignee.MEMBER_ID.eq(memberId)))
                .orderBy(TICKET_TRANSFER.ID)
                .fetch(r -> {
                    boolean out = r.get(TICKET_TRANSFER.ASSIGNOR_ID) == memberId;
                    OffsetDateTime locked = r.get(TICKET_TRANSFER.LOCKED_UNTIL);
                    return new MemberTransfer(r.get(TICKET_TRANSFER.ID), out ? Direction.OUT : Direction.IN,
                            r.get(TICKET_TRANSFER.TICKET_ID), r.get(TICKET.EVENT_ID), r.get(EVENT.NAME),
                            r.get(EVENT.STARTS_AT), r.get(EVENT.VENUE_ID), r.get(EVENT.SEAT_MAP_VERSION),
                            r.get(TICKET.SEAT_ID), r.get(TICKET.CATEGORY_ID), r.get(TICKET_TRANSFER.FROM_CHIP_ID),
                            r.get(TICKET_TRANSFER.TO_CHIP_ID),
                            out ? r.get(assigneeAccount.DISPLAY_NAME) : r.get(assignor.DISPLAY_NAME),
                            !r.get(TICKET_TRANSFER.EXPIRES_AT).isAfter(now), locked != null && locked.isAfter(now),
                            r.get(TICKET_TRANSFER.EXPIRES_AT));
                });
    }
}
