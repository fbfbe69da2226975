package dev.tessera.center.chipkeys;

import static dev.tessera.center.db.schema.Tables.CHIP;
import static dev.tessera.center.db.schema.Tables.CHIP_KEY_MASTER;
import static dev.tessera.center.db.schema.Tables.TICKET;
import static dev.tessera.center.db.schema.Tables.TICKET_TRANSFER;

import dev.tessera.center.keys.ChipKek;
import dev.tessera.center.db.Database;
import dev.tessera.core.crypto.ChipSessionCrypto;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import dev.tessera.contract.gate.GateChip;
import dev.tessera.contract.gate.GatePackage;

/**
 * Claims 35, 72: each chip's AES-128 keys, diversified from master keys only the center holds:
 * key = AES-CMAC(master, label ‖ chip id) (docs/card-protocol.md §7). The access key (label 01) writes; the gate
 * key (label 02) only reads and marks tickets used. Terminals get sessions ({@link ChipSessionService}), never the
 * access key; an offline gate's package carries the gate keys of its own event's chips.
 */
public final class ChipKeyService {
    public static final byte ACCESS_LABEL = 0x01;
    public static final byte GATE_LABEL = 0x02;
    /** A chip's gate key for one event: AES-CMAC(chip gate key, 04 ‖ event id), derived by the card too (§7). */
    public static final byte EVENT_GATE_LABEL = 0x04;
    private static final HexFormat HEX = HexFormat.of();

    private final Database db;
    private final Clock clock;
    private final byte[] accessMaster;
    private final byte[] gateMaster;

    private ChipKeyService(Database db, Clock clock, byte[] accessMaster, byte[] gateMaster) {
        this.db = db;
        this.clock = clock;
        this.accessMaster = accessMaster;
        this.gateMaster = gateMaster;
    }

    /**
     * The masters, sealed at rest under {@code kek}: created on first start; a master in clear (written before the
     * masters were sealed) or sealed under {@code previous} (a key-encryption key being rotated out) is sealed again
     * under {@code kek}. A master sealed under any other key stops the start with the key id it needs.
     *
     * @param previous null unless the key-encryption key is being rotated
     */
    public static ChipKeyService loadOrCreate(Database db, Clock clock, ChipKek kek, ChipKek previous) {
        return new ChipKeyService(db, clock, master(db, clock, "ACCESS", kek, previous),
                master(db, clock, "GATE", kek, previous));
    }

    private static byte[] master(Database db, Clock clock, String purpose, ChipKek kek, ChipKek previous) {
        return db.tx(ctx -> {
            String stored = ctx.select(CHIP_KEY_MASTER.SECRET).from(CHIP_KEY_MASTER)
                    .where(CHIP_KEY_MASTER.PURPOSE.eq(purpose)).forUpdate().fetchOne(CHIP_KEY_MASTER.SECRET);
            if (stored == null) {
                byte[] fresh = new byte[16];
                new SecureRandom().nextBytes(fresh);
                ctx.insertInto(CHIP_KEY_MASTER).set(CHIP_KEY_MASTER.PURPOSE, purpose)
                        .set(CHIP_KEY_MASTER.SECRET, kek.seal(fresh, purpose))
                        .set(CHIP_KEY_MASTER.CREATED_AT, OffsetDateTime.now(clock))
                        .onConflictDoNothing().execute();
                stored = ctx.select(CHIP_KEY_MASTER.SECRET).from(CHIP_KEY_MASTER)
                        .where(CHIP_KEY_MASTER.PURPOSE.eq(purpose)).fetchOne(CHIP_KEY_MASTER.SECRET);
            }
            ChipKek.Opened opened = kek.openOrReseal(stored, purpose, previous,
                    "the " + purpose.toLowerCase(java.util.Locale.ROOT) + " chip key master");
            if (opened.reseal() != null) {
                ctx.update(CHIP_KEY_MASTER).set(CHIP_KEY_MASTER.SECRET, opened.reseal())
                        .where(CHIP_KEY_MASTER.PURPOSE.eq(purpose), CHIP_KEY_MASTER.SECRET.eq(stored)).execute();
            }
            return opened.secret();
        });
    }

    /** A chip's static key, for the session service only: it never goes into an HTTP answer but PERSONALIZE's. */
    byte[] staticKey(boolean gate, byte[] chipId) {
        return gate ? diversify(gateMaster, GATE_LABEL, chipId) : diversify(accessMaster, ACCESS_LABEL, chipId);
    }

    /**
     * The key of a gate session for one event (docs/card-protocol.md §7): the card derives it from its gate key and
     * the event id AUTH INIT names. A gate package carries it; it opens no other event's tickets and no gate key.
     */
    byte[] eventGateKey(byte[] chipId, long eventId) {
        byte[] chipGateKey = diversify(gateMaster, GATE_LABEL, chipId);
        try {
            return diversify(chipGateKey, EVENT_GATE_LABEL, java.nio.ByteBuffer.allocate(8).putLong(eventId).array());
        } finally {
            java.util.Arrays.fill(chipGateKey, (byte) 0);
        }
    }

    /**
     * The chips holding a valid ticket of the event, and those that gave one away by transfer: their old copy must
     * be refused as revoked, not as an unknown card.
     */
    public GatePackage gatePackage(long eventId) {
        var holders = db.dsl().select(TICKET.HOLDER_CHIP_ID).from(TICKET)
                .where(TICKET.EVENT_ID.eq(eventId), TICKET.STATUS.eq("VALID"));
        var assignors = db.dsl().select(TICKET_TRANSFER.FROM_CHIP_ID).from(TICKET_TRANSFER)
                .join(TICKET).on(TICKET.ID.eq(TICKET_TRANSFER.TICKET_ID))
                .where(TICKET.EVENT_ID.eq(eventId), TICKET_TRANSFER.STATUS.eq("COMPLETED"));
        List<GateChip> chips = db.dsl().select(CHIP.CHIP_ID, CHIP.PUBLIC_KEY).from(CHIP)
                .where(CHIP.STATUS.eq("ACTIVE"), CHIP.CHIP_ID.in(holders.union(assignors)))
                .orderBy(CHIP.CHIP_ID)
                .fetch(r -> new GateChip(r.value1(), r.value2(),
                        HEX.formatHex(eventGateKey(HEX.parseHex(r.value1()), eventId))));
        return new GatePackage(eventId, OffsetDateTime.now(clock), chips);
    }

    /** AES-CMAC(master, label ‖ chip id): NIST SP 800-108-style diversification, one block of output. */
    static byte[] diversify(byte[] master, byte label, byte[] chipId) {
        return ChipSessionCrypto.diversify(master, label, chipId);
    }
}
