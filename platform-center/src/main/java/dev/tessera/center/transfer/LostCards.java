package dev.tessera.center.transfer;

import static dev.tessera.center.db.schema.Tables.CHIP;
import static dev.tessera.center.db.schema.Tables.CHIP_BLOCK;
import static dev.tessera.center.db.schema.Tables.CHIP_REPLACEMENT;
import static dev.tessera.center.db.schema.Tables.TICKET;
import static dev.tessera.center.db.schema.Tables.TICKET_TRANSFER;

import dev.tessera.center.db.Database;
import dev.tessera.center.db.schema.tables.records.TicketRecord;
import dev.tessera.center.problem.DomainException;
import dev.tessera.center.member.MemberService;
import dev.tessera.center.revocation.Revocations;
import dev.tessera.contract.member.BlockedChip;
import dev.tessera.contract.member.ChipReplacement;
import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.center.sales.TicketFactory;
import dev.tessera.core.model.Chip;
import dev.tessera.core.model.ChipStatus;
import dev.tessera.core.model.Role;
import dev.tessera.core.ticket.Ticket;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import dev.tessera.contract.member.BlockChip;
import dev.tessera.contract.member.ReplaceChip;

/**
 * Issue 14: a lost or stolen card. Blocking it revokes every valid ticket copy on it at once (the gates refuse them
 * with the next revocation download, and a gate package leaves the chip out), cancels the transfers it started and
 * refuses every chip session on it. The member's valid tickets then move to their new card: re-issued with version
 * + 1 for the new chip, as a transfer re-issues them, the old copies staying revoked.
 */
public final class LostCards {
    private static final int MAX_REASON = 200;

    private final Database db;
    private final MemberService members;
    private final TicketFactory factory;
    private final Clock clock;

    /** Who asks: a member for their own cards, a seller at the counter for any. */
    public record Caller(long accountId, Role role) {}

    public LostCards(Database db, MemberService members, TicketFactory factory, Clock clock) {
        this.db = db;
        this.members = members;
        this.factory = factory;
        this.clock = clock;
    }

    /** A member blocks one of their own cards; a seller blocks any card at the counter. Audited in chip_block. */
    public BlockedChip block(Caller caller, String chipId, BlockChip request) {
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            throw DomainException.invalid("say why the card is blocked (reason), e.g. \"lost\"");
        }
        if (reason.length() > MAX_REASON) {
            throw DomainException.invalid("the reason takes at most " + MAX_REASON + " characters");
        }
        Chip chip = callersChip(caller, chipId);
        if (chip.status() == ChipStatus.BLOCKED) {
            throw DomainException.conflict("chip-already-blocked", "this card is already blocked");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int revoked = db.tx(ctx -> {
            int blocked = ctx.update(CHIP).set(CHIP.STATUS, ChipStatus.BLOCKED.name())
                    .where(CHIP.CHIP_ID.eq(chip.chipId()), CHIP.STATUS.eq(ChipStatus.ACTIVE.name())).execute();
            if (blocked == 0) {
                throw DomainException.conflict("chip-already-blocked", "this card is already blocked");
            }
            List<TicketRecord> onCard = ctx.selectFrom(TICKET)
                    .where(TICKET.HOLDER_CHIP_ID.eq(chip.chipId()), TICKET.STATUS.eq("VALID")).fetch();
            for (TicketRecord t : onCard) {
                Revocations.revoke(ctx, t, "CARD_BLOCKED", now);
            }
            // a transfer this card started would move a copy that no longer admits anybody
            ctx.update(TICKET_TRANSFER).set(TICKET_TRANSFER.STATUS, "CANCELLED")
                    .where(TICKET_TRANSFER.FROM_CHIP_ID.eq(chip.chipId()), TICKET_TRANSFER.STATUS.eq("PENDING"))
                    .execute();
            ctx.insertInto(CHIP_BLOCK).set(CHIP_BLOCK.CHIP_ID, chip.chipId())
                    .set(CHIP_BLOCK.ACCOUNT_ID, caller.accountId()).set(CHIP_BLOCK.ROLE, caller.role().name())
                    .set(CHIP_BLOCK.REASON, reason).set(CHIP_BLOCK.REVOKED_TICKETS, onCard.size())
                    .set(CHIP_BLOCK.BLOCKED_AT, now).execute();
            return onCard.size();
        });
        return new BlockedChip(chip.chipId(), ChipStatus.BLOCKED, revoked, now);
    }

