package dev.tessera.desktop.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.PlatformCenter;
import dev.tessera.center.demo.DemoData;
import dev.tessera.contract.sales.PaymentMethod;
import dev.tessera.core.model.CustomerAuth;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.core.model.Hold;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.client.CenterException;
import dev.tessera.client.CenterProblemException;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.sales.Customer;
import dev.tessera.contract.sales.Payment;
import dev.tessera.core.model.SellerAuthorization;
import dev.tessera.desktop.counter.ChipDesk;
import dev.tessera.desktop.counter.Journal;
import dev.tessera.desktop.counter.OfflineSeller;
import dev.tessera.desktop.counter.SalePipeline;
import dev.tessera.desktop.counter.SaleRecovery;
import dev.tessera.desktop.faults.FlakyProxy.Cut;
import dev.tessera.desktop.ledger.LedgerStore;
import dev.tessera.desktop.ledger.TerminalIdentity;
import dev.tessera.desktop.ledger.TerminalSync;
import dev.tessera.desktop.support.Eventually;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault suite 1: the network between a counter terminal and a real embedded center is cut at random
 * points of the HTTP exchanges (a {@link FlakyProxy} on loopback) while the terminal sells online and
 * syncs its offline journal. Whatever failed is settled the way the app settles it (the sale recovery,
 * the next sync); then the terminal's ledger and the center must agree: every journal entry once, every
 * online sale fully there or not at all, no hold left active after its lapse, no seat sold twice.
 */
class NetworkCutFaultTest {
    private static final Duration HOLD_PERIOD = Duration.ofSeconds(3);
    private static final int OPERATIONS = FaultTally.FULL ? 1_000 : 100;
    private static final double CUT_RATE = 0.25;

    @TempDir
    Path centerDir;
    @TempDir
    Path terminalDir;

    @Test
    void cutConnectionsLoseNoSaleAndDoubleNone() throws Exception {
        CenterConfig config = CenterConfig.embedded(centerDir).withHoldPeriod(HOLD_PERIOD);
        try (PlatformCenter center = PlatformCenter.start(config);
             CenterClient direct = new CenterClient(center.baseUri())) {
            DemoData.loadIfEmpty(center.services(), Clock.systemUTC());
            CenterSession truth = direct.signIn("clerk", "clerk-demo");
            EventInfo event = truth.events().stream().filter(e -> e.name().equals("The Tempest")).findFirst().orElseThrow();
            SeatMap map = truth.seatMap(event.venueId(), event.seatMapVersion());
            SellerAuthorization authorization = CenterSession.readAuthorization(truth.myAuthorizationJson(event.id()));

            try (FlakyProxy proxy = new FlakyProxy(center.port(), CUT_RATE, 7);
                 CenterClient cut = new CenterClient(proxy.uri());
                 LedgerStore ledger = LedgerStore.open(terminalDir, Clock.systemUTC())) {
                CenterSession clerk = retry(() -> cut.signIn("clerk", "clerk-demo"));
                TerminalIdentity identity = ledger.identity("clerk", new SecureRandom());
                String terminal = identity.terminalId();
                TerminalSync sync = new TerminalSync(ledger, clerk, terminal);
                retry(sync::register);
                Journal journal = new Journal(ledger, terminal, () -> { });
                SalePipeline pipeline = new SalePipeline(clerk, journal, new ChipDesk(clerk));
                OfflineSeller offline = new OfflineSeller(journal, identity, Clock.systemUTC());
                Deque<String> offlineSeats = new ArrayDeque<>(authorization.allocatedSeats());
                Random random = new Random(11);
                int online = 0;
                int onlineFailed = 0;
                int soldOut = 0;
                int offlineSold = 0;
                for (int op = 0; op < OPERATIONS; op++) {
                    if (random.nextInt(4) > 0 || offlineSeats.isEmpty()) {
                        online++;
                        // the stalls: the clerk's offline block is in the balcony
                        String category = random.nextBoolean() ? "stalls" : "stalls-premium";
                        try {
                            Hold hold = pipeline.holdBest(event.id(), 1 + random.nextInt(3), category);
                            pipeline.confirm(hold, new Customer(CustomerAuth.WALK_IN, null, null, null),
                                    new Payment(PaymentMethod.CASH, null, null));
                        } catch (CenterProblemException e) {
                            if (e.status() != 409) {
                                throw e;
                            }
                            // the stalls are sold out (the full run sells more than they hold): a plain refusal
                            soldOut++;
                            retry(() -> new SaleRecovery(clerk, pipeline).recover());
                        } catch (CenterException e) {
                            onlineFailed++;
                            // what the counter does after a failed step (and on every start): settle it
                            retry(() -> new SaleRecovery(clerk, pipeline).recover());
                        }
                    } else {
                        Set<String> sold = new HashSet<>(truth.seats(event.id()).seats().getOrDefault("SOLD", List.of()));
                        offline.sell(event, map, authorization, sold, List.of(offlineSeats.pop()), "CASH", null);
                        offlineSold++;
                    }
                    try {
                        sync.pushPending();
                    } catch (CenterException e) {
                        // the next round pushes again
                    }
                }
                proxy.cutRate(0);
                new SaleRecovery(clerk, pipeline).recover();
                assertThat(sync.pushPending()).isZero();
                Eventually.await(HOLD_PERIOD.plusSeconds(60), "every hold lapsed or ended",
                        () -> center.services().db().dsl().fetchCount(dev.tessera.center.db.schema.Tables.SEAT_HOLD,
                                dev.tessera.center.db.schema.Tables.SEAT_HOLD.STATUS.eq("ACTIVE")) == 0);

                FaultTally tally = new FaultTally("network-cut");
                LedgerAudit.audit(tally, center.services().db().dsl(), ledger, terminal, event.id(),
                        clerk.account().accountId(), true);
                assertThat(proxy.cuts(Cut.BEFORE_REQUEST)).as("cuts before the request").isPositive();
                assertThat(proxy.cuts(Cut.AFTER_REQUEST)).as("cuts after the request").isPositive();
                assertThat(proxy.cuts(Cut.MID_RESPONSE)).as("cuts mid-response").isPositive();
                assertThat(onlineFailed).as("online sales interrupted by a cut").isPositive();
                tally.report(OPERATIONS + " operations: " + online + " online sales (" + onlineFailed + " cut, " + soldOut + " sold out), "
                        + offlineSold + " offline; cuts before request " + proxy.cuts(Cut.BEFORE_REQUEST)
                        + ", after request " + proxy.cuts(Cut.AFTER_REQUEST) + ", mid-response "
                        + proxy.cuts(Cut.MID_RESPONSE));
            }
        }
    }

    /** Repeats a step cut by the network until it goes through, as the sync loop does. */
    private static <T> T retry(Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (CenterException e) {
                if (attempt >= 50) {
                    throw e;
                }
            }
        }
    }
}
