package dev.tessera.center.terminal;

import static dev.tessera.center.db.schema.Tables.TERMINAL;
import static dev.tessera.center.db.schema.Tables.TERMINAL_JOURNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tessera.center.db.Database;
import dev.tessera.center.db.schema.tables.records.TerminalJournalRecord;
import dev.tessera.center.db.schema.tables.records.TerminalRecord;
import dev.tessera.center.problem.DomainException;
import dev.tessera.center.keys.IssuerKeys;
import dev.tessera.center.live.SeatStatusFeed;
import dev.tessera.center.sales.OfflineSales;
import dev.tessera.core.crypto.IssuerPublicKey;
import dev.tessera.core.model.LedgerEntry;
import dev.tessera.core.model.LedgerKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Row10;
import org.jooq.impl.DSL;
import dev.tessera.contract.terminal.RegisterTerminal;
import dev.tessera.contract.terminal.TerminalRegistration;
import dev.tessera.contract.terminal.JournalEntry;
import dev.tessera.contract.terminal.JournalPush;
import dev.tessera.contract.terminal.JournalOutcomeKind;
import dev.tessera.contract.terminal.JournalOutcome;
import dev.tessera.contract.terminal.JournalPushResult;
import dev.tessera.contract.terminal.OfflineSalePayload;

/**
 * Flows 3 and 4: a box-office terminal registers its Ed25519 key and gets a certificate signed by
 * the center; later it pushes its journal, exactly once, in hash-chain order. Offline sales in the
 * journal become sales at the center.
 */
