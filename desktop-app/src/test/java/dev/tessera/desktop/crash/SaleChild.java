package dev.tessera.desktop.crash;

import dev.tessera.contract.sales.PaymentMethod;
import dev.tessera.core.model.CustomerAuth;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.core.model.Hold;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.client.CenterProblemException;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.sales.Customer;
import dev.tessera.contract.sales.Payment;
import dev.tessera.contract.sales.SaleResult;
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
import java.util.List;
import java.util.Random;

/**
 * The counter's sale pipeline in a JVM of its own, for the kill tests: recover whatever an earlier run
 * left, then (mode {@code sell}) sell two seats to the member chip and write them, then sync; (mode
 * {@code loop}) sell 1 or 2 seats at a time to the chip and sync after each, up to {@value #LOOP_SALES} sales,
 * then keep syncing until killed; (mode {@code recover}) only recover and sync.
 * {@code -Dtessera.crashAt=<step>} halts it dead at that step.
 */
public final class SaleChild {
    /** A chip holds 16 tickets: at most 6 sales of 2 seats each, and room for what recovery still writes. */
    static final int LOOP_SALES = 6;
    /** The line mode {@code loop} prints once it has recovered and starts selling. */
    public static final String SELLING = "selling in a loop";

    private SaleChild() {}

    public static void main(String[] args) throws Exception {
        URI center = URI.create(args[0]);
        Path data = Path.of(args[1]);
        SocketReader reader = new SocketReader(Integer.parseInt(args[2]));
        String chipId = args[3];
        String mode = args[4];
        try (CenterClient client = new CenterClient(center); LedgerStore ledger = LedgerStore.open(data, Clock.systemUTC())) {
            CenterSession clerk = client.signIn("clerk", "clerk-demo");
            String terminal = ledger.identity("clerk", new SecureRandom()).terminalId();
            TerminalSync sync = new TerminalSync(ledger, clerk, terminal);
            sync.register();
            SalePipeline pipeline = new SalePipeline(clerk, new Journal(ledger, terminal, () -> { }),
                    new ChipDesk(clerk));
            for (SaleRecovery.PendingIssue pending : new SaleRecovery(clerk, pipeline).recover()) {
                pipeline.issue(pending.saleId(), pending.chipId(), pending.tickets(), reader.tap());
            }
            if (mode.equals("sell")) {
                EventInfo tempest = tempest(clerk);
                String category = tempest.pricesMinor().keySet().stream().sorted().findFirst().orElseThrow();
                Hold hold = pipeline.holdBest(tempest.id(), 2, category);
                SaleResult sale = pipeline.confirm(hold, provenCard(clerk, reader),
                        new Payment(PaymentMethod.CASH, null, null));
                pipeline.issue(sale, chipId, reader.tap());
            } else if (mode.equals("loop")) {
                loop(clerk, pipeline, sync, reader, chipId);
            }
            sync.pushPending();
        }
        Runtime.getRuntime().halt(0);
    }

    /** Issue 15: the member card on the reader signs the center's challenge for the sale. */
    private static Customer provenCard(CenterSession clerk, SocketReader reader) throws Exception {
        ChipDesk.MemberCardProof proof = ChipDesk.proveMemberCard(reader.tap(), clerk);
        return new Customer(CustomerAuth.MEMBER_CARD, null, null, proof.chipId(), proof.challengeId(), proof.signature());
    }

    /** Sells and syncs until killed (AppKillFaultTest); a sold-out category makes it try the next one. */
    private static void loop(CenterSession clerk, SalePipeline pipeline, TerminalSync sync, SocketReader reader,
                             String chipId) throws Exception {
        EventInfo tempest = tempest(clerk);
        List<String> categories = tempest.pricesMinor().keySet().stream().sorted().toList();
        Random random = new Random();
        int sales = 0;
        System.out.println(SELLING);
        System.out.flush();
        while (true) {
            if (sales < LOOP_SALES) {
                String category = categories.get(random.nextInt(categories.size()));
                try {
                    Hold hold = pipeline.holdBest(tempest.id(), 1 + random.nextInt(2), category);
                    SaleResult sale = pipeline.confirm(hold, provenCard(clerk, reader),
                            new Payment(PaymentMethod.CASH, null, null));
                    pipeline.issue(sale, chipId, reader.tap());
                    sales++;
                } catch (CenterProblemException soldOut) {
                    if (soldOut.status() != 409) {
                        throw soldOut;
                    }
                }
            }
            sync.pushPending();
            Thread.sleep(20 + random.nextInt(60));
        }
    }

    private static EventInfo tempest(CenterSession clerk) {
        return clerk.events().stream().filter(e -> e.name().equals("The Tempest")).findFirst().orElseThrow();
    }
}
