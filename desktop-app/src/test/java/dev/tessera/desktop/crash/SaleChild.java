package dev.tessera.desktop.crash;

import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterApiTypes.Hold;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.center.CounterApiTypes.Customer;
import dev.tessera.desktop.center.CounterApiTypes.Payment;
import dev.tessera.desktop.center.CounterApiTypes.SaleResult;
import dev.tessera.desktop.counter.ChipDesk;
import dev.tessera.desktop.counter.Journal;
import dev.tessera.desktop.counter.SalePipeline;
import dev.tessera.desktop.counter.SaleRecovery;
import dev.tessera.desktop.ledger.LedgerStore;
import dev.tessera.desktop.ledger.TerminalSync;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The counter's sale pipeline in a JVM of its own, for the kill test: recover whatever an earlier run
 * left, then (mode {@code sell}) sell two seats to the member chip and write them, then sync.
 * {@code -Dtessera.crashAt=<step>} halts it dead at that step.
 */
public final class SaleChild {
    private SaleChild() {}

    public static void main(String[] args) throws Exception {
        URI center = URI.create(args[0]);
        Path data = Path.of(args[1]);
        SocketReader reader = new SocketReader(Integer.parseInt(args[2]));
        String chipId = args[3];
        boolean sell = args[4].equals("sell");
        try (CenterClient client = new CenterClient(center); LedgerStore ledger = LedgerStore.open(data, Clock.systemUTC())) {
            CenterSession clerk = client.signIn("clerk", "clerk-demo");
            String terminal = ledger.identity("clerk", new SecureRandom()).terminalId();
            TerminalSync sync = new TerminalSync(ledger, clerk, terminal);
            sync.register();
            SalePipeline pipeline = new SalePipeline(clerk, new Journal(ledger, terminal, () -> { }),
                    new ChipDesk(clerk, new SecureRandom()));
            for (SaleRecovery.PendingIssue pending : new SaleRecovery(clerk, pipeline).recover()) {
                pipeline.issue(pending.saleId(), pending.chipId(), pending.tickets(), reader.tap());
            }
            if (sell) {
                EventInfo tempest = clerk.events().stream().filter(e -> e.name().equals("The Tempest")).findFirst()
                        .orElseThrow();
                String category = tempest.pricesMinor().keySet().stream().sorted().findFirst().orElseThrow();
                Hold hold = pipeline.holdBest(tempest.id(), 2, category);
                SaleResult sale = pipeline.confirm(hold, new Customer("MEMBER_CARD", null, null, chipId),
                        new Payment("CASH", null, null));
                pipeline.issue(sale, chipId, reader.tap());
            }
            sync.pushPending();
        }
        Runtime.getRuntime().halt(0);
    }
}
