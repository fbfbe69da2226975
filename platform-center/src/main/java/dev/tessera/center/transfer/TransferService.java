package dev.tessera.center.transfer;

import static dev.tessera.center.db.schema.Tables.ACCOUNT;
import static dev.tessera.center.db.schema.Tables.CHIP;
import static dev.tessera.center.db.schema.Tables.TICKET;
import static dev.tessera.center.db.schema.Tables.TICKET_TRANSFER;

import dev.tessera.center.db.Database;
import dev.tessera.center.db.schema.tables.records.TicketRecord;
import dev.tessera.center.db.schema.tables.records.TicketTransferRecord;
import dev.tessera.center.idempotency.AnswerInTransaction;
import dev.tessera.center.problem.DomainException;
import dev.tessera.center.member.MemberService;
import dev.tessera.center.revocation.Revocations;
import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.center.sales.TicketFactory;
import dev.tessera.contract.transfer.Transfer;
import dev.tessera.contract.transfer.TransferResult;
import dev.tessera.contract.transfer.TransferStatus;
import dev.tessera.core.crypto.PasswordHasher;
import dev.tessera.core.model.Chip;
import dev.tessera.core.model.ChipStatus;
import dev.tessera.core.model.Role;
import dev.tessera.core.ticket.Ticket;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import dev.tessera.contract.transfer.StartTransfer;
import dev.tessera.contract.transfer.AcceptTransfer;

/**
 * Claims 29 k, 36-40, 63-66, 79: the assignor names the assignee chip and a transfer password; the
 * assignee confirms with the password; the center re-issues the ticket (version + 1) for the
 * assignee chip and revokes the old version.
 */
public final class TransferService {
    /** Issue 14: a wrong password three times, and the transfer waits out {@link #LOCK_OUT}. */
    public static final int MAX_FAILED_ATTEMPTS = 3;
    static final Duration LOCK_OUT = Duration.ofMinutes(15);
    /** How long a transfer waits for its assignee unless the operator says otherwise ({@code --transfer-hours}). */
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(72);

    private final Database db;
    private final MemberService members;
    private final TicketFactory factory;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Duration validity;