public final class TerminalService {
    public static final int MAX_ENTRIES_PER_PUSH = 500;
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] GENESIS = new byte[LedgerEntry.HASH_LENGTH];

    private final Database db;
    private final IssuerKeys keys;
    private final OfflineSales offlineSales;
    private final SeatStatusFeed feed;
    private final ObjectMapper json;
    private final Clock clock;

    public TerminalService(Database db, IssuerKeys keys, OfflineSales offlineSales, SeatStatusFeed feed,
                           ObjectMapper json, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.offlineSales = offlineSales;
        this.feed = feed;
        this.json = json;
        this.clock = clock;
    }

    /** The bytes the center signs to certify a terminal key: what a gate checks offline. */
    public static byte[] certificateMessage(String terminalId, long sellerId, byte[] publicKey) {
        return ("tessera-terminal-v1\n" + terminalId + "\n" + sellerId + "\n" + HEX.formatHex(publicKey))
                .getBytes(StandardCharsets.UTF_8);
    }

    public TerminalRegistration register(long sellerId, RegisterTerminal req) {
        if (req.terminalId() == null || !req.terminalId().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw DomainException.invalid("a terminal id has 1 to 64 letters, digits or . _ -");
        }
        IssuerPublicKey key;
        try {
            key = IssuerPublicKey.of(HEX.parseHex(req.publicKey() == null ? "" : req.publicKey()));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("publicKey must be a 32-byte Ed25519 key in hex");
        }
        String certificate = Base64.getEncoder().encodeToString(
                keys.active().sign(certificateMessage(req.terminalId(), sellerId, key.encoded())));
        TerminalRecord row = db.tx(ctx -> {
            TerminalRecord existing = ctx.selectFrom(TERMINAL).where(TERMINAL.TERMINAL_ID.eq(req.terminalId()))
                    .forUpdate().fetchOne();
            if (existing != null) {
                if (existing.getSellerId() != sellerId || !existing.getPublicKey().equals(HEX.formatHex(key.encoded()))) {
                    throw DomainException.conflict("terminal-registered", "terminal " + req.terminalId()
                            + " is registered with another key or seller");
                }
                return existing;
            }
            if (ctx.fetchExists(TERMINAL, TERMINAL.KEY_ID.eq(key.keyIdHex()))) {
                throw DomainException.conflict("terminal-key-used", "this key is already certified for another terminal");
            }
            ctx.insertInto(TERMINAL)
                    .set(TERMINAL.TERMINAL_ID, req.terminalId())
                    .set(TERMINAL.SELLER_ID, sellerId)
                    .set(TERMINAL.PUBLIC_KEY, HEX.formatHex(key.encoded()))
                    .set(TERMINAL.KEY_ID, key.keyIdHex())
                    .set(TERMINAL.CERTIFICATE, certificate)
                    .set(TERMINAL.REGISTERED_AT, OffsetDateTime.now(clock))
                    .set(TERMINAL.LAST_SEQUENCE, 0L)
                    .set(TERMINAL.LAST_HASH, HEX.formatHex(GENESIS))
                    .execute();
            return ctx.selectFrom(TERMINAL).where(TERMINAL.TERMINAL_ID.eq(req.terminalId())).fetchOne();
        });
        return registration(row);
    }

    /** Certified terminal keys, for gates that verify offline sales without the center. */
    public List<TerminalRegistration> certifiedKeys() {
        return db.dsl().selectFrom(TERMINAL).orderBy(TERMINAL.TERMINAL_ID).fetch().map(this::registration);
    }

    public TerminalRegistration find(long sellerId, String terminalId) {
        return registration(own(db.dsl(), sellerId, terminalId, false));
    }

    /**
     * Takes journal entries in order, all of one push in one transaction (one durable commit and one lock of the
     * terminal row per push, not per entry). An entry already held with the same hash is acknowledged again (a retried
     * push); one with another hash, or a gap in the sequence, refuses the whole push. Each offline sale is applied
     * under a savepoint, so a sale that cannot stand is recorded REJECTED without undoing the rest of the push.
     */
    public JournalPushResult push(long sellerId, String terminalId, JournalPush push) {
        if (push.entries() == null || push.entries().isEmpty()) {
            throw DomainException.invalid("a push needs at least one entry");
        }
        if (push.entries().size() > MAX_ENTRIES_PER_PUSH) {
            throw DomainException.invalid("push at most " + MAX_ENTRIES_PER_PUSH + " entries at a time");
        }
        List<LedgerEntry> entries = new ArrayList<>(push.entries().size());
        for (JournalEntry entry : push.entries()) {
            if (entry == null) {
                throw DomainException.invalid("a push entry is empty");
            }
            entries.add(toLedger(terminalId, entry));
        }
        own(db.dsl(), sellerId, terminalId, false);
        List<OfflineSales.Applied> appliedChanges = new ArrayList<>();
        JournalPushResult result = db.tx(ctx -> {
            appliedChanges.clear();
            TerminalRecord terminal = own(ctx, sellerId, terminalId, true);
            long lastSequence = terminal.getLastSequence();
            String lastHash = terminal.getLastHash();
            // a retried push: the hashes of the entries held already, read by their key range in one statement
            Map<Long, TerminalJournalRecord> held = entries.getFirst().sequence() > lastSequence ? Map.of()
                    : heldBetween(ctx, terminalId, entries.getFirst().sequence(), lastSequence);
            JournalRows rows = new JournalRows(ctx, terminalId, OffsetDateTime.now(clock));
            List<JournalOutcome> outcomes = new ArrayList<>(entries.size());
            for (LedgerEntry entry : entries) {
                String hash = HEX.formatHex(entry.hash());
                if (entry.sequence() <= lastSequence) {
                    outcomes.add(alreadyHeld(held.get(entry.sequence()), terminalId, entry, hash));
                    continue;
                }
                if (entry.sequence() != lastSequence + 1) {
                    throw DomainException.conflict("journal-gap", "the center holds entries up to " + lastSequence
                            + "; send " + (lastSequence + 1) + " next, not " + entry.sequence());
                }
                if (!HEX.formatHex(entry.previousHash()).equals(lastHash)) {
                    throw DomainException.conflict("journal-diverged", "entry " + entry.sequence()
                            + " does not chain to the entry the center holds before it");
                }
                JournalOutcome outcome;
                if (OfflineSalePayload.TYPE.equals(payload(entry).path("type").asText())) {
                    rows.flush(); // an offline sale reads the entries before it (the shift it belongs to)
                    outcome = applyOffline(ctx, sellerId, terminal, entry, appliedChanges);
                } else {
                    outcome = new JournalOutcome(entry.sequence(), JournalOutcomeKind.RECORDED, null);
                }
                rows.add(entry, outcome);
                outcomes.add(outcome);
                lastSequence = entry.sequence();
                lastHash = hash;
            }
            rows.flush();
            if (lastSequence != terminal.getLastSequence()) {
                ctx.update(TERMINAL).set(TERMINAL.LAST_SEQUENCE, lastSequence).set(TERMINAL.LAST_HASH, lastHash)
                        .where(TERMINAL.TERMINAL_ID.eq(terminal.getTerminalId())).execute();
            }
            return new JournalPushResult(terminalId, lastSequence, outcomes);
        });
        appliedChanges.forEach(a -> feed.publish(a.eventId(), a.changes(), a.areas().isEmpty() ? List.of()
                : dev.tessera.center.live.AvailabilityService.areaCounts(db.dsl(), a.eventId(), a.areas())));
        return result;
    }

    /** An offline sale applied or rejected under its own savepoint. */
    private JournalOutcome applyOffline(DSLContext ctx, long sellerId, TerminalRecord terminal, LedgerEntry entry,
                                 List<OfflineSales.Applied> appliedChanges) {
        OfflineSalePayload payload;
        try {
            payload = json.treeToValue(payload(entry), OfflineSalePayload.class);
        } catch (IOException | IllegalArgumentException unreadable) {
            return new JournalOutcome(entry.sequence(), JournalOutcomeKind.REJECTED,
                    "an offline sale the center cannot read: " + unreadable.getMessage());
        }
        try {
            OfflineSales.Applied applied = ctx.transactionResult(savepoint -> offlineSales.apply(savepoint.dsl(),
                    sellerId, terminal.getTerminalId(), terminal.getKeyId(), entry.sequence(), payload));
            appliedChanges.add(applied);
            return new JournalOutcome(entry.sequence(), JournalOutcomeKind.APPLIED, applied.detail());
        } catch (OfflineSales.Rejected rejected) {
            // The sale cannot stand (seat no longer free, outside the allocation): keep the entry, flag it.
            return new JournalOutcome(entry.sequence(), JournalOutcomeKind.REJECTED, rejected.getMessage());
        }
    }

    private static Map<Long, TerminalJournalRecord> heldBetween(DSLContext ctx, String terminalId, long first, long last) {
        Map<Long, TerminalJournalRecord> held = new HashMap<>();
        ctx.selectFrom(TERMINAL_JOURNAL).where(TERMINAL_JOURNAL.TERMINAL_ID.eq(terminalId),
                TERMINAL_JOURNAL.SEQUENCE.between(first, last)).forEach(r -> held.put(r.getSequence(), r));
        return held;
    }

    private static JournalOutcome alreadyHeld(TerminalJournalRecord stored, String terminalId, LedgerEntry entry, String hash) {
        if (stored != null && stored.getHash().equals(hash)) {
            return new JournalOutcome(entry.sequence(), JournalOutcomeKind.valueOf(stored.getOutcome()), "already received");
        }
        throw DomainException.conflict("journal-diverged", "entry " + entry.sequence() + " of terminal "
                + terminalId + " differs from the one the center holds");
    }

    /** The new journal rows of a push, written in multi-row inserts rather than one statement an entry. */
    private static final class JournalRows {
        private final DSLContext ctx;
        private final String terminalId;
        private final OffsetDateTime receivedAt;
        private final List<Row10<String, Long, String, OffsetDateTime, String, String, String, String, String,
                OffsetDateTime>> rows = new ArrayList<>();

        JournalRows(DSLContext ctx, String terminalId, OffsetDateTime receivedAt) {
            this.ctx = ctx;
            this.terminalId = terminalId;
            this.receivedAt = receivedAt;
        }

        void add(LedgerEntry entry, JournalOutcome outcome) {
            rows.add(DSL.row(terminalId, entry.sequence(), entry.kind().name(), entry.at().atOffset(ZoneOffset.UTC),
                    entry.payload(), HEX.formatHex(entry.previousHash()), HEX.formatHex(entry.hash()),
                    outcome.outcome().name(), outcome.detail() == null ? null : truncate(outcome.detail()), receivedAt));
        }

        void flush() {
            if (rows.isEmpty()) {
                return;
            }
            ctx.insertInto(TERMINAL_JOURNAL, TERMINAL_JOURNAL.TERMINAL_ID, TERMINAL_JOURNAL.SEQUENCE,
                            TERMINAL_JOURNAL.KIND, TERMINAL_JOURNAL.RECORDED_AT, TERMINAL_JOURNAL.PAYLOAD,
                            TERMINAL_JOURNAL.PREVIOUS_HASH, TERMINAL_JOURNAL.HASH, TERMINAL_JOURNAL.OUTCOME,
                            TERMINAL_JOURNAL.OUTCOME_DETAIL, TERMINAL_JOURNAL.RECEIVED_AT)
                    .valuesOfRows(rows).execute();
            rows.clear();
        }
    }

    private JsonNode payload(LedgerEntry entry) {
        try {
            return json.readTree(entry.payload());
        } catch (IOException e) {
            return json.getNodeFactory().textNode(entry.payload());
        }
    }

    private static LedgerEntry toLedger(String terminalId, JournalEntry e) {
        try {
            return new LedgerEntry(terminalId, e.sequence(), e.kind(), e.at(), e.payload(),
                    HEX.parseHex(e.previousHash() == null ? "" : e.previousHash()),
                    HEX.parseHex(e.hash() == null ? "" : e.hash()));
        } catch (IllegalArgumentException ex) {
            throw DomainException.invalid("journal entry " + e.sequence() + ": " + ex.getMessage());
        }
    }

    private static TerminalRecord own(DSLContext ctx, long sellerId, String terminalId, boolean lock) {
        var query = ctx.selectFrom(TERMINAL).where(TERMINAL.TERMINAL_ID.eq(terminalId));
        TerminalRecord row = lock ? query.forUpdate().fetchOne() : query.fetchOne();
        if (row == null || row.getSellerId() != sellerId) {
            throw DomainException.notFound("no terminal " + terminalId + " of this seller");
        }
        return row;
    }

    private TerminalRegistration registration(TerminalRecord row) {
        return new TerminalRegistration(row.getTerminalId(), row.getSellerId(), row.getKeyId(), row.getPublicKey(),
                row.getCertificate(), keys.active().publicKey().keyIdHex(), row.getLastSequence());
    }

    private static String truncate(String detail) {
        return detail.length() <= 400 ? detail : detail.substring(0, 397) + "...";
    }
}
