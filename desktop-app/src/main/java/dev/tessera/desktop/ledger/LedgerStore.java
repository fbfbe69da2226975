package dev.tessera.desktop.ledger;

import static dev.tessera.desktop.ledger.schema.Tables.CACHED_AUTHORIZATION;
import static dev.tessera.desktop.ledger.schema.Tables.CACHED_EVENT;
import static dev.tessera.desktop.ledger.schema.Tables.JOURNAL;
import static dev.tessera.desktop.ledger.schema.Tables.OUTBOX;
import static dev.tessera.desktop.ledger.schema.Tables.SYNC_OUTCOME;
import static dev.tessera.desktop.ledger.schema.Tables.TERMINAL_IDENTITY;

import dev.tessera.core.crypto.IssuerKeyPair;
import dev.tessera.core.model.LedgerEntry;
import dev.tessera.core.model.LedgerKind;
import dev.tessera.desktop.ledger.schema.tables.records.JournalRecord;
import dev.tessera.desktop.ledger.schema.tables.records.TerminalIdentityRecord;
import dev.tessera.h2.H2HeaderRepair;
import dev.tessera.h2.H2LeftoverCommits;
import dev.tessera.migrations.Migrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The terminal's own H2 file: its keys, the append-only hash-chained journal, the outbox of entries
 * the center has not acknowledged, and caches for selling offline. Thread safe.
 */
