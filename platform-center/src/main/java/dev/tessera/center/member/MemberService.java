package dev.tessera.center.member;

import static dev.tessera.center.db.schema.Tables.ACCOUNT;
import static dev.tessera.center.db.schema.Tables.CHIP;

import dev.tessera.center.account.AccountService;
import dev.tessera.center.db.Database;
import dev.tessera.center.db.schema.tables.records.ChipRecord;
import dev.tessera.center.http.ApiException;
import dev.tessera.core.crypto.ChipKeys;
import dev.tessera.core.model.Chip;
import dev.tessera.core.model.ChipStatus;
import dev.tessera.core.model.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.jooq.exception.IntegrityConstraintViolationException;

/** Claim 31: members and the chips (membership cards) registered to them. */
public final class MemberService {
    private static final HexFormat HEX = HexFormat.of();

    private final Database db;
    private final AccountService accounts;
    private final Clock clock;

    public record RegisterMember(String loginId, String password, String displayName) {}

    public record RegisterChip(String chipId, String publicKey, Long memberId) {}

    public MemberService(Database db, AccountService accounts, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.clock = clock;
    }

    public long registerMember(RegisterMember req) {
        if (req.password() == null) {
            throw ApiException.badRequest("a member needs a password");
        }
        return accounts.create(req.loginId(), req.password().toCharArray(), Role.MEMBER, req.displayName());
    }

    public Chip registerChip(RegisterChip req) {
        Chip chip;
        try {
            byte[] key = HEX.parseHex(req.publicKey() == null ? "" : req.publicKey());
            chip = new Chip(req.chipId(), key, req.memberId(), ChipStatus.ACTIVE);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        if (!ChipKeys.isValidPublicKey(chip.publicKey())) {
            throw ApiException.badRequest("the chip public key is not a point on the P-256 curve");
        }
        if (req.memberId() != null) {
            String role = db.dsl().select(ACCOUNT.ROLE).from(ACCOUNT).where(ACCOUNT.ID.eq(req.memberId()))
                    .fetchOne(ACCOUNT.ROLE);
            if (!Role.MEMBER.name().equals(role)) {
                throw ApiException.badRequest("account " + req.memberId() + " is not a member");
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
            throw ApiException.conflict("chip-registered", "chip " + chip.chipId() + " is already registered");
        }
        return chip;
    }

    public Chip chip(String chipId) {
        ChipRecord row = db.dsl().selectFrom(CHIP).where(CHIP.CHIP_ID.eq(chipId)).fetchOne();
        if (row == null) {
            throw ApiException.notFound("chip " + chipId + " is not registered");
        }
        return toChip(row);
    }

    public Chip activeChip(String chipId) {
        Chip chip = chip(chipId);
        if (chip.status() != ChipStatus.ACTIVE) {
            throw ApiException.conflict("chip-blocked", "chip " + chipId + " is blocked");
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
