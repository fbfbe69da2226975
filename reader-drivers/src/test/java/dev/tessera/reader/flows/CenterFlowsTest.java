package dev.tessera.reader.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.center.CenterConfig;
import dev.tessera.center.support.ApiClient;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.center.support.CenterFixture.EventSetup;
import dev.tessera.core.model.Role;
import dev.tessera.core.seatmap.SampleVenues;
import dev.tessera.reader.center.CenterClient;
import dev.tessera.reader.counter.ChipIssuer;
import dev.tessera.reader.counter.TicketWriter;
import dev.tessera.reader.delivery.WalletWriterMain;
import dev.tessera.reader.gate.GateDecision;
import dev.tessera.reader.gate.GateLog;
import dev.tessera.reader.gate.GateTrust;
import dev.tessera.reader.gate.GateVerifier;
import dev.tessera.reader.gate.Verdict;
import dev.tessera.reader.support.SimTap;
import dev.tessera.reader.wallet.ChipInfo;
import dev.tessera.reader.wallet.ChipTicket;
import dev.tessera.reader.wallet.MeteredTransport;
import dev.tessera.reader.wallet.StoredTicket;
import dev.tessera.reader.wallet.WalletCard;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import dev.tessera.reader.support.IssuedTickets;

/** Issue, transfer, internet delivery and the gate, end to end with a real center on an H2 file. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CenterFlowsTest {

    @TempDir
    static Path dir;
    CenterFixture fx;
    Account seller;
    Account gateAccount;
    CenterClient counter;
    EventSetup event;
    /** Gate logs a test opened, closed after it so that no file stays open in the folder. */
    final List<GateLog> openGateLogs = new ArrayList<>();

    @BeforeAll
    void startCenter() throws Exception {
        fx = new CenterFixture(CenterConfig.h2FileUrl(dir.resolve("center")), "tessera");
        seller = fx.account(Role.SELLER);
        gateAccount = fx.account(Role.GATE);
        counter = CenterClient.login(fx.center.baseUri(), seller.loginId(), seller.password().toCharArray());
        event = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(SampleVenues.theatre(), 100)), Map.of());
    }

    @AfterEach
    void closeGateLogs() throws Exception {
        for (GateLog log : openGateLogs) {
            log.close();
        }
        openGateLogs.clear();
    }

    @AfterAll
    void stopCenter() {
        fx.close();
    }

    /** Claim 31: a member account and a blank chip issued to it at the counter. */
    MemberCard issueMemberCard(String name) throws Exception {
        String login = CenterFixture.unique(name);
        Response member = seller.client().post("/api/members", Map.of("loginId", login, "password", "member-password",
                "displayName", "Member " + name));
        assertThat(member.status()).as(member.body()).isEqualTo(201);
        long memberId = member.get("accountId").asLong();
        SimTap tap = new SimTap();
        ChipInfo chip = new ChipIssuer(counter, SimTap.RANDOM).issue(tap.card(), memberId);
        taps.put(chip.chipIdHex(), tap);
        return new MemberCard(memberId, login, tap, chip, fx.anonymous.login(login, "member-password"));
    }

    record MemberCard(long memberId, String login, SimTap tap, ChipInfo chip, ApiClient api) {
        String chipId() {
            return chip.chipIdHex();
        }
    }

    /** The simulated member cards by chip id, to prove themselves at the sale (issue 15). */
    final Map<String, SimTap> taps = new java.util.concurrent.ConcurrentHashMap<>();

    JsonNode sell(int seats, String chipId) throws Exception {
        return sell(event, seats, chipId);
    }

    JsonNode sell(EventSetup of, int seats, String chipId) throws Exception {
        Response hold = seller.client().post("/api/events/" + of.eventId() + "/holds", Map.of("bestAvailable",
                Map.of("count", seats, "categoryId", of.map().categories().getFirst().id())));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        Response sale = seller.client().post("/api/sales", Map.of("holdId", hold.get("id").asLong(),
                "customer", ProvenCard.customer(seller.client(), taps.get(chipId).card()), "payment", Map.of("method", "CARD")));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        sale.get("tickets").forEach(t -> saleOfTicket.put(t.get("ticketId").asText(), sale.get("saleId").asLong()));
        return sale.get("tickets");
    }

    /** The sale each sold ticket came from: what entitles the counter to a session on the chip it went to. */
    final Map<String, Long> saleOfTicket = new java.util.concurrent.ConcurrentHashMap<>();

    CenterClient.Entitlement saleOf(List<ChipTicket> tickets) {
        return CenterClient.Entitlement.sale(saleOfTicket.get(tickets.getFirst().ticketId().toString()));
    }

    CenterClient.Entitlement saleOf(JsonNode sold) {
        return saleOf(chipTickets(sold));
    }

    static List<ChipTicket> chipTickets(JsonNode issued) {
        return IssuedTickets.chipTickets(issued);
    }

    /** The chip in the field with an access session, as the test sees it: the key the center keeps (LIST needs one). */
    WalletCard withKey(MemberCard m) throws Exception {
        WalletCard card = m.tap().card();
        card.select();
        card.authenticate(dev.tessera.reader.wallet.KeyRef.ACCESS,
                dev.tessera.center.chipkeys.ChipCards.staticKey(fx.center, false, m.chipId()));
        return card;
    }

    GateVerifier gate(String gateId, String logName) throws Exception {
        CenterClient gateClient = CenterClient.login(fx.center.baseUri(), gateAccount.loginId(),
                gateAccount.password().toCharArray());
        GateLog log = GateLog.open(dir.resolve(logName));
        openGateLogs.add(log);
        return new GateVerifier(GateTrust.download(gateClient, event.eventId()), gateId, log, Clock.systemUTC(),
                Duration.ofMinutes(2));
    }

    @Test
    void aBlankChipBecomesAMembersCardAndTakesFourTicketsInOneTap() throws Exception {
        MemberCard alice = issueMemberCard("alice");
        Response registered = seller.client().get("/api/chips/" + alice.chipId());
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.get("memberId").asLong()).isEqualTo(alice.memberId());
        assertThat(registered.get("publicKey").asText()).isEqualTo(SimTap.hex(alice.chip().publicKey()));

        JsonNode sold = sell(4, alice.chipId());
        MeteredTransport meter = new MeteredTransport(alice.tap().transport);
        TicketWriter.Result result = new TicketWriter(counter).write(new WalletCard(meter), alice.chipId(), chipTickets(sold),
                saleOf(sold));
        assertThat(result.written()).isEqualTo(4);
        assertThat(meter.apdus()).as("round trips for 4 tickets").isLessThanOrEqualTo(6);

        WalletCard card = alice.tap().card();
        card.select();
        assertThatThrownBy(card::list).as("a keyless reader lists nothing (card protocol 1.2)")
                .hasMessageContaining("6982");
        card.authenticate(dev.tessera.reader.wallet.KeyRef.ACCESS, counter.sessions(saleOf(sold)));
        assertThat(card.list()).extracting(StoredTicket::cardTicketId)
                .containsExactlyInAnyOrderElementsOf(chipTickets(sold).stream().map(t -> card.cardTicketId(t.ticketId())).toList());

        GateVerifier gate = gate(sold.get(0).get("gateId").asText(), "issue-gate.log");
        GateDecision first = gate.tap(alice.tap().card());
        assertThat(first.verdict()).as(first.detail()).isEqualTo(Verdict.ADMITTED);
        alice.tap().close();
    }

    @Test
    void aCounterWithoutTheSaleGetsNoSessionAndTheChipIsUntouched() throws Exception {
        MemberCard yuki = issueMemberCard("yuki");
        JsonNode sold = sell(2, yuki.chipId());
        Account other = fx.account(Role.SELLER);
        CenterClient otherCounter = CenterClient.login(fx.center.baseUri(), other.loginId(), other.password().toCharArray());
        MeteredTransport meter = new MeteredTransport(yuki.tap().transport);
        assertThatThrownBy(() -> new TicketWriter(otherCounter).write(new WalletCard(meter), yuki.chipId(),
                chipTickets(sold), saleOf(sold)))
                .isInstanceOfSatisfying(dev.tessera.reader.center.CenterException.class,
                        e -> assertThat(e.status()).isEqualTo(403));
        assertThat(meter.apdus()).as("SELECT and AUTH INIT only: no AUTH VERIFY without the center").isEqualTo(2);
        // a member's delivery session is for its own chip only
        MemberCard ren = issueMemberCard("ren");
        CenterClient asRen = CenterClient.login(fx.center.baseUri(), ren.login(), "member-password".toCharArray());
        WalletCard tapped = yuki.tap().card();
        tapped.select();
        assertThatThrownBy(() -> tapped.authenticate(dev.tessera.reader.wallet.KeyRef.ACCESS,
                asRen.sessions(CenterClient.Entitlement.delivery())))
                .isInstanceOfSatisfying(CenterClient.SessionRefused.class,
                        e -> assertThat(e.centerException().status()).isEqualTo(403));
        assertThat(tapped.authenticated()).isFalse();
        assertThat(withKey(yuki).list()).as("nothing written").isEmpty();
        // the seller of the sale writes them
        assertThat(new TicketWriter(counter).write(yuki.tap().card(), yuki.chipId(), chipTickets(sold), saleOf(sold))
                .written()).isEqualTo(2);
        yuki.tap().close();
        ren.tap().close();
    }

    @Test
    void aTransferMovesTheTicketAndTheOldCopyStopsAtTheGate() throws Exception {
        MemberCard alice = issueMemberCard("assignor");
        MemberCard bob = issueMemberCard("assignee");
        JsonNode sold = sell(1, alice.chipId());
        TicketWriter writer = new TicketWriter(counter);
        writer.write(alice.tap().card(), alice.chipId(), chipTickets(sold), saleOf(sold));
        String ticketId = sold.get(0).get("ticketId").asText();

        Response transfer = alice.api().post("/api/transfers", Map.of("ticketId", ticketId, "toChipId", bob.chipId(),
                "transferPassword", "swordfish-42"));
        assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
        Response accepted = bob.api().post("/api/transfers/" + transfer.get("transferId").asLong() + "/accept",
                Map.of("transferPassword", "swordfish-42"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.get("deleteFromChipId").asText()).isEqualTo(alice.chipId());

        // the assignee's chip is at the counter; the assignor's is not
        long transferId = accepted.get("transferId").asLong();
        writer.write(bob.tap().card(), bob.chipId(), List.of(IssuedTickets.chipTicket(accepted.get("ticket"))),
                CenterClient.Entitlement.transfer(transferId));
        String gateId = sold.get(0).get("gateId").asText();
        GateVerifier gate = gate(gateId, "transfer-gate.log");
        GateDecision old = gate.tap(alice.tap().card());
        assertThat(old.verdict()).as(old.detail()).isEqualTo(Verdict.REVOKED);
        GateDecision moved = gate.tap(bob.tap().card());
        assertThat(moved.verdict()).as(moved.detail()).isEqualTo(Verdict.ADMITTED);
        assertThat(moved.version()).isEqualTo(2);

        // the assignor taps later: the old copy is deleted
        TicketWriter.Result deleted = writer.deleteTransferred(alice.tap().card(), alice.chipId(), UUID.fromString(ticketId), transferId);
        assertThat(deleted.deleted()).isEqualTo(1);
        assertThat(withKey(alice).list()).isEmpty();
        assertThat(writer.deleteTransferred(alice.tap().card(), alice.chipId(), UUID.fromString(ticketId), transferId).deleted())
                .as("a second tap finds nothing to do").isZero();
        alice.tap().close();
        bob.tap().close();
    }

    @Test
    void theWalletWriterDeliversTheChipsPackage() throws Exception {
        MemberCard hana = issueMemberCard("hana");
        JsonNode sold = sell(3, hana.chipId());
        CenterClient asMember = CenterClient.login(fx.center.baseUri(), hana.login(), "member-password".toCharArray());
        TicketWriter.Result result = WalletWriterMain.deliver(asMember, hana.tap().reader, Duration.ofSeconds(5));
        assertThat(result.written()).isEqualTo(3);
        assertThat(result.chipId()).isEqualTo(hana.chipId());
        assertThat(WalletWriterMain.deliver(asMember, hana.tap().reader, Duration.ofSeconds(5)).written())
                .as("delivering twice writes nothing new").isZero();
        assertThat(withKey(hana).list()).hasSize(3);
        assertThat(sold).hasSize(3);
        hana.tap().close();
    }

    @Test
    void theGateReportsAdmissionsAndTheCenterRefusesAReplay() throws Exception {
        MemberCard kenji = issueMemberCard("kenji");
        JsonNode sold = sell(1, kenji.chipId());
        new TicketWriter(counter).write(kenji.tap().card(), kenji.chipId(), chipTickets(sold), saleOf(sold));
        String gateId = sold.get(0).get("gateId").asText();
        CenterClient gateClient = CenterClient.login(fx.center.baseUri(), gateAccount.loginId(),
                gateAccount.password().toCharArray());
        try (GateLog log = GateLog.open(dir.resolve("sync-gate.log"))) {
            GateVerifier gate = new GateVerifier(GateTrust.download(gateClient, event.eventId()), gateId, log,
                    Clock.systemUTC(), Duration.ofMinutes(2));
            assertThat(gate.tap(kenji.tap().card()).verdict()).isEqualTo(Verdict.ADMITTED);
            assertThat(log.syncTo(gateClient, event.eventId())).isEqualTo(1);
            assertThat(log.unsynced()).isEmpty();
        }
        Response status = seller.client().get("/api/chips/" + kenji.chipId() + "/tickets");
        assertThat(status.get("tickets")).as("a used ticket leaves the chip's package").isEmpty();
        kenji.tap().close();
    }

    @Test
    void aGateOfEventASeesReadsAndMarksOnlyEventAsTicketOnAChipHoldingBoth() throws Exception {
        EventSetup other = fx.publishedTheatreEvent(Map.of(seller, CenterFixture.quotaForAll(SampleVenues.theatre(), 100)),
                Map.of());
        MemberCard mia = issueMemberCard("mia");
        JsonNode soldA = sell(event, 1, mia.chipId());
        JsonNode soldB = sell(other, 1, mia.chipId());
        new TicketWriter(counter).write(mia.tap().card(), mia.chipId(), chipTickets(soldA), saleOf(soldA));
        new TicketWriter(counter).write(mia.tap().card(), mia.chipId(), chipTickets(soldB), saleOf(soldB));
        UUID ticketA = chipTickets(soldA).getFirst().ticketId();
        UUID ticketB = chipTickets(soldB).getFirst().ticketId();
        CenterClient gateClient = CenterClient.login(fx.center.baseUri(), gateAccount.loginId(),
                gateAccount.password().toCharArray());

        // online: the center opens a gate session for event A; the card shows it A's ticket only
        WalletCard online = mia.tap().card();
        online.select();
        online.authenticateGate(event.eventId(), gateClient.sessions(CenterClient.Entitlement.gate(event.eventId())));
        List<StoredTicket> seen = online.list();
        assertThat(seen).extracting(StoredTicket::cardTicketId).containsExactly(online.cardTicketId(ticketA));
        byte[] opened = dev.tessera.core.crypto.ChipEnvelope.open(online.read(seen.getFirst()), mia.chip().chipId(),
                online.agent());
        assertThat(dev.tessera.core.ticket.TicketCodec.decode(opened).ticket().eventId()).isEqualTo(event.eventId());
        int slotB = seen.getFirst().slot() == 0 ? 1 : 0;
        assertThat(dev.tessera.reader.wallet.Apdu.response(mia.tap().transport.transmit(
                dev.tessera.reader.wallet.Apdu.command(0x80, 0xB0, slotB, 0, null, 256))).sw())
                .as("READ of B's slot in A's session").isEqualTo(0x6A88);
        UUID ticketBOnCard = online.cardTicketId(ticketB);
        java.nio.ByteBuffer markB = java.nio.ByteBuffer.allocate(18).putLong(ticketBOnCard.getMostSignificantBits())
                .putLong(ticketBOnCard.getLeastSignificantBits()).putShort((short) 1);
        assertThat(dev.tessera.reader.wallet.SessionMacs.secureSw(online, mia.tap().transport, 0xE8, markB.array(), 0))
                .as("MARK USED of B's ticket in A's session").isEqualTo(0x6A88);

        // offline: A's gate package opens A's ticket only, and its key opens no session for B
        GateTrust trustA = GateTrust.download(gateClient, event.eventId());
        WalletCard withAsKey = mia.tap().card();
        withAsKey.select();
        assertThatThrownBy(() -> withAsKey.authenticateGate(other.eventId(), trustA.chip(mia.chipId()).orElseThrow().gateKey()))
                .isInstanceOf(dev.tessera.reader.wallet.CardProtocolException.class);
        String gateId = soldA.get(0).get("gateId").asText();
        try (GateLog logA = GateLog.open(dir.resolve("two-events-a.log"));
             GateLog logB = GateLog.open(dir.resolve("two-events-b.log"))) {
            GateVerifier gateA = new GateVerifier(trustA, gateId, logA, Clock.systemUTC(), Duration.ofMinutes(2));
            GateDecision first = gateA.tap(mia.tap().card());
            assertThat(first.verdict()).as(first.detail()).isEqualTo(Verdict.ADMITTED);
            assertThat(first.ticketId()).isEqualTo(ticketA);
            assertThat(gateA.tap(mia.tap().card()).verdict()).as("B's ticket is not A's gate's to judge")
                    .isEqualTo(Verdict.ALREADY_USED);
            GateVerifier gateB = new GateVerifier(GateTrust.download(gateClient, other.eventId()),
                    soldB.get(0).get("gateId").asText(), logB, Clock.systemUTC(), Duration.ofMinutes(2));
            GateDecision atB = gateB.tap(mia.tap().card());
            assertThat(atB.verdict()).as("A's gate left B's ticket unused: " + atB.detail()).isEqualTo(Verdict.ADMITTED);
            assertThat(atB.ticketId()).isEqualTo(ticketB);
        }
        mia.tap().close();
    }

    @Test
    void theWalletWriterCommandLineExplainsItsUsage() {
        var err = new java.io.ByteArrayOutputStream();
        int code = WalletWriterMain.run(new String[] {"--center"}, Map.of(), System.out, new java.io.PrintStream(err));
        assertThat(code).isEqualTo(WalletWriterMain.USAGE);
        assertThat(err.toString()).contains("usage");
    }
}