public final class LedgerStore implements AutoCloseable {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] GENESIS = new byte[LedgerEntry.HASH_LENGTH];

    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final Clock clock;

    private LedgerStore(JdbcConnectionPool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
        this.dsl = DSL.using(pool, SQLDialect.H2, new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withExecuteLogging(false));
    }

    /** Opens (or creates) {@code ledger.mv.db} in the data folder, beside the center's file. */
    public static LedgerStore open(Path dataDir, Clock clock) {
        // ADR 0003: what was sold offline and written on chips; a ledger left by a kill opens at its newest whole chunk
        H2HeaderRepair.beforeOpening(dataDir.resolve("ledger.mv.db"), "the ledger");
        // WRITE_DELAY=0: H2 otherwise loses the last second of committed rows on a kill -9 (docs/decisions/0003)
        String url = "jdbc:h2:file:" + dataDir.resolve("ledger").toAbsolutePath() + ";WRITE_DELAY=0;LOCK_TIMEOUT=20000";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "tessera", "");
        try {
            // ADR 0003: a sale committed just before a kill is applied, where H2 2.5.252 would leave it unapplied
            try (Connection first = pool.getConnection()) {
                H2LeftoverCommits.finish(first, "the ledger");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot open the ledger: " + e.getMessage(), e);
            }
            Migrations.migrate(pool, "db/ledger");
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        return new LedgerStore(pool, clock);
    }

    /** The terminal identity of a seller at this terminal, made (with a fresh Ed25519 key) on first use. */
    public synchronized TerminalIdentity identity(String loginId, SecureRandom random) {
        TerminalIdentityRecord row = dsl.selectFrom(TERMINAL_IDENTITY).where(TERMINAL_IDENTITY.LOGIN_ID.eq(loginId)).fetchOne();
        if (row == null) {
            IssuerKeyPair key = IssuerKeyPair.generate(random);
            byte[] suffix = new byte[4];
            random.nextBytes(suffix);
            String terminalId = "till-" + loginId.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + HEX.formatHex(suffix);
            dsl.insertInto(TERMINAL_IDENTITY)
                    .set(TERMINAL_IDENTITY.LOGIN_ID, loginId)
                    .set(TERMINAL_IDENTITY.TERMINAL_ID, terminalId.length() > 64 ? terminalId.substring(0, 64) : terminalId)
                    .set(TERMINAL_IDENTITY.PRIVATE_KEY, HEX.formatHex(key.privateKeyBytes()))
                    .set(TERMINAL_IDENTITY.PUBLIC_KEY, HEX.formatHex(key.publicKey().encoded()))
                    .set(TERMINAL_IDENTITY.KEY_ID, key.publicKey().keyIdHex())
                    .set(TERMINAL_IDENTITY.CREATED_AT, now())
                    .execute();
            row = dsl.selectFrom(TERMINAL_IDENTITY).where(TERMINAL_IDENTITY.LOGIN_ID.eq(loginId)).fetchOne();
        }
        return identityOf(row);
    }

    /** Stores the center's certificate for the terminal key (flow 3). */
    public synchronized void certify(String terminalId, long sellerId, String certificate, String centerKeyId) {
        dsl.update(TERMINAL_IDENTITY).set(TERMINAL_IDENTITY.SELLER_ID, sellerId)
                .set(TERMINAL_IDENTITY.CERTIFICATE, certificate).set(TERMINAL_IDENTITY.CENTER_KEY_ID, centerKeyId)
                .where(TERMINAL_IDENTITY.TERMINAL_ID.eq(terminalId)).execute();
    }

    public synchronized Optional<TerminalIdentity> identityOfTerminal(String terminalId) {
        return Optional.ofNullable(dsl.selectFrom(TERMINAL_IDENTITY).where(TERMINAL_IDENTITY.TERMINAL_ID.eq(terminalId))
                .fetchOne()).map(LedgerStore::identityOf);
    }

    private static TerminalIdentity identityOf(TerminalIdentityRecord row) {
        return new TerminalIdentity(row.getLoginId(), row.getTerminalId(),
                IssuerKeyPair.fromPrivate(HEX.parseHex(row.getPrivateKey())), row.getSellerId(), row.getCertificate());
    }

    /**
     * Appends the next entry of the terminal's chain and queues it for the center, in one transaction:
     * when this returns, the entry survives a crash.
     */
    public synchronized LedgerEntry append(String terminalId, LedgerKind kind, String payload) {
        LedgerEntry appended = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            JournalRecord last = tx.selectFrom(JOURNAL).where(JOURNAL.TERMINAL_ID.eq(terminalId))
                    .orderBy(JOURNAL.SEQUENCE.desc()).limit(1).fetchOne();
            Instant at = clock.instant();
            LedgerEntry entry = last == null ? LedgerEntry.first(terminalId, kind, at, payload)
                    : entryOf(last).next(kind, at, payload);
            tx.insertInto(JOURNAL)
                    .set(JOURNAL.TERMINAL_ID, terminalId).set(JOURNAL.SEQUENCE, entry.sequence())
                    .set(JOURNAL.KIND, kind.name()).set(JOURNAL.RECORDED_AT, at.atOffset(ZoneOffset.UTC))
                    .set(JOURNAL.AT_EPOCH, at.getEpochSecond()).set(JOURNAL.AT_NANOS, at.getNano())
                    .set(JOURNAL.PAYLOAD, payload)
                    .set(JOURNAL.PREVIOUS_HASH, HEX.formatHex(entry.previousHash()))
                    .set(JOURNAL.HASH, HEX.formatHex(entry.hash()))
                    .execute();
            tx.insertInto(OUTBOX).set(OUTBOX.TERMINAL_ID, terminalId).set(OUTBOX.SEQUENCE, entry.sequence()).execute();
            CrashPoints.reach("ledger.before-commit");
            return entry;
        });
        CrashPoints.reach("ledger.after-commit");
        return appended;
    }

    /** The whole journal, in order; each entry re-checks its own hash as it is read. */
    public List<LedgerEntry> journal(String terminalId) {
        return dsl.selectFrom(JOURNAL).where(JOURNAL.TERMINAL_ID.eq(terminalId)).orderBy(JOURNAL.SEQUENCE)
                .fetch(LedgerStore::entryOf);
    }

    /** Every terminal's journal of this ledger, in order. */
    public List<LedgerEntry> journalOfAll() {
        return dsl.selectFrom(JOURNAL).orderBy(JOURNAL.TERMINAL_ID, JOURNAL.SEQUENCE).fetch(LedgerStore::entryOf);
    }

    /** The first {@code limit} entries the center has not acknowledged, in order. */
    public List<LedgerEntry> pending(String terminalId, int limit) {
        // by key: the outbox's first sequences, then the journal's key range they span, filtered to them (an IN list
        // or a join ordered by the journal made H2 walk every entry of the terminal again for each batch: quadratic)
        List<Long> sequences = dsl.select(OUTBOX.SEQUENCE).from(OUTBOX).where(OUTBOX.TERMINAL_ID.eq(terminalId))
                .orderBy(OUTBOX.SEQUENCE).limit(limit).fetch(OUTBOX.SEQUENCE);
        if (sequences.isEmpty()) {
            return List.of();
        }
        Set<Long> queued = new HashSet<>(sequences);
        return dsl.selectFrom(JOURNAL)
                .where(JOURNAL.TERMINAL_ID.eq(terminalId), JOURNAL.SEQUENCE.between(sequences.getFirst(), sequences.getLast()))
                .orderBy(JOURNAL.SEQUENCE).fetch().stream()
                .filter(r -> queued.contains(r.getSequence()))
                .map(LedgerStore::entryOf).toList();
    }

    public int pendingCount(String terminalId) {
        return dsl.fetchCount(OUTBOX, OUTBOX.TERMINAL_ID.eq(terminalId));
    }

    /** The center holds everything up to {@code sequence}: those entries leave the outbox. */
    public synchronized void acknowledge(String terminalId, long sequence, List<SyncOutcome> outcomes) {
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            if (!outcomes.isEmpty()) {
                // a push's outcomes in two statements, not one MERGE each: the sequences held already (a retried
                // push) by their key range, then every new one in one multi-row insert
                long first = outcomes.stream().mapToLong(SyncOutcome::sequence).min().orElseThrow();
                long last = outcomes.stream().mapToLong(SyncOutcome::sequence).max().orElseThrow();
                Set<Long> held = new HashSet<>(tx.select(SYNC_OUTCOME.SEQUENCE).from(SYNC_OUTCOME)
                        .where(SYNC_OUTCOME.TERMINAL_ID.eq(terminalId), SYNC_OUTCOME.SEQUENCE.between(first, last))
                        .fetch(SYNC_OUTCOME.SEQUENCE));
                var insert = tx.insertInto(SYNC_OUTCOME, SYNC_OUTCOME.TERMINAL_ID, SYNC_OUTCOME.SEQUENCE,
                        SYNC_OUTCOME.OUTCOME, SYNC_OUTCOME.DETAIL);
                boolean anyNew = false;
                for (SyncOutcome o : outcomes) {
                    if (held.contains(o.sequence())) {
                        tx.update(SYNC_OUTCOME).set(SYNC_OUTCOME.OUTCOME, o.outcome()).set(SYNC_OUTCOME.DETAIL, truncate(o.detail()))
                                .where(SYNC_OUTCOME.TERMINAL_ID.eq(terminalId), SYNC_OUTCOME.SEQUENCE.eq(o.sequence()))
                                .execute();
                    } else if (held.add(o.sequence())) {
                        insert = insert.values(terminalId, o.sequence(), o.outcome(), truncate(o.detail()));
                        anyNew = true;
                    }
                }
                if (anyNew) {
                    insert.execute();
                }
            }
            tx.deleteFrom(OUTBOX).where(OUTBOX.TERMINAL_ID.eq(terminalId), OUTBOX.SEQUENCE.le(sequence)).execute();
        });
    }

    /**
     * The center holds the chain only up to {@code sequence} although it acknowledged more (it lost its
     * last commits in a crash, or was restored from a backup): every later entry goes back into the outbox.
     */
    public synchronized void requeueAfter(String terminalId, long sequence) {
        dsl.insertInto(OUTBOX, OUTBOX.TERMINAL_ID, OUTBOX.SEQUENCE)
                .select(DSL.select(JOURNAL.TERMINAL_ID, JOURNAL.SEQUENCE).from(JOURNAL)
                        .where(JOURNAL.TERMINAL_ID.eq(terminalId), JOURNAL.SEQUENCE.gt(sequence))
                        .and(DSL.notExists(DSL.selectOne().from(OUTBOX).where(OUTBOX.TERMINAL_ID.eq(terminalId),
                                OUTBOX.SEQUENCE.eq(JOURNAL.SEQUENCE)))))
                .execute();
    }

    public Optional<SyncOutcome> outcome(String terminalId, long sequence) {
        return dsl.selectFrom(SYNC_OUTCOME).where(SYNC_OUTCOME.TERMINAL_ID.eq(terminalId), SYNC_OUTCOME.SEQUENCE.eq(sequence))
                .fetchOptional(r -> new SyncOutcome(r.getSequence(), r.getOutcome(), r.getDetail()));
    }

    public void cacheAuthorization(String loginId, long eventId, String document) {
        dsl.mergeInto(CACHED_AUTHORIZATION).using(DSL.selectOne())
                .on(CACHED_AUTHORIZATION.LOGIN_ID.eq(loginId), CACHED_AUTHORIZATION.EVENT_ID.eq(eventId))
                .whenMatchedThenUpdate().set(CACHED_AUTHORIZATION.DOCUMENT, document).set(CACHED_AUTHORIZATION.FETCHED_AT, now())
                .whenNotMatchedThenInsert(CACHED_AUTHORIZATION.LOGIN_ID, CACHED_AUTHORIZATION.EVENT_ID,
                        CACHED_AUTHORIZATION.DOCUMENT, CACHED_AUTHORIZATION.FETCHED_AT)
                .values(loginId, eventId, document, now())
                .execute();
    }

    public Optional<String> cachedAuthorization(String loginId, long eventId) {
        return dsl.select(CACHED_AUTHORIZATION.DOCUMENT).from(CACHED_AUTHORIZATION)
                .where(CACHED_AUTHORIZATION.LOGIN_ID.eq(loginId), CACHED_AUTHORIZATION.EVENT_ID.eq(eventId))
                .fetchOptional(CACHED_AUTHORIZATION.DOCUMENT);
    }

    public void cacheEvent(long eventId, String document) {
        dsl.mergeInto(CACHED_EVENT).using(DSL.selectOne()).on(CACHED_EVENT.EVENT_ID.eq(eventId))
                .whenMatchedThenUpdate().set(CACHED_EVENT.DOCUMENT, document).set(CACHED_EVENT.FETCHED_AT, now())
                .whenNotMatchedThenInsert(CACHED_EVENT.EVENT_ID, CACHED_EVENT.DOCUMENT, CACHED_EVENT.FETCHED_AT)
                .values(eventId, document, now())
                .execute();
    }

    public Optional<String> cachedEvent(long eventId) {
        return dsl.select(CACHED_EVENT.DOCUMENT).from(CACHED_EVENT).where(CACHED_EVENT.EVENT_ID.eq(eventId))
                .fetchOptional(CACHED_EVENT.DOCUMENT);
    }

    /** For a workspace's own tables in this file (their migrations sit beside V1, e.g. V2__gate.sql). */
    public DSLContext dsl() {
        return dsl;
    }

    /** True when the stored chain is unbroken from the genesis hash to the last entry. */
    public boolean chainIsIntact(String terminalId) {
        byte[] previous = GENESIS;
        long expected = 1;
        for (LedgerEntry e : journal(terminalId)) {
            if (e.sequence() != expected++ || !java.util.Arrays.equals(e.previousHash(), previous)) {
                return false;
            }
            previous = e.hash();
        }
        return true;
    }

    private static LedgerEntry entryOf(JournalRecord r) {
        return new LedgerEntry(r.getTerminalId(), r.getSequence(), LedgerKind.valueOf(r.getKind()),
                Instant.ofEpochSecond(r.getAtEpoch(), r.getAtNanos()), r.getPayload(),
                HEX.parseHex(r.getPreviousHash()), HEX.parseHex(r.getHash()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
