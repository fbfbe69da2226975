package dev.tessera.center.chipkeys;

import static dev.tessera.center.db.schema.Tables.CHIP;
import static dev.tessera.center.db.schema.Tables.CHIP_KEY_USE;
import static dev.tessera.center.db.schema.Tables.CHIP_PERSONALIZATION;
import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.TERMINAL;
import static dev.tessera.center.db.schema.Tables.TICKET;
import static dev.tessera.center.db.schema.Tables.CHIP_REPLACEMENT;
import static dev.tessera.center.db.schema.Tables.TICKET_TRANSFER;

import dev.tessera.center.account.Principal;
import dev.tessera.center.db.Database;
import dev.tessera.center.problem.DomainException;
import dev.tessera.core.crypto.ChipSessionCrypto;
import dev.tessera.core.model.Chip;
import dev.tessera.core.model.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import dev.tessera.contract.chip.ChipSessionRequest;
import dev.tessera.contract.chip.ChipSessionGrant;
import dev.tessera.contract.chip.Personalization;
import dev.tessera.contract.chip.PersonalizationRequest;
import dev.tessera.contract.chip.ChipKeyUse;

/**
 * Keys stay at the center (docs/card-protocol.md §7): a terminal relays AUTH INIT's answer, the center checks the
 * card cryptogram with the chip's static key and, only when the caller is entitled to the chip for the stated
 * purpose, answers with the host cryptogram and the MAC key of that one session. The static key never leaves.
 * Every grant and every refusal is a {@code chip_key_use} row.
 */
public final class ChipSessionService {
    /** How long after PERSONALIZE the issuing seller may still open a MEMBERSHIP session on the new card. */
    public static final Duration MEMBERSHIP_WINDOW = Duration.ofMinutes(15);
    /**
     * How long a confirmed sale, or an accepted transfer, waits to be written: the counter writes it at once (a pulled
     * card tapped again, a counter restarted after a crash); after that its tickets reach the card through the member's
     * own wallet (DELIVERY), and the seller holds no session on the chip any more.
     */
    public static final Duration WRITE_WINDOW = Duration.ofMinutes(15);
    private static final HexFormat HEX = HexFormat.of();

    /** Why a terminal opens a session; each names the entitlement the center looks for. */
    public enum Purpose { SALE, TRANSFER, MEMBERSHIP, DELIVERY, GATE, REPLACEMENT }

    private final Database db;
    private final Clock clock;
    private final ChipKeyService keys;
    private final SecureRandom random = new SecureRandom();

    public ChipSessionService(Database db, Clock clock, ChipKeyService keys) {
        this.db = db;
        this.clock = clock;
        this.keys = keys;
    }

    public ChipSessionGrant open(Principal caller, ChipSessionRequest request) {
        if (request == null) {
            throw DomainException.invalid("a body with chipId, keyRef, purpose, hostChallenge and cardAnswer is required");
        }
        String chipId;
        try {
            chipId = Chip.chipId(request.chipId());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw DomainException.invalid("chipId: " + (e.getMessage() == null ? "required" : e.getMessage()));
        }
        String keyRef = upper(request.keyRef(), "keyRef");
        if (!keyRef.equals("ACCESS") && !keyRef.equals("GATE")) {
            throw DomainException.invalid("keyRef must be ACCESS or GATE");
        }
        Purpose purpose;
        try {
            purpose = Purpose.valueOf(upper(request.purpose(), "purpose"));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("purpose must be one of " + Arrays.toString(Purpose.values()));
        }
        String terminalId = terminalId(request.terminalId());
        byte[] hostChallenge = hex(request.hostChallenge(), ChipSessionCrypto.CHALLENGE_LENGTH, "hostChallenge");
        byte[] answer = hex(request.cardAnswer(), ChipSessionCrypto.CHALLENGE_LENGTH + ChipSessionCrypto.CRYPTOGRAM_LENGTH,
                "cardAnswer");
        String refusal = terminalRefusal(caller.accountId(), terminalId);
        if (refusal == null) {
            refusal = refusal(caller, chipId, keyRef, purpose, request);
        }
        if (refusal != null) {
            audit(caller, chipId, keyRef, purpose, request, "REFUSED", refusal);
            throw DomainException.forbidden(refusal);
        }
        // a gate session is keyed for its event (§7): the card derives the same key from the event id in AUTH INIT
        byte[] staticKey = keyRef.equals("GATE") ? keys.eventGateKey(HEX.parseHex(chipId), request.eventId())
                : keys.staticKey(false, HEX.parseHex(chipId));
        byte[] cardChallenge = Arrays.copyOf(answer, ChipSessionCrypto.CHALLENGE_LENGTH);
        byte[] sessionKey = ChipSessionCrypto.sessionMacKey(staticKey, hostChallenge, cardChallenge);
        Arrays.fill(staticKey, (byte) 0);
        if (!ChipSessionCrypto.cardCryptogramMatches(sessionKey, hostChallenge, cardChallenge,
                Arrays.copyOfRange(answer, ChipSessionCrypto.CHALLENGE_LENGTH, answer.length))) {
            audit(caller, chipId, keyRef, purpose, request, "BAD_CRYPTOGRAM", "the card does not hold this chip's key");
            throw DomainException.conflict("card-cryptogram", "the card's cryptogram is wrong: it is not chip " + chipId
                    + " or does not hold its " + keyRef.toLowerCase(Locale.ROOT) + " key");
        }
        long useId = audit(caller, chipId, keyRef, purpose, request, "GRANTED", null);
        return new ChipSessionGrant(useId, chipId, keyRef, purpose.name(),
                HEX.formatHex(ChipSessionCrypto.hostCryptogram(sessionKey, hostChallenge, cardChallenge)),
                HEX.formatHex(sessionKey), keyRef.equals("GATE") ? List.of("LIST", "READ", "KEY_AGREEMENT", "MARK_USED")
                        : List.of("LIST", "READ", "WRITE", "DELETE", "KEY_AGREEMENT", "MARK_USED", "LOCK"));
    }

