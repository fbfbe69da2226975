package dev.tessera.desktop.faults;

import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.TICKET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.support.PostgresCluster;
import dev.tessera.contract.sales.PaymentMethod;
import dev.tessera.core.model.CustomerAuth;
import dev.tessera.core.model.LedgerKind;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.core.model.Hold;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.client.CenterException;
import dev.tessera.client.CenterProblemException;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.sales.ConfirmSale;
import dev.tessera.contract.sales.Customer;
import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.contract.sales.Payment;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.core.model.SellerAuthorization;
import dev.tessera.desktop.counter.Journal;
import dev.tessera.desktop.counter.OfflineSeller;
import dev.tessera.desktop.ledger.LedgerStore;
import dev.tessera.desktop.ledger.TerminalIdentity;
import dev.tessera.desktop.ledger.TerminalSync;
import dev.tessera.desktop.support.Eventually;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fault suite 3: the standalone center (CenterMain, a JVM of its own, on an H2 file and on a PostgreSQL database)
 * is killed with SIGKILL at random moments while clients ({@value #FULL_CLIENTS} in the full run, {@value #CI_CLIENTS}
 * in CI) sell online and void some of their sales (the seats go back on sale, so the load lasts) and a counter
 * terminal syncs its offline journal, then started again on the same database. Afterwards: every sale and every void the center confirmed is in its database, no seat sold
 * twice, the terminal's journal at the center exactly once, no hold left active.
 * CI takes {@value #CI_KILLS} kill points on H2; {@code -Dtessera.faults.full=true} takes {@value #FULL_KILLS_H2}
 * on H2 and {@value #FULL_KILLS_POSTGRESQL} on PostgreSQL; {@code -Dtessera.faults.centerKills=N} takes N.
 */
class CenterKillFaultTest {
    static final int CI_KILLS = 6;
    static final int FULL_KILLS_H2 = 300;
    static final int FULL_KILLS_POSTGRESQL = 100;
    static final int FULL_CLIENTS = 64;
    static final int CI_CLIENTS = 16;
    private static final int CLIENTS = FaultTally.FULL ? FULL_CLIENTS : CI_CLIENTS;
    private static final int HOLD_SECONDS = 4;

    /** Answers other than a sale, a sold-out 409 or a dropped connection: there should be none. */
    private static final List<String> UNEXPECTED = java.util.Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path centerDir;
    @TempDir
    Path terminalDir;

    private final Random random = new Random(5);

    /**
     * CI: the H2 file (ClusterFaultTest kills PostgreSQL-backed instances under load in CI); the full run: both.
     * {@code -Dtessera.faults.database=H2} (or {@code PostgreSQL}) runs one of them.
     */
    static List<String> databases() {
        String only = System.getProperty("tessera.faults.database", "");
        if (!only.isEmpty()) {
            return List.of(only);
        }
        return FaultTally.FULL ? List.of("H2", "PostgreSQL") : List.of("H2");
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("databases")
    void killingTheCenterLosesNoConfirmedSaleAndNoJournalEntry(String database) throws Exception {
        CenterProcess center = database.equals("H2") ? CenterProcess.start(centerDir, HOLD_SECONDS)
                : CenterProcess.start(centerDir, PostgresCluster.shared().createDatabase("center_kill"), "postgres",
                        HOLD_SECONDS);
        int killPoints = Integer.getInteger("tessera.faults.centerKills",
                FaultTally.FULL ? (database.equals("H2") ? FULL_KILLS_H2 : FULL_KILLS_POSTGRESQL) : CI_KILLS);
        Map<Long, Sold> confirmed = new ConcurrentHashMap<>();
        Set<String> voided = ConcurrentHashMap.newKeySet();
        Set<String> voidCut = ConcurrentHashMap.newKeySet();
        AtomicInteger cutRequests = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        try (CenterClient client = new CenterClient(center.uri());
             LedgerStore ledger = LedgerStore.open(terminalDir, Clock.systemUTC())) {
            center.awaitDemoData(client);
            CenterSession clerk = client.signIn("clerk", "clerk-demo");
            EventInfo event = clerk.events().stream().filter(e -> e.name().equals("The Tempest")).findFirst().orElseThrow();
            SeatMap map = clerk.seatMap(event.venueId(), event.seatMapVersion());
            SellerAuthorization authorization = CenterSession.readAuthorization(clerk.myAuthorizationJson(event.id()));
            TerminalIdentity identity = ledger.identity("clerk", new SecureRandom());
            TerminalSync sync = new TerminalSync(ledger, clerk, identity.terminalId());
            sync.register();

            for (int i = 0; i < CLIENTS; i++) {
                Random mine = new Random(100 + i);
                CenterSession session = client.signIn("clerk", "clerk-demo");
                workers.add(Thread.ofPlatform().name("client-" + i).start(() -> {
                    Deque<String> mySoldTickets = new ArrayDeque<>();
                    while (!stop.get()) {
                        if (!mySoldTickets.isEmpty() && mine.nextInt(3) == 0) {
                            voidOne(session, mySoldTickets.pop(), voided, voidCut, cutRequests);
                        } else {
                            sellOnline(session, event.id(), mine, confirmed, mySoldTickets, cutRequests);
                        }
                        pause(100 + mine.nextInt(200));
                    }
                }));
            }
            workers.add(Thread.ofPlatform().name("terminal").start(() -> {
                Journal journal = new Journal(ledger, identity.terminalId(), () -> { });
                OfflineSeller offline = new OfflineSeller(journal, identity, Clock.systemUTC());
                Deque<String> offlineSeats = new ArrayDeque<>(authorization.allocatedSeats());
                Random mine = new Random(99);
                Set<String> soldWhenLastSeen = new HashSet<>();
                int note = 0;
                while (!stop.get()) {
                    if (mine.nextInt(5) == 0 && !offlineSeats.isEmpty()) {
                        offline.sell(event, map, authorization, soldWhenLastSeen, List.of(offlineSeats.pop()), "CASH", null);
                    } else {
                        journal.append(LedgerKind.SHIFT, Journal.payload("NOTE").put("n", ++note));
                    }
                    try {
                        sync.pushPending();
                    } catch (CenterException e) {
                        cutRequests.incrementAndGet();
                    }
                    pause(40 + mine.nextInt(60));
                }
            }));

            for (int kill = 0; kill < killPoints; kill++) {
                pause(300 + random.nextInt(1200));
                kills.add(System.nanoTime());
                center.kill();
                center.start();
            }
            pause(500);
            stop.set(true);
            for (Thread t : workers) {
                t.join(TimeUnit.MINUTES.toMillis(1));
            }
            // the last restart may still be catching up on a starved machine: one push may time out, the journal
            // must settle within the deadline all the same
            long settleStarted = System.nanoTime();
            AtomicInteger settlePushesCut = new AtomicInteger();
            long settleMillis;
            try {
                Eventually.await(Duration.ofMinutes(2), "the journal settles once the center stays up", () -> {
                    try {
                        return sync.pushPending() == 0;
                    } catch (CenterException e) {
                        settlePushesCut.incrementAndGet();
                        return false;
                    }
                });
                settleMillis = (System.nanoTime() - settleStarted) / 1_000_000;
                LedgerAudit.awaitHoldsSwept(clerk, event.id());
            } catch (AssertionError e) {
                // both full H2 runs of 2026-12-06 ended here (after the 300th restart the center's pooled connections
                // never came back), and a CI-sized run once (its sweeper never lapsed the holds after the last
                // restart): the dump says what they wait for
                center.dumpThreads(Path.of("target", "faults", "center-kill-" + database + "-threads.txt"));
                throw e;
            }
            long sellerId = clerk.account().accountId();
            center.stop();

            FaultTally tally = new FaultTally(database.equals("H2") ? "center-kill" : "center-kill-postgresql");
            try (var audited = center.openDatabase()) {
                DSLContext db = audited.dsl();
                confirmed.forEach((saleId, sold) -> {
                    if (!db.fetchExists(SALE, SALE.ID.eq(saleId))) {
                        tally.lost("sale " + saleId + " was confirmed " + sinceKill(sold.answeredAt()) + " but is not in the database");
                    }
                    for (int t = 0; t < sold.ticketIds().size(); t++) {
                        String ticket = sold.ticketIds().get(t);
                        String status = db.select(TICKET.STATUS).from(TICKET).where(TICKET.ID.eq(ticket),
                                TICKET.SALE_ID.eq(saleId), TICKET.SEAT_ID.eq(sold.seatIds().get(t))).fetchOne(TICKET.STATUS);
                        String expected = voided.contains(ticket) ? "VOID" : "VALID";
                        if (status == null || !status.equals(expected) && !voidCut.contains(ticket)) {
                            tally.lost("ticket " + ticket + " (seat " + sold.seatIds().get(t) + ") of confirmed sale " + saleId
                                    + " " + sinceKill(sold.answeredAt()) + " is " + status + " in the database, not " + expected);
                        }
                    }
                });
                LedgerAudit.audit(tally, db, ledger, identity.terminalId(), event.id(), sellerId, false);
            }
            tally.report(killPoints + " kill points; " + CLIENTS + " clients; " + confirmed.size() + " online sales and "
                    + voided.size() + " voids confirmed, " + cutRequests.get() + " requests cut by a kill; journal " + ledger.journal(identity.terminalId()).size()
                    + " entries; slowest restart " + center.slowestStartMillis() + " ms; last stop: " + center.lastStop()
                    + "; journal settled in " + settleMillis
                    + " ms after the last restart (" + settlePushesCut.get() + " pushes cut)");
            assertThat(cutRequests.get()).as("the kills really cut requests").isPositive();
            assertThat(UNEXPECTED).as("answers other than sales, sold-out and dropped connections").isEmpty();
        } finally {
            stop.set(true);
            center.stop();
            center.keepLog(Path.of("target", "faults", "center-kill-" + database + ".log"));
        }
    }

    /** A sale the center confirmed (2xx): its tickets and their seats, and when the answer came. */
    record Sold(List<String> ticketIds, List<String> seatIds, long answeredAt) {}

    /** When each kill was sent, to place a lost sale in time. */
    private final List<Long> kills = java.util.Collections.synchronizedList(new ArrayList<>());

    /** "answered 12 ms before kill 3": how close a confirmed sale came to the next kill. */
    private String sinceKill(long answeredAt) {
        synchronized (kills) {
            for (int k = 0; k < kills.size(); k++) {
                if (kills.get(k) > answeredAt) {
                    return "(answered " + (kills.get(k) - answeredAt) / 1_000_000 + " ms before kill " + (k + 1) + ")";
                }
            }
        }
        return "(answered after the last kill)";
    }

    /** Hold and confirm through the HTTP API; a 2xx confirmation is remembered, a cut request is counted. */
    private static void sellOnline(CenterSession clerk, long eventId, Random random, Map<Long, Sold> confirmed,
                                   Deque<String> mySoldTickets, AtomicInteger cut) {
        try {
            Hold hold = clerk.holdBestAvailable(eventId, 1 + random.nextInt(2), random.nextBoolean() ? "stalls" : "stalls-premium");
            SaleResult sale = clerk.confirmSale(new ConfirmSale(hold.id(), new Customer(CustomerAuth.WALK_IN, null, null, null),
                    new Payment(PaymentMethod.CASH, null, null), List.of()));
            List<String> tickets = sale.tickets().stream().map(IssuedTicket::ticketId).toList();
            confirmed.put(sale.saleId(), new Sold(tickets, sale.tickets().stream().map(IssuedTicket::seatId).toList(),
                    System.nanoTime()));
            mySoldTickets.addAll(tickets);
        } catch (CenterProblemException e) {
            if (e.status() != 409) {
                UNEXPECTED.add(e.status() + " " + e.getMessage());
            }
            // the stalls are sold out, or the hold lapsed while the center was down: a normal answer
        } catch (CenterException e) {
            // the center died under the request: the next round tries again
            cut.incrementAndGet();
        }
    }

    /** Voids one of this client's tickets (its seat goes back on sale); a void cut by a kill may or may not be done. */
    private static void voidOne(CenterSession clerk, String ticketId, Set<String> voided, Set<String> voidCut,
                                AtomicInteger cut) {
        try {
            clerk.voidTicket(ticketId, "kill suite", false);
            voided.add(ticketId);
        } catch (CenterProblemException e) {
            if (e.status() == 409 && e.kind().equals("idempotency-key-in-flight")) {
                // the same void, sent again while the first one still ran: either may be the one that is done
                voidCut.add(ticketId);
            } else {
                UNEXPECTED.add("void " + ticketId + ": " + e.status() + " " + e.getMessage());
            }
        } catch (CenterException e) {
            voidCut.add(ticketId);
            cut.incrementAndGet();
        }
    }

    private static void pause(long millis) {
        Pause.millis(millis);
    }
}
