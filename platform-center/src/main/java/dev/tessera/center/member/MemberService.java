package dev.tessera.center.member;

import static dev.tessera.center.db.schema.Tables.ACCOUNT;
import static dev.tessera.center.db.schema.Tables.CHIP;
import static dev.tessera.center.db.schema.Tables.CHIP_CHALLENGE;
import static dev.tessera.center.db.schema.Tables.TICKET;

import dev.tessera.center.account.AccountService;
import dev.tessera.center.db.Database;
import dev.tessera.center.db.schema.tables.records.ChipRecord;
import dev.tessera.center.problem.DomainException;
import dev.tessera.center.db.schema.tables.records.ChipChallengeRecord;
import dev.tessera.contract.member.ChipChallenge;
import dev.tessera.contract.member.MemberCard;
import dev.tessera.contract.member.MemberFound;
import dev.tessera.core.crypto.ChipKeys;
import dev.tessera.core.crypto.ChipProof;
import dev.tessera.core.model.Chip;
import dev.tessera.core.model.ChipStatus;
import dev.tessera.core.model.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import dev.tessera.contract.chip.RegisterChip;
import dev.tessera.contract.member.RegisterMember;

/** Claim 31: members and the chips (membership cards) registered to them. */
public final class MemberService {
    private static final HexFormat HEX = HexFormat.of();
    /** How long a card has to answer a challenge (issue 15). */
    public static final Duration CHALLENGE_TTL = Duration.ofMinutes(2);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** What a clerk reads when a card did not prove itself. */
    public static final String NOT_PROVEN = "The card did not prove it is the member's card; hold it to the reader again.";

    private final Database db;
    private final AccountService accounts;
    private final Clock clock;

    /** At most this many members a search answers: the clerk types more of the name rather than scrolls. */
    public static final int FIND_LIMIT = 20;

    public MemberService(Database db, AccountService accounts, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.clock = clock;
    }

    public long registerMember(RegisterMember req) {
        if (req.password() == null) {
            throw DomainException.invalid("a member needs a password");
        }
        return accounts.create(req.loginId(), req.password().toCharArray(), Role.MEMBER, req.displayName());
    }

    public Chip registerChip(RegisterChip req) {
        Chip chip;
        try {
            byte[] key = HEX.parseHex(req.publicKey() == null ? "" : req.publicKey());
            chip = new Chip(req.chipId(), key, req.memberId(), ChipStatus.ACTIVE);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(e.getMessage());
        }
        if (!ChipKeys.isValidPublicKey(chip.publicKey())) {
            throw DomainException.invalid("the chip public key is not a point on the P-256 curve");
        }
        if (req.memberId() != null) {
            String role = db.dsl().select(ACCOUNT.ROLE).from(ACCOUNT).where(ACCOUNT.ID.eq(req.memberId()))
                    .fetchOne(ACCOUNT.ROLE);
            if (!Role.MEMBER.name().equals(role)) {
                throw DomainException.invalid("account " + req.memberId() + " is not a member");
            }
        }
        try {
            db.txRun(ctx -> ctx.insertInto(CHIP)
                    .set(CHIP.CHIP_ID, chip.chipId())
                    .set(CHIP.PUBLIC_KEY, HEX.formatHex(chip.publicKey()))
                    .set(CHIP.MEMBER_ID, chip.memberId())
                    .set(CHIP.STATUS, chip.status().name())
                    .set(CHIP.REGISTERED_AT, OffsetDateTime.now(clock))
                    .execute());
        } catch (IntegrityConstraintViolationException e) {
            throw DomainException.conflict("chip-registered", "chip " + chip.chipId() + " is already registered");
        }
        return chip;
    }