    /**
     * A blank card's keys, once: the center picks a fresh chip id, records who issues it (the MEMBERSHIP
     * entitlement) and audits the hand-over. The counter sends them in PERSONALIZE and forgets them.
     */
    public Personalization personalize(Principal caller, PersonalizationRequest request) {
        Long memberId = request == null ? null : request.memberId();
        String terminalId = terminalId(request == null ? null : request.terminalId());
        String terminalRefusal = terminalRefusal(caller.accountId(), terminalId);
        if (terminalRefusal != null) {
            throw DomainException.forbidden(terminalRefusal);
        }
        if (memberId != null) {
            Role role = db.dsl().select(dev.tessera.center.db.schema.Tables.ACCOUNT.ROLE)
                    .from(dev.tessera.center.db.schema.Tables.ACCOUNT)
                    .where(dev.tessera.center.db.schema.Tables.ACCOUNT.ID.eq(memberId))
                    .fetchOptional(r -> Role.valueOf(r.value1())).orElse(null);
            if (role != Role.MEMBER) {
                throw DomainException.notFound("member " + memberId + " does not exist");
            }
        }
        byte[] raw = new byte[8];
        String chipId;
        do {
            random.nextBytes(raw);
            chipId = HEX.formatHex(raw);
        } while (db.dsl().fetchExists(CHIP, CHIP.CHIP_ID.eq(chipId))
                || db.dsl().fetchExists(CHIP_PERSONALIZATION, CHIP_PERSONALIZATION.CHIP_ID.eq(chipId)));
        String id = chipId;
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.tx(ctx -> {
            ctx.insertInto(CHIP_PERSONALIZATION).set(CHIP_PERSONALIZATION.CHIP_ID, id)
                    .set(CHIP_PERSONALIZATION.SELLER_ID, caller.accountId())
                    .set(CHIP_PERSONALIZATION.MEMBER_ID, memberId)
                    .set(CHIP_PERSONALIZATION.CREATED_AT, now).execute();
            insertUse(ctx, caller.accountId(), caller.role(), terminalId, id, "ACCESS", Purpose.MEMBERSHIP, null, null, null, "PERSONALIZED",
                    null, now);
            return null;
        });
        byte[] access = keys.staticKey(false, raw);
        byte[] gate = keys.staticKey(true, raw);
        try {
            return new Personalization(id, HEX.formatHex(access), HEX.formatHex(gate));
        } finally {
            Arrays.fill(access, (byte) 0);
            Arrays.fill(gate, (byte) 0);
        }
    }

    /** The audit trail of one chip, newest first (managers). */
    public List<ChipKeyUse> uses(String chipId) {
        String id;
        try {
            id = Chip.chipId(chipId);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(e.getMessage());
        }
        return db.dsl().selectFrom(CHIP_KEY_USE).where(CHIP_KEY_USE.CHIP_ID.eq(id))
                .orderBy(CHIP_KEY_USE.ID.desc()).limit(500)
                .fetch(r -> new ChipKeyUse(r.getId(), r.getAccountId(), r.getRole(), r.getTerminalId(), r.getChipId(),
                        r.getKeyRef(),
                        r.getPurpose(), r.getSaleId(), r.getTransferId(), r.getEventId(), r.getOutcome(),
                        r.getReason(), r.getUsedAt()));
    }