    /** Moves every valid ticket of a blocked card to the same member's active card, re-issued (version + 1). */
    public ChipReplacement replace(Caller caller, String fromChipId, ReplaceChip request) {
        if (request == null || request.toChipId() == null || request.toChipId().isBlank()) {
            throw DomainException.invalid("name the new card (toChipId)");
        }
        Chip from = callersChip(caller, fromChipId);
        Chip to;
        try {
            to = members.chip(Chip.chipId(request.toChipId()));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("toChipId: " + e.getMessage());
        }
        if (caller.role() == Role.MEMBER && (to.memberId() == null || to.memberId() != caller.accountId())) {
            throw DomainException.notFound("chip " + to.chipId() + " is not one of your cards");
        }
        if (from.memberId() == null || !from.memberId().equals(to.memberId())) {
            throw DomainException.conflict("another-members-card", "the new card belongs to another member");
        }
        if (from.chipId().equals(to.chipId())) {
            throw DomainException.invalid("the new card must be another card than the blocked one");
        }
        if (from.status() != ChipStatus.BLOCKED) {
            throw DomainException.conflict("chip-not-blocked", "block the lost card first; its tickets stay on it until then");
        }
        if (to.status() != ChipStatus.ACTIVE) {
            throw DomainException.conflict("chip-blocked", "the new card is blocked too");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<TicketRecord> onCard = db.dsl().selectFrom(TICKET)
                .where(TICKET.HOLDER_CHIP_ID.eq(from.chipId()), TICKET.STATUS.eq("VALID"))
                .orderBy(TICKET.ISSUED_AT, TICKET.SEAT_ID).fetch();
        List<IssuedTicket> moved = new ArrayList<>();
        db.txRun(ctx -> {
            moved.clear();
            for (TicketRecord t : onCard) {
                Ticket old = Revocations.decode(t);
                int version = t.getVersion() + 1;
                Ticket reissued = new Ticket(old.ticketId(), version, old.eventId(), old.seatId(), old.categoryId(),
                        old.gateId(), old.validFrom(), old.validUntil(), to.chipId(), old.attendees(), old.priceMinor(),
                        old.currency(), old.generalAdmission());
                byte[] encoded = factory.sign(reissued);
                String encodedB64 = TicketFactory.base64(encoded);
                int updated = ctx.update(TICKET).set(TICKET.VERSION, version).set(TICKET.HOLDER_CHIP_ID, to.chipId())
                        .set(TICKET.ENCODED, encodedB64)
                        .where(TICKET.ID.eq(t.getId()), TICKET.VERSION.eq(t.getVersion()), TICKET.STATUS.eq("VALID"),
                                TICKET.HOLDER_CHIP_ID.eq(from.chipId()))
                        .execute();
                if (updated == 0) {
                    throw DomainException.conflict("ticket-changed", "a ticket of the card changed meanwhile; try again");
                }
                Revocations.revoke(ctx, t, "CARD_REPLACED", now);
                moved.add(new IssuedTicket(t.getId(), version, t.getSeatId(), t.getCategoryId(), t.getGateId(),
                        t.getPriceMinor(), t.getAttendee(), to.chipId(), encodedB64, factory.sealFor(to, encoded),
                        t.getGeneralAdmission()));
            }
            ctx.insertInto(CHIP_REPLACEMENT).set(CHIP_REPLACEMENT.FROM_CHIP_ID, from.chipId())
                    .set(CHIP_REPLACEMENT.TO_CHIP_ID, to.chipId()).set(CHIP_REPLACEMENT.ACCOUNT_ID, caller.accountId())
                    .set(CHIP_REPLACEMENT.MOVED_TICKETS, onCard.size()).set(CHIP_REPLACEMENT.REPLACED_AT, now).execute();
        });
        return new ChipReplacement(from.chipId(), to.chipId(), List.copyOf(moved));
    }

    /** The chip named in the path: a member's own (else 404, its existence not confirmed), or any for a seller. */
    private Chip callersChip(Caller caller, String chipId) {
        Chip chip;
        try {
            chip = members.chip(Chip.chipId(chipId));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("chipId: " + e.getMessage());
        }
        if (caller.role() == Role.MEMBER && (chip.memberId() == null || chip.memberId() != caller.accountId())) {
            throw DomainException.notFound("chip " + chip.chipId() + " is not one of your cards");
        }
        return chip;
    }

}