    /** Issue 15: 32 random bytes, single use, for {@link #CHALLENGE_TTL}, bound to the account that asked. */
    public ChipChallenge issueChallenge(long accountId) {
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expires = now.plus(CHALLENGE_TTL);
        db.txRun(ctx -> ctx.insertInto(CHIP_CHALLENGE)
                .set(CHIP_CHALLENGE.ID, id)
                .set(CHIP_CHALLENGE.ACCOUNT_ID, accountId)
                .set(CHIP_CHALLENGE.CHALLENGE, HEX.formatHex(challenge))
                .set(CHIP_CHALLENGE.ISSUED_AT, now)
                .set(CHIP_CHALLENGE.EXPIRES_AT, expires)
                .execute());
        return new ChipChallenge(id, HEX.formatHex(challenge), expires);
    }

    /**
     * Issue 15: the card named by chipId proved itself to this account, inside the caller's transaction: the
     * challenge is this account's, unexpired and unused, the chip is registered and ACTIVE, and the signature
     * verifies against the chip's registered key over exactly 'TIA1' ‖ chip id ‖ challenge. The challenge is spent
     * by a conditional UPDATE, so a replay (or a race between two sales) fails; the caller's rollback unspends it.
     *
     * @return the proven chip
     * @throws DomainException UNPROCESSABLE card-not-proven (CONFLICT chip-blocked for a blocked card) with a sentence for the clerk
     */
    public Chip proveCard(DSLContext ctx, long accountId, String chipId, String challengeId, String signatureHex) {
        if (chipId == null || chipId.isBlank()) {
            throw notProven("no chip id was read from the card");
        }
        if (challengeId == null || challengeId.isBlank() || signatureHex == null || signatureHex.isBlank()) {
            throw notProven("the card's answer to a center challenge (challengeId and signature) is missing");
        }
        ChipChallengeRecord c = ctx.selectFrom(CHIP_CHALLENGE).where(CHIP_CHALLENGE.ID.eq(challengeId)).fetchOne();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (c == null || c.getAccountId() != accountId) {
            throw notProven("the challenge is unknown to this counter");
        }
        if (c.getUsedAt() != null) {
            throw notProven("the challenge was already used");
        }
        if (!now.isBefore(c.getExpiresAt())) {
            throw notProven("the challenge expired");
        }
        ChipRecord row = ctx.selectFrom(CHIP).where(CHIP.CHIP_ID.eq(chipId)).fetchOne();
        if (row == null) {
            throw notProven("this card is not registered as a membership card");
        }
        Chip chip = toChip(row);
        if (chip.status() != ChipStatus.ACTIVE) {
            throw DomainException.conflict("chip-blocked", "This card is blocked; it cannot buy in the member's name.");
        }
        byte[] signature;
        try {
            signature = HEX.parseHex(signatureHex);
        } catch (IllegalArgumentException e) {
            throw notProven("the signature is not hex");
        }
        if (!ChipProof.verify(chip.publicKey(), HEX.parseHex(chip.chipId()), HEX.parseHex(c.getChallenge()), signature)) {
            throw notProven("the signature does not match the card's registered key");
        }
        int spent = ctx.update(CHIP_CHALLENGE)
                .set(CHIP_CHALLENGE.USED_AT, now)
                .set(CHIP_CHALLENGE.USED_CHIP_ID, chip.chipId())
                .where(CHIP_CHALLENGE.ID.eq(challengeId), CHIP_CHALLENGE.ACCOUNT_ID.eq(accountId),
                        CHIP_CHALLENGE.USED_AT.isNull(), CHIP_CHALLENGE.EXPIRES_AT.gt(now))
                .execute();
        if (spent != 1) {
            throw notProven("the challenge was already used");
        }
        return chip;
    }

    /** A registered, ACTIVE membership card, or the clerk's refusal (before the proof is checked). */
    public Chip memberCard(String chipId) {
        ChipRecord row;
        try {
            row = db.dsl().selectFrom(CHIP).where(CHIP.CHIP_ID.eq(Chip.chipId(chipId))).fetchOne();
        } catch (IllegalArgumentException e) {
            throw notProven("the chip id read from the card is malformed");
        }
        if (row == null) {
            throw notProven("this card is not registered as a membership card");
        }
        Chip chip = toChip(row);
        if (chip.status() != ChipStatus.ACTIVE) {
            throw DomainException.conflict("chip-blocked", "This card is blocked; it cannot buy in the member's name.");
        }
        if (chip.memberId() == null) {
            throw notProven("this card is registered but belongs to no member");
        }
        return chip;
    }

