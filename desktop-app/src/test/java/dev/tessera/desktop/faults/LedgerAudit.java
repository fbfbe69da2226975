package dev.tessera.desktop.faults;

import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.SEAT_HOLD;
import static dev.tessera.center.db.schema.Tables.TERMINAL_JOURNAL;
import static dev.tessera.center.db.schema.Tables.TICKET;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.core.model.LedgerEntry;
import dev.tessera.desktop.counter.Journal;
import dev.tessera.desktop.counter.OfflineSeller;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.ledger.LedgerStore;
import dev.tessera.desktop.support.Eventually;
import dev.tessera.client.CenterException;
import java.time.Duration;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Compares a terminal's ledger with the center's database after a fault run: every journal entry held
 * once with the same hash, every journaled sale at the center once, every sale of the terminal's seller
 * in the journal, no seat with two valid tickets, no hold left active after its lapse.
 */
final class LedgerAudit {
    private static final HexFormat HEX = HexFormat.of();

    private LedgerAudit() {}

    /**
     * @param sellerOnlyAtThisTerminal the seller sells nowhere else, so every center sale of its must be journaled here
     */
    static void audit(FaultTally tally, DSLContext center, LedgerStore ledger, String terminalId, long eventId,
                      long sellerId, boolean sellerOnlyAtThisTerminal) {
        if (!ledger.chainIsIntact(terminalId)) {
            tally.lost("the terminal's hash chain is broken");
        }
        if (ledger.pendingCount(terminalId) > 0) {
            tally.lost(ledger.pendingCount(terminalId) + " journal entries never reached the center");
        }
        Map<Long, String> held = new HashMap<>();
        center.select(TERMINAL_JOURNAL.SEQUENCE, TERMINAL_JOURNAL.HASH).from(TERMINAL_JOURNAL)
                .where(TERMINAL_JOURNAL.TERMINAL_ID.eq(terminalId))
                .forEach(r -> held.put(r.value1(), r.value2()));
        Map<Long, Integer> onlineSales = new HashMap<>();
        Set<Long> offlineSequences = new HashSet<>();
        int entries = 0;
        for (LedgerEntry e : ledger.journal(terminalId)) {
            entries++;
            String hash = held.get(e.sequence());
            if (!HEX.formatHex(e.hash()).equals(hash)) {
                tally.lost("journal entry " + e.sequence() + (hash == null ? " is missing at the center" : " differs at the center"));
            }
            JsonNode p = Journal.read(e);
            switch (p.path("type").asText()) {
                case "SALE" -> onlineSales.merge(p.path("saleId").asLong(), 1, Integer::sum);
                case OfflineSeller.TYPE -> offlineSequences.add(e.sequence());
                default -> { }
            }
        }
        if (held.size() > entries) {
            tally.duplicated("the center holds " + (held.size() - entries) + " journal entries the terminal never wrote");
        }
        onlineSales.forEach((saleId, times) -> {
            if (times > 1) {
                tally.duplicated("sale " + saleId + " journaled " + times + " times");
            }
            if (!center.fetchExists(SALE, SALE.ID.eq(saleId))) {
                tally.lost("journaled sale " + saleId + " is not at the center");
            }
        });
        for (long sequence : offlineSequences) {
            int sales = center.fetchCount(SALE, SALE.TERMINAL_ID.eq(terminalId), SALE.TERMINAL_SEQUENCE.eq(sequence));
            if (sales == 0) {
                tally.lost("offline sale (entry " + sequence + ") was not applied at the center");
            } else if (sales > 1) {
                tally.duplicated("offline sale (entry " + sequence + ") applied " + sales + " times");
            }
        }
        if (sellerOnlyAtThisTerminal) {
            center.select(SALE.ID).from(SALE).where(SALE.EVENT_ID.eq(eventId), SALE.SELLER_ID.eq(sellerId),
                    SALE.TERMINAL_ID.isNull()).forEach(r -> {
                if (!onlineSales.containsKey(r.value1())) {
                    tally.lost("center sale " + r.value1() + " is not in the terminal's journal");
                }
            });
        }
        seatsSoldOnce(tally, center, eventId);
        center.select(SEAT_HOLD.ID).from(SEAT_HOLD).where(SEAT_HOLD.SELLER_ID.eq(sellerId),
                SEAT_HOLD.STATUS.eq("ACTIVE")).forEach(r -> tally.lost("hold " + r.value1() + " still active after its lapse"));
        tally.sales(center.fetchCount(SALE, SALE.EVENT_ID.eq(eventId)));
    }

    /**
     * Waits (at most two minutes) until the center's hold sweeper has lapsed every hold of the event: no seat of it
     * HELD, read through the API. The audit's "hold still active after its lapse" then judges the sweeper, and not
     * how soon a loaded machine ran it (a stressed CI run stopped the center 2.5 s after the last hold's lapse, before
     * the sweeper's turn came).
     */
    static void awaitHoldsSwept(CenterSession seller, long eventId) throws Exception {
        Eventually.await(Duration.ofMinutes(2), "the center's sweeper lapses every hold of the event", () -> {
            try {
                return seller.seats(eventId).seats().getOrDefault("HELD", List.of()).isEmpty();
            } catch (CenterException e) {
                return false;
            }
        });
    }

    /** No seat of the event carries two tickets that are not void. */
    static void seatsSoldOnce(FaultTally tally, DSLContext center, long eventId) {
        center.select(TICKET.SEAT_ID, DSL.count()).from(TICKET)
                .where(TICKET.EVENT_ID.eq(eventId), TICKET.STATUS.ne("VOID"))
                .groupBy(TICKET.SEAT_ID).having(DSL.count().gt(1))
                .forEach(r -> tally.duplicated("seat " + r.value1() + " has " + r.value2() + " tickets"));
    }
}
