package dev.tessera.reader.pcsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.CenterConfig;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.reader.applet.TearingProbe;
import dev.tessera.reader.center.CenterClient;
import dev.tessera.reader.conformance.ConformanceSweep;
import dev.tessera.reader.conformance.WalletSpec;
import dev.tessera.reader.counter.ChipIssuer;
import dev.tessera.reader.counter.TicketWriter;
import dev.tessera.reader.delivery.WalletWriterMain;
import dev.tessera.reader.gate.GateLog;
import dev.tessera.reader.gate.GateTrust;
import dev.tessera.reader.gate.GateVerifier;
import dev.tessera.reader.gate.Verdict;
import dev.tessera.reader.sim.PcscdProcess;
import dev.tessera.reader.sim.SimulatedChip;
import dev.tessera.reader.sim.VpcdBridge;
import dev.tessera.reader.support.Eventually;
import dev.tessera.reader.support.SimTap;
import dev.tessera.reader.wallet.CardGoneException;
import dev.tessera.reader.wallet.CardTransport;
import dev.tessera.reader.wallet.ChipInfo;
import dev.tessera.reader.wallet.ChipTicket;
import dev.tessera.reader.wallet.MeteredTransport;
import dev.tessera.reader.wallet.WalletCard;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.smartcardio.CardTerminal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import dev.tessera.reader.support.IssuedTickets;