    private static DomainException notProven(String why) {
        return DomainException.unprocessable("card-not-proven", "The card did not prove itself", NOT_PROVEN + " (" + why + ")");
    }

    /**
     * Issue 14: members whose display name or login id contains {@code text} (any case, at least 2 characters),
     * each with their cards, newest first, and the number of valid tickets on each.
     */
    public List<MemberFound> find(String text) {
        String q = text == null ? "" : text.strip();
        if (q.length() < 2) {
            throw DomainException.invalid("name at least 2 characters of the member's name or login id (q)");
        }
        if (q.length() > 200) {
            throw DomainException.invalid("q takes at most 200 characters");
        }
        DSLContext dsl = db.dsl();
        var found = dsl.select(ACCOUNT.ID, ACCOUNT.LOGIN_ID, ACCOUNT.DISPLAY_NAME).from(ACCOUNT)
                .where(ACCOUNT.ROLE.eq(Role.MEMBER.name()),
                        ACCOUNT.DISPLAY_NAME.containsIgnoreCase(q).or(ACCOUNT.LOGIN_ID.containsIgnoreCase(q)))
                .orderBy(ACCOUNT.DISPLAY_NAME, ACCOUNT.LOGIN_ID).limit(FIND_LIMIT).fetch();
        if (found.isEmpty()) {
            return List.of();
        }
        var valid = org.jooq.impl.DSL.count(TICKET.ID).as("valid");
        var cards = dsl.select(CHIP.CHIP_ID, CHIP.MEMBER_ID, CHIP.STATUS, CHIP.REGISTERED_AT, valid).from(CHIP)
                .leftJoin(TICKET).on(TICKET.HOLDER_CHIP_ID.eq(CHIP.CHIP_ID), TICKET.STATUS.eq("VALID"))
                .where(CHIP.MEMBER_ID.in(found.map(r -> r.get(ACCOUNT.ID))))
                .groupBy(CHIP.CHIP_ID, CHIP.MEMBER_ID, CHIP.STATUS, CHIP.REGISTERED_AT)
                .orderBy(CHIP.REGISTERED_AT.desc(), CHIP.CHIP_ID).fetch();
        return found.map(m -> new MemberFound(m.get(ACCOUNT.ID), m.get(ACCOUNT.LOGIN_ID), m.get(ACCOUNT.DISPLAY_NAME),
                cards.stream().filter(c -> c.get(CHIP.MEMBER_ID).equals(m.get(ACCOUNT.ID)))
                        .map(c -> new MemberCard(c.get(CHIP.CHIP_ID), ChipStatus.valueOf(c.get(CHIP.STATUS)),
                                c.get(valid), c.get(CHIP.REGISTERED_AT)))
                        .toList()));
    }

    public Chip chip(String chipId) {
        ChipRecord row = db.dsl().selectFrom(CHIP).where(CHIP.CHIP_ID.eq(chipId)).fetchOne();
        if (row == null) {
            throw DomainException.notFound("chip " + chipId + " is not registered");
        }
        return toChip(row);
    }

    public Chip activeChip(String chipId) {
        Chip chip = chip(chipId);
        if (chip.status() != ChipStatus.ACTIVE) {
            throw DomainException.conflict("chip-blocked", "chip " + chipId + " is blocked");
        }
        return chip;
    }

    public List<Chip> chipsOf(long memberId) {
        return db.dsl().selectFrom(CHIP).where(CHIP.MEMBER_ID.eq(memberId)).orderBy(CHIP.CHIP_ID).fetch()
                .map(MemberService::toChip);
    }

    private static Chip toChip(ChipRecord row) {
        return new Chip(row.getChipId(), HEX.parseHex(row.getPublicKey()), row.getMemberId(),
                ChipStatus.valueOf(row.getStatus()));
    }
}