    /** Null when the caller is entitled; otherwise why not, in words the 403 carries and the audit keeps. */
    private String refusal(Principal caller, String chipId, String keyRef, Purpose purpose, ChipSessionRequest request) {
        Role needed = switch (purpose) {
            case SALE, TRANSFER, MEMBERSHIP, REPLACEMENT -> Role.SELLER;
            case DELIVERY -> Role.MEMBER;
            case GATE -> Role.GATE;
        };
        if (caller.role() != needed) {
            return "a " + caller.role().name().toLowerCase(Locale.ROOT) + " account may not open a "
                    + purpose.name().toLowerCase(Locale.ROOT) + " session";
        }
        if (!keyRef.equals(purpose == Purpose.GATE ? "GATE" : "ACCESS")) {
            return "a " + purpose.name().toLowerCase(Locale.ROOT) + " session uses the "
                    + (purpose == Purpose.GATE ? "gate" : "access") + " key";
        }
        DSLContext dsl = db.dsl();
        OffsetDateTime now = OffsetDateTime.now(clock);
        // issue 14: a card reported lost or stolen opens no session for anybody, whatever it holds
        if (dsl.fetchExists(CHIP, CHIP.CHIP_ID.eq(chipId), CHIP.STATUS.eq("BLOCKED"))) {
            return "chip " + chipId + " is blocked (reported lost or stolen)";
        }
        return switch (purpose) {
            // a sale of this seller waiting to be written to this chip: made in the last WRITE_WINDOW
            case SALE -> request.saleId() == null ? "a sale session names its saleId"
                    : dsl.fetchExists(dsl.selectOne().from(SALE).join(TICKET).on(TICKET.SALE_ID.eq(SALE.ID))
                            .where(SALE.ID.eq(request.saleId()), SALE.SELLER_ID.eq(caller.accountId()),
                                    SALE.SOLD_AT.gt(now.minus(WRITE_WINDOW)),
                                    TICKET.HOLDER_CHIP_ID.eq(chipId), TICKET.STATUS.eq("VALID")))
                    ? null : "no sale " + request.saleId() + " of yours from the last " + WRITE_WINDOW.toMinutes()
                    + " minutes has tickets for chip " + chipId;
            // a transfer waiting to be written: accepted in the last WRITE_WINDOW, to or from this chip (a pending
            // one has no new copy to write yet)
            case TRANSFER -> request.transferId() == null ? "a transfer session names its transferId"
                    : dsl.fetchExists(dsl.selectOne().from(TICKET_TRANSFER)
                            .where(TICKET_TRANSFER.ID.eq(request.transferId()),
                                    TICKET_TRANSFER.STATUS.eq("COMPLETED"),
                                    TICKET_TRANSFER.COMPLETED_AT.gt(now.minus(WRITE_WINDOW)),
                                    TICKET_TRANSFER.FROM_CHIP_ID.eq(chipId).or(TICKET_TRANSFER.TO_CHIP_ID.eq(chipId))))
                    ? null : "transfer " + request.transferId() + " was not accepted in the last "
                    + WRITE_WINDOW.toMinutes() + " minutes, or does not move a ticket to or from chip " + chipId;
            case MEMBERSHIP -> dsl.fetchExists(dsl.selectOne().from(CHIP_PERSONALIZATION)
                    .where(CHIP_PERSONALIZATION.CHIP_ID.eq(chipId),
                            CHIP_PERSONALIZATION.SELLER_ID.eq(caller.accountId()),
                            CHIP_PERSONALIZATION.CREATED_AT.gt(now.minus(MEMBERSHIP_WINDOW))))
                    ? null : "chip " + chipId + " is not a membership card you are issuing";
            // issue 14: the counter writes a lost card's re-issued tickets to the member's new card it just moved them to
            case REPLACEMENT -> dsl.fetchExists(dsl.selectOne().from(CHIP_REPLACEMENT)
                    .where(CHIP_REPLACEMENT.TO_CHIP_ID.eq(chipId), CHIP_REPLACEMENT.ACCOUNT_ID.eq(caller.accountId()),
                            CHIP_REPLACEMENT.REPLACED_AT.gt(now.minus(MEMBERSHIP_WINDOW))))
                    ? null : "you moved no lost card's tickets to chip " + chipId + " in the last "
                    + MEMBERSHIP_WINDOW.toMinutes() + " minutes";
            case DELIVERY -> dsl.fetchExists(dsl.selectOne().from(CHIP).where(CHIP.CHIP_ID.eq(chipId),
                    CHIP.MEMBER_ID.eq(caller.accountId()), CHIP.STATUS.eq("ACTIVE")))
                    ? null : "chip " + chipId + " is not one of your chips";
            case GATE -> request.eventId() == null ? "a gate session names its eventId"
                    : dsl.fetchExists(dsl.selectOne().from(TICKET).where(TICKET.EVENT_ID.eq(request.eventId()),
                            TICKET.HOLDER_CHIP_ID.eq(chipId), TICKET.STATUS.in("VALID", "USED")))
                    || dsl.fetchExists(dsl.selectOne().from(TICKET_TRANSFER).join(TICKET)
                            .on(TICKET.ID.eq(TICKET_TRANSFER.TICKET_ID))
                            .where(TICKET.EVENT_ID.eq(request.eventId()), TICKET_TRANSFER.STATUS.eq("COMPLETED"),
                                    TICKET_TRANSFER.FROM_CHIP_ID.eq(chipId)))
                    ? null : "chip " + chipId + " holds no ticket of event " + request.eventId();
        };
    }