/**
 * The main flows again over the real PC/SC stack: pcscd with the vsmartcard vpcd driver, and a simulated chip
 * bridged to it. The test starts pcscd itself and stops it by PID. Without pcscd it is skipped, unless
 * -Dtessera.test.pcsc=required (./tessera test), where it fails and says what to install.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PcscVpcdTest {

    private static final String READER = PcscdProcess.VIRTUAL_READER;

    @TempDir
    static Path dir;
    PcscdProcess pcscd;
    CardTerminal terminal;
    CenterFixture fx;
    Account seller;
    CenterClient counter;
    EventSetup event;

    @BeforeAll
    void startPcscd() throws Exception {
        boolean required = "required".equals(System.getProperty("tessera.test.pcsc"));
        java.util.Optional<String> missing = PcscdProcess.missing();
        if (missing.isPresent()) {
            if (required) {
                fail(missing.get() + " (-Dtessera.test.pcsc=required)");
            }
            Assumptions.abort(missing.get());
        }
        pcscd = PcscdProcess.start(dir, Duration.ofSeconds(10));
        terminal = pcscd.reader();
        fx = new CenterFixture(CenterConfig.h2FileUrl(dir.resolve("center")), "tessera");
        seller = fx.account(Role.SELLER);
        counter = CenterClient.login(fx.center.baseUri(), seller.loginId(), seller.password().toCharArray());
        event = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(SampleVenues.theatre(), 100)), Map.of());
    }

    @AfterAll
    void stopPcscd() throws Exception {
        if (fx != null) {
            fx.close();
        }
        if (pcscd != null) {
            pcscd.close();
        }
    }

    private VpcdBridge insert(SimulatedChip chip) throws Exception {
        return VpcdBridge.insert(chip, "127.0.0.1", VpcdBridge.DEFAULT_PORT);
    }

    JsonNode sell(int seats, WalletCard card) throws Exception {
        Response hold = seller.client().post("/api/events/" + event.eventId() + "/holds", Map.of("bestAvailable",
                Map.of("count", seats, "categoryId", event.map().categories().getFirst().id())));
        Response sale = seller.client().post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                "customer", dev.tessera.reader.flows.ProvenCard.customer(seller.client(), card), "payment", Map.of("method", "CARD")));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        sale.get("tickets").forEach(t -> saleOfTicket.put(t.get("ticketId").asText(), sale.get("saleId").asLong()));
        return sale.get("tickets");
    }

    /** The sale each sold ticket came from: what entitles the counter to a session on the chip it went to. */
    final Map<String, Long> saleOfTicket = new java.util.concurrent.ConcurrentHashMap<>();

    CenterClient.Entitlement saleOf(List<ChipTicket> tickets) {
        return CenterClient.Entitlement.sale(saleOfTicket.get(tickets.getFirst().ticketId().toString()));
    }

    long member(String login) {
        return seller.client().post("/api/members", Map.of("loginId", login, "password", "member-password",
                "displayName", "M " + login)).get("accountId").asLong();
    }

    @Test
    void issueWriteFourInOneTapAndAdmitAtTheGateThroughPcscd() throws Exception {
        SimulatedChip chip = new SimulatedChip();
        List<ReaderMonitor.Event> events = new CopyOnWriteArrayList<>();
        try (PcscReader reader = new PcscReader(terminal);
             ReaderMonitor monitor = new ReaderMonitor(reader, events::add).start(Duration.ofMillis(50))) {
            VpcdBridge bridge = insert(chip);
            assertThat(reader.waitForCard(Duration.ofSeconds(5))).isTrue();
            Eventually.await(Duration.ofSeconds(30), "the monitor reports the card",
                    () -> !events.isEmpty() && events.getLast() == ReaderMonitor.Event.CARD_PRESENT);
            String login = CenterFixture.unique("pcsc");
            ChipInfo info = new ChipIssuer(counter, SimTap.RANDOM).issue(new WalletCard(reader.connect()), member(login));
            List<ChipTicket> tickets = new ArrayList<>();
            JsonNode sold = sell(4, new WalletCard(reader.connect()));
            sold.forEach(t -> tickets.add(IssuedTickets.chipTicket(t)));
            MeteredTransport meter = new MeteredTransport(reader.connect());
            new TicketWriter(counter).write(new WalletCard(meter), info.chipIdHex(), tickets, saleOf(tickets));
            assertThat(meter.apdus()).isLessThanOrEqualTo(6);

            Account gateAccount = fx.account(Role.GATE);
            CenterClient gateClient = CenterClient.login(fx.center.baseUri(), gateAccount.loginId(),
                    gateAccount.password().toCharArray());
            try (GateLog log = GateLog.open(dir.resolve("gate.log"))) {
                GateVerifier gate = new GateVerifier(GateTrust.download(gateClient, event.eventId()),
                        sold.get(0).get("gateId").asText(), log, Clock.systemUTC(), Duration.ofMinutes(2));
                assertThat(gate.tap(new WalletCard(reader.connect())).verdict()).isEqualTo(Verdict.ADMITTED);
            }

            bridge.close();
            assertThat(reader.waitForRemoval(Duration.ofSeconds(5))).isTrue();
            // the card stays away until the monitor has reported it, so its next poll cannot miss the gap
            Eventually.await(Duration.ofSeconds(30), "the monitor reports the card gone",
                    () -> !events.isEmpty() && events.getLast() == ReaderMonitor.Event.CARD_ABSENT);
            WalletCard stale = new WalletCard(meter);
            assertThatThrownBy(stale::select).isInstanceOf(CardGoneException.class);
            try (VpcdBridge back = insert(chip)) {
                assertThat(reader.waitForCard(Duration.ofSeconds(5))).isTrue();
                WalletCard again = new WalletCard(reader.reconnect());
                assertThat(again.select().chipIdHex()).as("reconnect and re-SELECT").isEqualTo(info.chipIdHex());
                again.authenticate(dev.tessera.reader.wallet.KeyRef.ACCESS,
                        dev.tessera.center.chipkeys.ChipCards.staticKey(fx.center, false, info.chipIdHex()));
                assertThat(again.list()).hasSize(4);
                Eventually.await(Duration.ofSeconds(30), "the monitor reports the card back",
                        () -> events.getLast() == ReaderMonitor.Event.CARD_PRESENT);
                assertThat(events).containsSubsequence(ReaderMonitor.Event.CARD_PRESENT,
                        ReaderMonitor.Event.CARD_ABSENT, ReaderMonitor.Event.CARD_PRESENT);
            }
            assertThat(reader.waitForRemoval(Duration.ofSeconds(5))).isTrue();
        }
    }

    /** The conformance sweep's shape cases (every command, every Nc/Le shape) with a session, over PC/SC. */
    @Test
    void theAppletAnswersAsTheSpecSaysOverPcscd() throws Exception {
        List<VpcdBridge> inserted = new ArrayList<>();
        try (PcscReader reader = new PcscReader(terminal)) {
            ConformanceSweep sweep = new ConformanceSweep(() -> {
                for (VpcdBridge b : inserted) {
                    b.close();
                    assertThat(reader.waitForRemoval(Duration.ofSeconds(5))).isTrue();
                }
                inserted.clear();
                inserted.add(insert(new SimulatedChip()));
                assertThat(reader.waitForCard(Duration.ofSeconds(5))).isTrue();
                return answering(reader);
            });
            long start = System.nanoTime();
            ConformanceSweep.Result result = sweep.run(List.of(WalletSpec.State.ACCESS_SESSION),
                    ConformanceSweep.shapeCases());
            System.out.printf("CONFORMANCE pcscd: %d cases, %d APDUs, %d ms, answers %s%n", result.cases(),
                    result.apdus(), (System.nanoTime() - start) / 1_000_000, result.statusWords());
            assertThat(result.failures()).isEmpty();
        } finally {
            inserted.forEach(VpcdBridge::close);
        }
    }

    /** A transport to the card just put on the reader, once it answers: pcscd may report it before it is powered. */
    private static CardTransport answering(PcscReader reader) throws Exception {
        CardGoneException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                CardTransport transport = reader.reconnect();
                new WalletCard(transport).select();
                return transport;
            } catch (CardGoneException notYet) {
                last = notYet;
                Thread.sleep(100);
            }
        }
        throw last;
    }

    @Test
    void aCardPulledInsideAWriteHoldsTheOldStateAndTheWalletWriterFinishesTheJob() throws Exception {
        SimulatedChip chip = new SimulatedChip();
        String login = CenterFixture.unique("writer");
        try (PcscReader reader = new PcscReader(terminal)) {
            insert(chip);
            assertThat(reader.waitForCard(Duration.ofSeconds(5))).isTrue();
            ChipInfo info = new ChipIssuer(counter, SimTap.RANDOM).issue(new WalletCard(reader.connect()), member(login));
            List<ChipTicket> tickets = new ArrayList<>();
            sell(2, new WalletCard(reader.connect())).forEach(t -> tickets.add(IssuedTickets.chipTicket(t)));
            TearingProbe.armAfter((short) 5);
            try {
                assertThatThrownBy(() -> new TicketWriter(counter).write(new WalletCard(reader.connect()),
                        info.chipIdHex(), tickets, saleOf(tickets))).isInstanceOf(CardGoneException.class);
            } finally {
                TearingProbe.disable();
            }
            assertThat(reader.waitForRemoval(Duration.ofSeconds(5))).isTrue();
            try (VpcdBridge bridge = insert(chip)) {
                assertThat(reader.waitForCard(Duration.ofSeconds(5))).isTrue();
                WalletCard card = new WalletCard(reader.reconnect());
                card.select();
                card.authenticate(dev.tessera.reader.wallet.KeyRef.ACCESS,
                        dev.tessera.center.chipkeys.ChipCards.staticKey(fx.center, false, info.chipIdHex()));
                assertThat(card.list()).as("nothing half-written").isEmpty();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int code = WalletWriterMain.run(new String[] {"--center", fx.center.baseUri().toString(), "--login", login,
                        "--reader", READER, "--wait", "5"}, Map.of("TESSERA_PASSWORD", "member-password"),
                        new PrintStream(out), new PrintStream(out));
                assertThat(code).as(out.toString()).isEqualTo(WalletWriterMain.OK);
                assertThat(out.toString()).contains("2 ticket(s) written");
                assertThat(bridge.connected()).isTrue();
            }
        }
    }
}
