package dev.tessera.desktop.counter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.core.model.LedgerEntry;
import dev.tessera.core.model.Hold;
import dev.tessera.core.model.HoldStatus;
import dev.tessera.client.CenterProblemException;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.contract.saleslog.SalesLog;
import dev.tessera.desktop.ledger.CrashPoints;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a crash (kill -9 at any step): reads the journal and settles what was left open. A hold with
 * no sale is released; a sale the center made but the journal missed is journaled from the center's
 * records; a journaled sale whose tickets never reached the chip is handed back to be written at the
 * next tap (the writer skips tickets already there, so none is written twice). Blocking; idempotent.
 */
public final class SaleRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(SaleRecovery.class);

    /** A journaled sale whose tickets still have to go onto the customer's chip. */
    public record PendingIssue(long saleId, long eventId, String chipId, List<IssuedTicket> tickets) {}

    private final CenterSession center;
    private final SalePipeline pipeline;

    public SaleRecovery(CenterSession center, SalePipeline pipeline) {
        this.center = center;
        this.pipeline = pipeline;
    }

    private record OpenHold(long holdId, long eventId, List<String> seatIds) {}

    public List<PendingIssue> recover() {
        Map<Long, OpenHold> holds = new LinkedHashMap<>();
        Map<Long, String> intents = new LinkedHashMap<>();
        Map<Long, PendingIssue> unwritten = new LinkedHashMap<>();
        for (LedgerEntry entry : pipeline.journal().entries()) {
            JsonNode p = Journal.read(entry);
            long holdId = p.path("holdId").asLong();
            switch (p.path("type").asText()) {
                case "HOLD" -> holds.put(holdId, new OpenHold(holdId, p.path("eventId").asLong(), strings(p.path("seatIds"))));
                case "HOLD_RELEASED" -> {
                    holds.remove(holdId);
                    intents.remove(holdId);
                }
                case "SALE_STARTED" -> intents.put(holdId, p.path("chipId").asText(null));
                case "SALE" -> {
                    holds.remove(holdId);
                    intents.remove(holdId);
                    String chipId = p.path("chipId").asText(null);
                    if (chipId != null && !chipId.isBlank()) {
                        List<IssuedTicket> tickets = new ArrayList<>();
                        p.path("tickets").forEach(t -> tickets.add(Journal.convert(t, IssuedTicket.class)));
                        unwritten.put(p.path("saleId").asLong(), new PendingIssue(p.path("saleId").asLong(),
                                p.path("eventId").asLong(), chipId, tickets));
                    }
                }
                case "ISSUE" -> unwritten.remove(p.path("saleId").asLong());
                default -> { }
            }
        }
        for (OpenHold hold : holds.values()) {
            settle(hold, intents.containsKey(hold.holdId()), intents.get(hold.holdId())).ifPresent(
                    p -> unwritten.put(p.saleId(), p));
        }
        return List.copyOf(unwritten.values());
    }

    private java.util.Optional<PendingIssue> settle(OpenHold open, boolean saleStarted, String chipId) {
        Hold hold;
        try {
            hold = center.holdStatus(open.holdId());
        } catch (CenterProblemException e) {
            if (e.status() != 404) {
                throw e;
            }
            hold = null;
        }
        if (hold != null && hold.status() == HoldStatus.ISSUED && saleStarted) {
            return java.util.Optional.ofNullable(journalMissedSale(open, chipId));
        }
        if (hold != null && hold.status() == HoldStatus.ACTIVE) {
            LOG.info("releasing hold {} left open by an interrupted sale", open.holdId());
            CrashPoints.reach("recovery.before-release");
            pipeline.release(hold);
        } else {
            pipeline.journal().append(dev.tessera.core.model.LedgerKind.HOLD, Journal.payload("HOLD_RELEASED")
                    .put("holdId", open.holdId()).put("status", hold == null ? "UNKNOWN" : hold.status().name()));
        }
        return java.util.Optional.empty();
    }

    /** The center sold the hold but the journal never heard of it: its records fill the gap. */
    private PendingIssue journalMissedSale(OpenHold open, String chipId) {
        Set<String> seats = new HashSet<>(open.seatIds());
        List<SalesLog.Line> lines = center.salesLog(open.eventId()).lines().stream()
                .filter(l -> seats.contains(l.seatId())).toList();
        if (lines.isEmpty()) {
            throw new IllegalStateException("hold " + open.holdId() + " is issued but the sales log has none of its seats");
        }
        long saleId = lines.stream().mapToLong(SalesLog.Line::saleId).max().orElseThrow();
        List<IssuedTicket> tickets;
        if (chipId != null && !chipId.isBlank()) {
            Set<String> ids = new HashSet<>(lines.stream().filter(l -> l.saleId() == saleId).map(SalesLog.Line::ticketId).toList());
            tickets = center.chipTickets(chipId).tickets().stream().filter(t -> ids.contains(t.ticketId())).toList();
        } else {
            tickets = lines.stream().filter(l -> l.saleId() == saleId).map(l -> new IssuedTicket(l.ticketId(), 1,
                    l.seatId(), l.categoryId(), null, l.priceMinor(), null, null, null, null)).toList();
        }
        long total = tickets.stream().mapToLong(IssuedTicket::priceMinor).sum();
        SaleResult sale = new SaleResult(saleId, 0, open.eventId(), open.holdId(), lines.getFirst().paymentMethod(), total,
                lines.getFirst().currency(), 0, tickets);
        CrashPoints.reach("recovery.before-journal");
        pipeline.journalSale(sale, chipId, true);
        return chipId == null || chipId.isBlank() ? null : new PendingIssue(saleId, open.eventId(), chipId, tickets);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