    public TransferService(Database db, MemberService members, TicketFactory factory, PasswordHasher hasher, Clock clock,
                           Duration validity) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("a transfer must wait some time for its assignee: " + validity);
        }
        this.db = db;
        this.members = members;
        this.factory = factory;
        this.hasher = hasher;
        this.clock = clock;
        this.validity = validity;
    }

    public Transfer start(long assignorMemberId, StartTransfer req) {
        if (req.transferPassword() == null || req.transferPassword().length() < 6) {
            throw DomainException.invalid("a transfer password needs at least 6 characters");
        }
        if (req.ticketId() == null || (req.toChipId() == null) == (req.toLoginId() == null)) {
            throw DomainException.invalid("ticketId and either toChipId or toLoginId are required");
        }
        TicketRecord ticket = ticket(req.ticketId());
        if (ticket.getHolderMemberId() == null || ticket.getHolderMemberId() != assignorMemberId) {
            throw DomainException.notFound("you hold no ticket " + req.ticketId());
        }
        if (!"VALID".equals(ticket.getStatus())) {
            throw DomainException.conflict("ticket-not-valid", "ticket " + req.ticketId() + " is " + ticket.getStatus());
        }
        if (ticket.getHolderChipId() != null && members.chip(ticket.getHolderChipId()).status() != ChipStatus.ACTIVE) {
            throw DomainException.conflict("chip-blocked", "the ticket is on a blocked card; move it to your new card first");
        }
        Chip to = members.activeChip(req.toChipId() != null ? req.toChipId() : currentCardOf(req.toLoginId()));
        if (to.chipId().equals(ticket.getHolderChipId())) {
            throw DomainException.invalid("the ticket is already on chip " + to.chipId());
        }
        String hash = hasher.hash(req.transferPassword().toCharArray());
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = db.tx(ctx -> {
            ctx.update(TICKET_TRANSFER).set(TICKET_TRANSFER.STATUS, "CANCELLED")
                    .where(TICKET_TRANSFER.TICKET_ID.eq(req.ticketId()), TICKET_TRANSFER.STATUS.eq("PENDING")).execute();
            return ctx.insertInto(TICKET_TRANSFER)
                    .set(TICKET_TRANSFER.TICKET_ID, req.ticketId())
                    .set(TICKET_TRANSFER.FROM_VERSION, ticket.getVersion())
                    .set(TICKET_TRANSFER.ASSIGNOR_ID, assignorMemberId)
                    .set(TICKET_TRANSFER.FROM_CHIP_ID, ticket.getHolderChipId())
                    .set(TICKET_TRANSFER.TO_CHIP_ID, to.chipId())
                    .set(TICKET_TRANSFER.PASSWORD_HASH, hash)
                    .set(TICKET_TRANSFER.STATUS, "PENDING")
                    .set(TICKET_TRANSFER.CREATED_AT, now)
                    .set(TICKET_TRANSFER.EXPIRES_AT, now.plus(validity))
                    .returningResult(TICKET_TRANSFER.ID).fetchOne(TICKET_TRANSFER.ID);
        });
        return view(transfer(id));
    }

    /** The active card a member registered last: where a ticket named to their login goes. */
    private String currentCardOf(String loginId) {
        Long member = db.dsl().select(ACCOUNT.ID).from(ACCOUNT)
                .where(ACCOUNT.LOGIN_ID.eq(loginId.strip()), ACCOUNT.ROLE.eq(Role.MEMBER.name())).fetchOne(ACCOUNT.ID);
        if (member == null) {
            throw DomainException.notFound("there is no member \"" + loginId.strip() + "\"");
        }
        return db.dsl().select(CHIP.CHIP_ID).from(CHIP)
                .where(CHIP.MEMBER_ID.eq(member), CHIP.STATUS.eq(ChipStatus.ACTIVE.name()))
                .orderBy(CHIP.REGISTERED_AT.desc(), CHIP.CHIP_ID).limit(1).fetchOptional(CHIP.CHIP_ID)
                .orElseThrow(() -> DomainException.conflict("assignee-has-no-card", "member \"" + loginId.strip()
                        + "\" has no active card to receive the ticket; they get one at a box office"));
    }

    /** The assignee (the member owning the assignee chip) confirms with the transfer password. */
    public TransferResult accept(long assigneeMemberId, long transferId, AcceptTransfer req) {
        TicketTransferRecord transfer = transfer(transferId);
        Chip to = members.activeChip(transfer.getToChipId());
        if (to.memberId() == null || to.memberId() != assigneeMemberId) {
            throw DomainException.notFound("no transfer " + transferId + " to one of your chips");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!"PENDING".equals(transfer.getStatus())) {
            throw DomainException.conflict("transfer-not-pending", "transfer " + transferId + " is " + transfer.getStatus());
        }
        if (!transfer.getExpiresAt().isAfter(now)) {
            throw DomainException.conflict("transfer-expired", "transfer " + transferId + " expired");
        }
        if (transfer.getLockedUntil() != null && transfer.getLockedUntil().isAfter(now)) {
            throw DomainException.tooManyAttempts("too many wrong transfer passwords; try again after "
                    + transfer.getLockedUntil().withOffsetSameInstant(ZoneOffset.UTC).toLocalTime().withNano(0) + " UTC",
                    Duration.between(now, transfer.getLockedUntil()));
        }
        char[] password = req.transferPassword() == null ? new char[0] : req.transferPassword().toCharArray();
        if (!hasher.verify(password, transfer.getPasswordHash())) {
            int failures = db.tx(ctx -> {
                int f = ctx.update(TICKET_TRANSFER)
                        .set(TICKET_TRANSFER.FAILED_ATTEMPTS, TICKET_TRANSFER.FAILED_ATTEMPTS.plus(1))
                        .where(TICKET_TRANSFER.ID.eq(transferId)).returningResult(TICKET_TRANSFER.FAILED_ATTEMPTS)
                        .fetchOne(TICKET_TRANSFER.FAILED_ATTEMPTS);
                if (f >= MAX_FAILED_ATTEMPTS) {
                    ctx.update(TICKET_TRANSFER).set(TICKET_TRANSFER.LOCKED_UNTIL, now.plus(LOCK_OUT))
                            .set(TICKET_TRANSFER.FAILED_ATTEMPTS, 0).where(TICKET_TRANSFER.ID.eq(transferId)).execute();
                }
                return f;
            });
            if (failures >= MAX_FAILED_ATTEMPTS) {
                throw DomainException.tooManyAttempts("too many wrong transfer passwords; the transfer is locked for "
                        + LOCK_OUT.toMinutes() + " minutes", LOCK_OUT);
            }
            throw DomainException.forbidden("wrong-transfer-password", "Wrong transfer password",
                    "the transfer password is wrong; " + (MAX_FAILED_ATTEMPTS - failures) + " attempts left");
        }
        TicketRecord current = ticket(transfer.getTicketId());
        Ticket old = Revocations.decode(current);
        int newVersion = transfer.getFromVersion() + 1;
        Ticket reissued = new Ticket(old.ticketId(), newVersion, old.eventId(), old.seatId(), old.categoryId(),
                old.gateId(), old.validFrom(), old.validUntil(), to.chipId(), old.attendees(), old.priceMinor(),
                old.currency(), old.generalAdmission());
        byte[] encoded = factory.sign(reissued);
        String encodedB64 = TicketFactory.base64(encoded);
        IssuedTicket issued = new IssuedTicket(reissued.ticketId().toString(), newVersion, reissued.seatId(),
                reissued.categoryId(), reissued.gateId(), reissued.priceMinor(), current.getAttendee(), to.chipId(),
                encodedB64, factory.sealFor(to, encoded), reissued.generalAdmission());
        TransferResult result = new TransferResult(transferId, issued, transfer.getTicketId(),
                transfer.getFromVersion(), transfer.getFromChipId());
        db.txRun(ctx -> {
            int moved = ctx.update(TICKET)
                    .set(TICKET.VERSION, newVersion)
                    .set(TICKET.HOLDER_CHIP_ID, to.chipId())
                    .set(TICKET.HOLDER_MEMBER_ID, assigneeMemberId)
                    .set(TICKET.ENCODED, encodedB64)
                    .where(TICKET.ID.eq(transfer.getTicketId()), TICKET.VERSION.eq(transfer.getFromVersion()),
                            TICKET.STATUS.eq("VALID"))
                    .execute();
            int completed = ctx.update(TICKET_TRANSFER).set(TICKET_TRANSFER.STATUS, "COMPLETED")
                    .set(TICKET_TRANSFER.COMPLETED_AT, now)
                    .where(TICKET_TRANSFER.ID.eq(transferId), TICKET_TRANSFER.STATUS.eq("PENDING")).execute();
            if (moved == 0 || completed == 0) {
                throw DomainException.conflict("ticket-changed", "the ticket was used, voided or transferred meanwhile");
            }
            Revocations.revoke(ctx, transfer.getTicketId(), transfer.getFromVersion(), current.getEventId(),
                    "TRANSFERRED", now);
            AnswerInTransaction.keep(ctx, result);
        });
        return result;
    }

    /**
     * Issue 14: the assignor takes back a transfer still pending; the ticket stays theirs (version unchanged) and the
     * assignee can no longer accept it. Another member's transfer is "not found"; one no longer pending is 409.
     */
    public Transfer cancel(long assignorMemberId, long transferId) {
        TicketTransferRecord transfer = transfer(transferId);
        if (transfer.getAssignorId() != assignorMemberId) {
            throw DomainException.notFound("no transfer " + transferId + " of yours");
        }
        int cancelled = db.tx(ctx -> ctx.update(TICKET_TRANSFER).set(TICKET_TRANSFER.STATUS, "CANCELLED")
                .where(TICKET_TRANSFER.ID.eq(transferId), TICKET_TRANSFER.STATUS.eq("PENDING")).execute());
        if (cancelled == 0) {
            throw DomainException.conflict("transfer-not-pending", "transfer " + transferId + " is "
                    + transfer(transferId).getStatus() + "; only a pending transfer can be cancelled");
        }
        return view(transfer(transferId));
    }

    /** A transfer is visible to its two parties only: the assignor and the member owning the assignee chip. */
    public Transfer find(long memberId, long transferId) {
        TicketTransferRecord transfer = transfer(transferId);
        Long assignee = members.chip(transfer.getToChipId()).memberId();
        if (transfer.getAssignorId() != memberId && (assignee == null || assignee != memberId)) {
            throw DomainException.notFound("no transfer " + transferId + " of yours");
        }
        return view(transfer);
    }

    private TicketRecord ticket(String ticketId) {
        TicketRecord ticket = db.dsl().selectFrom(TICKET).where(TICKET.ID.eq(ticketId)).fetchOne();
        if (ticket == null) {
            throw DomainException.notFound("no ticket " + ticketId);
        }
        return ticket;
    }

    private TicketTransferRecord transfer(long id) {
        TicketTransferRecord t = db.dsl().selectFrom(TICKET_TRANSFER).where(TICKET_TRANSFER.ID.eq(id)).fetchOne();
        if (t == null) {
            throw DomainException.notFound("no transfer " + id);
        }
        return t;
    }

    private static Transfer view(TicketTransferRecord t) {
        return new Transfer(t.getId(), t.getTicketId(), t.getFromVersion(), t.getFromChipId(), t.getToChipId(),
                TransferStatus.valueOf(t.getStatus()), t.getExpiresAt());
    }
}
