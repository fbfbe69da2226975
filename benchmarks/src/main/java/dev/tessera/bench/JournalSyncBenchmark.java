package dev.tessera.bench;

import dev.tessera.core.model.LedgerKind;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.core.model.SellerAuthorization;
import dev.tessera.desktop.counter.Journal;
import dev.tessera.desktop.counter.OfflineSeller;
import dev.tessera.desktop.ledger.LedgerStore;
import dev.tessera.desktop.ledger.TerminalIdentity;
import dev.tessera.desktop.ledger.TerminalSync;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Issue 7's sync figure: a terminal that was offline for a long shift pushes 10,000 journal entries
 * (the desktop's {@link TerminalSync} over its H2 {@link LedgerStore}) to the embedded center, which
 * checks each entry's chain and keeps it once; every offline sale among them (the clerk's whole seat
 * block) becomes a sale at the center. Timed from the first push to the last acknowledgement.
 */
public final class JournalSyncBenchmark {
    private JournalSyncBenchmark() {}

    public static List<String> run(int entries) throws Exception {
        Path terminalDir = BenchTemp.dir("tessera-bench-terminal");
        try (BenchCenter bench = BenchCenter.start("sync");
             CenterClient client = new CenterClient(bench.center.baseUri());
             LedgerStore ledger = LedgerStore.open(terminalDir, Clock.systemUTC())) {
            CenterSession clerk = client.signIn("clerk", "clerk-demo");
            EventInfo event = BenchCenter.demoEvent(clerk);
            SeatMap map = clerk.seatMap(event.venueId(), event.seatMapVersion());
            SellerAuthorization authorization = CenterSession.readAuthorization(clerk.myAuthorizationJson(event.id()));
            TerminalIdentity identity = ledger.identity("clerk", new SecureRandom());
            TerminalSync sync = new TerminalSync(ledger, clerk, identity.terminalId());
            sync.register();

            Journal journal = new Journal(ledger, identity.terminalId(), () -> { });
            OfflineSeller offline = new OfflineSeller(journal, identity, Clock.systemUTC());
            long appendStart = System.nanoTime();
            int offlineSales = 0;
            for (String seat : authorization.allocatedSeats()) {
                offline.sell(event, map, authorization, Set.of(), List.of(seat), "CASH", null);
                offlineSales++;
            }
            for (int i = offlineSales; i < entries; i++) {
                // the rest of a shift's journal: the counter's steps as it records them
                LedgerKind kind = List.of(LedgerKind.HOLD, LedgerKind.SALE, LedgerKind.ISSUE).get(i % 3);
                journal.append(kind, Journal.payload(kind.name()).put("holdId", 10_000 + i).put("saleId", 20_000 + i)
                        .put("eventId", event.id()).put("chipId", UUID.randomUUID().toString())
                        .put("totalMinor", 12_000).put("currency", "JPY").put("paymentMethod", "CASH"));
            }
            double appendSeconds = (System.nanoTime() - appendStart) / 1e9;

            long start = System.nanoTime();
            int pending = sync.pushPending();
            double seconds = (System.nanoTime() - start) / 1e9;
            long held = clerk.terminal(identity.terminalId()).lastSequence();
            if (pending != 0 || held != entries) {
                throw new IllegalStateException("the center holds " + held + " of " + entries + " entries; " + pending + " pending");
            }
            System.out.printf("sync: %,d journal entries (%d offline sales) pushed and acknowledged in %.2f s: %,.0f entries/s "
                    + "(writing them to the ledger took %.2f s)%n", entries, offlineSales, seconds, entries / seconds, appendSeconds);
            return List.of("| sync: %,d offline journal entries pushed and acknowledged (%d offline sales among them; desktop TerminalSync, embedded H2 center) | %.2f s, %,.0f entries/s |"
                    .formatted(entries, offlineSales, seconds, entries / seconds));
        } finally {
            try (var files = Files.walk(terminalDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