    private long audit(Principal caller, String chipId, String keyRef, Purpose purpose, ChipSessionRequest request,
                       String outcome, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return db.tx(ctx -> insertUse(ctx, caller.accountId(), caller.role(), terminalId(request.terminalId()), chipId, keyRef, purpose,
                request.saleId(), request.transferId(), request.eventId(), outcome, reason, now));
    }

    private static long insertUse(DSLContext ctx, long accountId, Role role, String terminalId, String chipId,
                                  String keyRef, Purpose purpose, Long saleId, Long transferId, Long eventId,
                                  String outcome, String reason, OffsetDateTime at) {
        return ctx.insertInto(CHIP_KEY_USE).set(CHIP_KEY_USE.ACCOUNT_ID, accountId)
                .set(CHIP_KEY_USE.ROLE, role.name()).set(CHIP_KEY_USE.TERMINAL_ID, terminalId)
                .set(CHIP_KEY_USE.CHIP_ID, chipId)
                .set(CHIP_KEY_USE.KEY_REF, keyRef).set(CHIP_KEY_USE.PURPOSE, purpose.name())
                .set(CHIP_KEY_USE.SALE_ID, saleId).set(CHIP_KEY_USE.TRANSFER_ID, transferId)
                .set(CHIP_KEY_USE.EVENT_ID, eventId).set(CHIP_KEY_USE.OUTCOME, outcome)
                .set(CHIP_KEY_USE.REASON, reason == null ? null : reason.substring(0, Math.min(200, reason.length())))
                .set(CHIP_KEY_USE.USED_AT, at)
                .returningResult(CHIP_KEY_USE.ID).fetchOne(CHIP_KEY_USE.ID);
    }

    /** The stated terminal id, checked like a registered one (ShiftService); null when none is stated. */
    private static String terminalId(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw DomainException.invalid("terminalId has 1 to 64 letters, digits or . _ -");
        }
        return value;
    }

    /**
     * A terminal another account registered is not the caller's to name: the audit would blame the wrong desk. A
     * terminal nobody registered (a gate's, a member's own computer) is recorded as stated.
     */
    private String terminalRefusal(long callerId, String terminalId) {
        if (terminalId == null) {
            return null;
        }
        Long owner = db.dsl().select(TERMINAL.SELLER_ID).from(TERMINAL).where(TERMINAL.TERMINAL_ID.eq(terminalId))
                .fetchOptional(TERMINAL.SELLER_ID).orElse(null);
        return owner == null || owner == callerId ? null
                : "terminal " + terminalId + " is registered to another account";
    }

    private static String upper(String value, String name) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(name + " is required");
        }
        return value.strip().toUpperCase(Locale.ROOT);
    }

    private static byte[] hex(String value, int length, String name) {
        try {
            byte[] bytes = HEX.parseHex(value == null ? "" : value);
            if (bytes.length == length) {
                return bytes;
            }
        } catch (IllegalArgumentException notHex) {
            // answered below
        }
        throw DomainException.invalid(name + " must be " + length + " bytes in hex");
    }
}
