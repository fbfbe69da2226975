package dev.tessera.reader.gate;

import static dev.tessera.reader.support.SimTap.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.core.crypto.ChipSessionCrypto;
import dev.tessera.core.crypto.IssuerKeyPair;
import dev.tessera.core.ticket.PaperCode;
import dev.tessera.core.ticket.Ticket;
import dev.tessera.core.ticket.TicketCodec;
import dev.tessera.reader.center.CenterClient.GateChip;
import dev.tessera.reader.sim.SimulatedChip;
import dev.tessera.reader.support.SimTap;
import dev.tessera.reader.support.TestTickets;
import dev.tessera.reader.wallet.ChipInfo;
import dev.tessera.reader.wallet.ChipTicket;
import dev.tessera.reader.wallet.KeyRef;
import dev.tessera.reader.wallet.StoredTicket;
import dev.tessera.reader.wallet.WalletCard;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate offline, from its last sync only: refuses every kind of bad ticket and admits a genuine one once. */
class GateVerifierTest {

    private static final long EVENT = 4711;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path dir;
    private final byte[] accessKey = randomBytes(16);
    private final byte[] gateKey = randomBytes(16);
    private SimTap tap;
    private WalletCard card;
    private ChipInfo chip;
    private GateLog log;

    @BeforeEach
    void issueChip() throws Exception {
        tap = new SimTap();
        card = tap.card();
        card.select();
        card.personalize(randomBytes(8), accessKey, gateKey);
        chip = card.select();
        log = GateLog.open(dir.resolve("gate.log"));
    }

    @AfterEach
    void close() throws Exception {
        log.close();
        tap.close();
    }

    private GateTrust trust(Set<String> revoked) {
        return new GateTrust(EVENT, List.of(TestTickets.ISSUER.publicKey()), revoked,
                List.of(new GateChip(chip.chipIdHex(), chip.publicKey(), eventGateKey(EVENT))), 0);
    }

    /** The key the event's gate package carries for this chip (docs/card-protocol.md §7). */
    private byte[] eventGateKey(long eventId) {
        return ChipSessionCrypto.diversify(gateKey, (byte) 0x04, java.nio.ByteBuffer.allocate(8).putLong(eventId).array());
    }

    private GateVerifier gate(String gateId, GateTrust trust) {
        return new GateVerifier(trust, gateId, log, Clock.systemUTC(), Duration.ofMinutes(2));
    }

    private GateDecision tapAt(String gateId) {
        return gate(gateId, trust(Set.of())).tap(tap.card());
    }

    private Ticket ticket(long event, String gateId, Instant from, Instant until) {
        return TestTickets.ticket(chip.chipIdHex(), event, gateId, from, until, 1);
    }

    private Ticket valid() {
        return ticket(EVENT, "north", NOW.minus(1, ChronoUnit.HOURS), NOW.plus(3, ChronoUnit.HOURS));
    }

    private void write(ChipTicket... tickets) throws Exception {
        card.select();
        card.authenticate(KeyRef.ACCESS, accessKey);
        card.write(List.of(tickets));
    }

    @Test
    void theGenuineTicketIsAdmittedExactlyOnce() throws Exception {
        Ticket t = valid();
        write(TestTickets.sealed(t, TestTickets.ISSUER, chip));
        GateDecision first = tapAt("north");
        assertThat(first.verdict()).as(first.detail()).isEqualTo(Verdict.ADMITTED);
        assertThat(first.chipMarked()).isTrue();
        assertThat(first.message()).contains(t.seatId());
        assertThat(first.attendees()).as("claim 70: the names the ticket carries, for the gate's screen")
                .containsExactly("Hanako Yamada");
        assertThat(log.admitted(t.ticketId())).isTrue();
        GateDecision second = tapAt("north");
        assertThat(second.verdict()).isEqualTo(Verdict.ALREADY_USED);
        assertThat(second.attendees()).as("a refused copy names nobody").isEmpty();
        assertThat(second.message()).isEqualTo("This ticket has already been used.");
    }

    @Test
    void aReplayedCopyIsRefusedByTheLogEvenWhenTheChipForgot() throws Exception {
        Ticket t = valid();
        ChipTicket sealed = TestTickets.sealed(t, TestTickets.ISSUER, chip);
        write(sealed);
        assertThat(tapAt("north").verdict()).isEqualTo(Verdict.ADMITTED);
        card.select();
        card.authenticate(KeyRef.ACCESS, accessKey);
        card.delete(List.of(t.ticketId()));
        card.write(List.of(sealed));
        assertThat(card.list().getFirst().used()).as("restored unused copy").isFalse();
        GateDecision replay = tapAt("north");
        assertThat(replay.verdict()).isEqualTo(Verdict.ALREADY_USED);
        assertThat(replay.detail()).contains("replayed");
    }

    @Test
    void aForgedTicketIsRefused() throws Exception {
        write(TestTickets.sealed(valid(), IssuerKeyPair.generate(SimTap.RANDOM), chip));
        assertThat(tapAt("north").verdict()).isEqualTo(Verdict.FORGED);
    }

    @Test
    void anAlteredTicketIsRefused() throws Exception {
        Ticket t = valid();
        byte[] signed = TicketCodec.encodeSigned(t, TestTickets.ISSUER);
        signed[50] ^= 1;
        write(TestTickets.seal(t.ticketId(), 1, EVENT, signed, chip));
        assertThat(tapAt("north").verdict()).as("content changed after signing").isEqualTo(Verdict.FORGED);

        card.select();
        card.authenticate(KeyRef.ACCESS, accessKey);
        card.delete(List.of(t.ticketId()));
        byte[] envelope = TestTickets.sealed(t, TestTickets.ISSUER, chip).envelope();
        envelope[envelope.length - 20] ^= 1;
        card.write(List.of(new ChipTicket(t.ticketId(), 1, EVENT, envelope)));
        GateDecision d = tapAt("north");
        assertThat(d.verdict()).as("envelope changed on the chip").isEqualTo(Verdict.ALTERED);
        assertThat(d.message()).contains("altered");
    }

    @Test
    void aGateOfOneEventSeesReadsAndMarksOnlyItsOwnEventsTicket() throws Exception {
        long other = 4712;
        Ticket mine = valid();
        Ticket theirs = ticket(other, "north", NOW.minus(1, ChronoUnit.HOURS), NOW.plus(3, ChronoUnit.HOURS));
        ChipTicket sealedTheirs = TestTickets.sealed(theirs, TestTickets.ISSUER, chip);
        write(TestTickets.sealed(mine, TestTickets.ISSUER, chip), sealedTheirs);

        WalletCard gateA = tap.card();
        gateA.select();
        gateA.authenticateGate(EVENT, eventGateKey(EVENT));
        List<StoredTicket> seen = gateA.list();
        assertThat(seen).extracting(StoredTicket::cardTicketId).containsExactly(gateA.cardTicketId(mine.ticketId()));
        int theirSlot = seen.getFirst().slot() == 0 ? 1 : 0;
        assertThat(raw(0x80, 0xB0, theirSlot, new byte[0], 256)).as("READ of event B's slot").isEqualTo(0x6A88);
        java.util.UUID theirsOnCard = gateA.cardTicketId(theirs.ticketId());
        java.nio.ByteBuffer markTheirs = java.nio.ByteBuffer.allocate(18).putLong(theirsOnCard.getMostSignificantBits())
                .putLong(theirsOnCard.getLeastSignificantBits()).putShort((short) 1);
        assertThat(dev.tessera.reader.wallet.SessionMacs.secureSw(gateA, tap.transport, 0xE8, markTheirs.array(), 0))
                .as("MARK USED of event B's ticket").isEqualTo(0x6A88);
        byte[] theirEphemeral = java.util.Arrays.copyOfRange(sealedTheirs.envelope(), 4 + 8, 4 + 8 + 33);
        assertThat(dev.tessera.reader.wallet.SessionMacs.secureSw(gateA, tap.transport, 0x86,
                org.bouncycastle.asn1.sec.SECNamedCurves.getByName("secp256r1").getCurve().decodePoint(theirEphemeral)
                        .getEncoded(false), 256))
                .as("KEY AGREEMENT on event B's envelope").isEqualTo(0x6A88);

        GateDecision admitted = tapAt("north");
        assertThat(admitted.verdict()).as(admitted.detail()).isEqualTo(Verdict.ADMITTED);
        assertThat(admitted.ticketId()).isEqualTo(mine.ticketId());
        assertThat(tapAt("north").verdict()).as("B's ticket stays invisible to A's gate").isEqualTo(Verdict.ALREADY_USED);

        WalletCard keyB = tap.card();
        keyB.select();
        assertThatThrownBy(() -> keyB.authenticateGate(other, eventGateKey(EVENT)))
                .as("A's key does not open a session for B").isInstanceOf(dev.tessera.reader.wallet.CardProtocolException.class);
        keyB.select();
        keyB.authenticateGate(other, eventGateKey(other));
        assertThat(keyB.list()).as("B's gate sees B's ticket, unused").singleElement()
                .satisfies(s -> assertThat(s.used()).isFalse()).extracting(StoredTicket::cardTicketId)
                .isEqualTo(keyB.cardTicketId(theirs.ticketId()));
    }

    private int raw(int cla, int ins, int p1, byte[] data, int ne) throws Exception {
        return dev.tessera.reader.wallet.Apdu.response(tap.transport.transmit(
                dev.tessera.reader.wallet.Apdu.command(cla, ins, p1, 0, data, ne))).sw();
    }

    @Test
    void aRevokedVersionIsRefused() throws Exception {
        Ticket t = valid();
        write(TestTickets.sealed(t, TestTickets.ISSUER, chip));
        GateDecision d = gate("north", trust(Set.of(t.ticketId() + "/1"))).tap(tap.card());
        assertThat(d.verdict()).isEqualTo(Verdict.REVOKED);
        assertThat(log.admitted(t.ticketId())).isFalse();
    }

    @Test
    void wrongEventWrongGateTooEarlyAndExpiredAreRefused() throws Exception {
        write(TestTickets.sealed(ticket(999, "north", NOW.minusSeconds(60), NOW.plusSeconds(3600)), TestTickets.ISSUER, chip));
        assertThat(tapAt("north").verdict()).as("another event's ticket is invisible to this gate").isEqualTo(Verdict.NO_TICKET);
        Ticket mislabeled = ticket(999, "north", NOW.minusSeconds(60), NOW.plusSeconds(3600));
        write(TestTickets.seal(mislabeled.ticketId(), 1, EVENT, TicketCodec.encodeSigned(mislabeled, TestTickets.ISSUER), chip));
        assertThat(tapAt("north").verdict()).as("filed under this event, signed for another").isEqualTo(Verdict.WRONG_EVENT);
        write(TestTickets.sealed(ticket(EVENT, "south", NOW.minusSeconds(60), NOW.plusSeconds(3600)), TestTickets.ISSUER, chip));
        GateDecision wrongGate = tapAt("north");
        assertThat(wrongGate.verdict()).as("a ticket of this event outranks one of another").isEqualTo(Verdict.WRONG_GATE);
        assertThat(wrongGate.message()).isEqualTo("This ticket is for another entrance.");

        card.select();
        card.authenticate(KeyRef.ACCESS, accessKey);
        card.deleteStored(card.list());
        write(TestTickets.sealed(ticket(EVENT, "", NOW.minus(5, ChronoUnit.HOURS), NOW.minus(1, ChronoUnit.HOURS)),
                TestTickets.ISSUER, chip));
        assertThat(tapAt("north").verdict()).isEqualTo(Verdict.EXPIRED);
        card.select();
        card.authenticate(KeyRef.ACCESS, accessKey);
        card.deleteStored(card.list());
        write(TestTickets.sealed(ticket(EVENT, "", NOW.plus(2, ChronoUnit.HOURS), NOW.plus(5, ChronoUnit.HOURS)),
                TestTickets.ISSUER, chip));
        assertThat(tapAt("north").verdict()).isEqualTo(Verdict.TOO_EARLY);
    }

    /**
     * Issue 18: a member's chip with a seat and a standing place while the pit is marked full at the door: the seat
     * enters; the next tap says the area is full (the used seat beside it must not answer "already used"), and the
     * place enters once the area is open again.
     */
    @Test
    void aStandingPlaceHeldBackByAFullAreaIsWhatTheGateSaysEvenBesideAUsedSeat() throws Exception {
        Ticket seat = valid();
        Ticket v = valid();
        Ticket place = new Ticket(v.ticketId(), 1, EVENT, "PIT", "standing", "north", v.validFrom(), v.validUntil(),
                chip.chipIdHex(), List.of(), 4_000, "JPY", true);
        write(TestTickets.sealed(seat, TestTickets.ISSUER, chip), TestTickets.sealed(place, TestTickets.ISSUER, chip));
        java.util.Set<String> full = new java.util.HashSet<>(Set.of("PIT"));
        GateVerifier gate = new GateVerifier(trust(Set.of()), "north", log, Clock.systemUTC(), Duration.ofMinutes(2),
                full::contains);

        GateDecision first = gate.tap(tap.card());
        assertThat(first.verdict()).as(first.detail()).isEqualTo(Verdict.ADMITTED);
        assertThat(first.ticketId()).isEqualTo(seat.ticketId());
        GateDecision held = gate.tap(tap.card());
        assertThat(held.verdict()).as(held.detail()).isEqualTo(Verdict.AREA_FULL);
        assertThat(held.ticketId()).isEqualTo(place.ticketId());
        assertThat(held.admitted()).isFalse();

        full.clear();
        GateDecision in = gate.tap(tap.card());
        assertThat(in.verdict()).as(in.detail()).isEqualTo(Verdict.ADMITTED);
        assertThat(in.ticketId()).isEqualTo(place.ticketId());
        assertThat(gate.tap(tap.card()).verdict()).isEqualTo(Verdict.ALREADY_USED);
    }

    @Test
    void aCopiedChipIsRefused() throws Exception {
        Ticket t = valid();
        write(TestTickets.sealed(t, TestTickets.ISSUER, chip));
        card.select();
        // a keyless reader cannot read it (card protocol 1.2); say the copier got the bytes from a 1.1 chip
        card.authenticate(KeyRef.ACCESS, accessKey);
        byte[] stolenEnvelope = card.read(card.list().getFirst());

        // the copier personalizes a blank chip with the same id and its own keys, and copies the bytes over
        try (SimTap cloneTap = new SimTap(new SimulatedChip(), "Copier's reader")) {
            WalletCard clone = cloneTap.card();
            clone.select();
            byte[] copierKey = randomBytes(16);
            clone.personalize(chip.chipId(), copierKey, copierKey);
            clone.select();
            clone.authenticate(KeyRef.ACCESS, copierKey);
            clone.write(List.of(new ChipTicket(t.ticketId(), 1, EVENT, stolenEnvelope)));
            GateDecision d = gate("north", trust(Set.of())).tap(cloneTap.card());
            assertThat(d.verdict()).as(d.detail()).isEqualTo(Verdict.NOT_GENUINE);
            assertThat(d.message()).contains("copy");
        }
        assertThat(tapAt("north").verdict()).as("the genuine chip still enters").isEqualTo(Verdict.ADMITTED);
    }

    @Test
    void aTicketCopiedOntoAnotherChipIsRefused() throws Exception {
        Ticket forOtherChip = TestTickets.ticket("0102030405060708", EVENT, "north", NOW.minusSeconds(60),
                NOW.plusSeconds(3600), 1);
        write(TestTickets.sealed(forOtherChip, TestTickets.ISSUER, chip));
        assertThat(tapAt("north").verdict()).isEqualTo(Verdict.WRONG_CHIP);
    }

    @Test
    void unknownLockedAndEmptyChipsAreRefusedWithAReason() throws Exception {
        assertThat(tapAt("north").verdict()).isEqualTo(Verdict.NO_TICKET);
        GateTrust nobody = new GateTrust(EVENT, List.of(TestTickets.ISSUER.publicKey()), Set.of(), List.of(), 0);
        assertThat(gate("north", nobody).tap(tap.card()).verdict()).isEqualTo(Verdict.UNKNOWN_CHIP);
        card.select();
        card.authenticate(KeyRef.ACCESS, accessKey);
        card.lock();
        assertThat(tapAt("north").verdict()).isEqualTo(Verdict.CARD_BLOCKED);
    }

    @Test
    void theTrustAndTheLogSurviveARestart() throws Exception {
        Ticket t = valid();
        write(TestTickets.sealed(t, TestTickets.ISSUER, chip));
        GateTrust trust = trust(Set.of());
        Path file = dir.resolve("trust.json");
        trust.save(file);
        assertThat(gate("north", GateTrust.load(file)).tap(tap.card()).verdict()).isEqualTo(Verdict.ADMITTED);
        log.close();
        log = GateLog.open(dir.resolve("gate.log"));
        assertThat(log.admitted(t.ticketId())).isTrue();
        assertThat(log.unsynced()).hasSize(1);
    }

    @Test
    void aPaperTicketIsAdmittedOnceAndGarbageOrAChipTicketOnPaperIsRefused() throws Exception {
        GateVerifier gate = gate("north", trust(Set.of()));
        Ticket paper = TestTickets.ticket("", EVENT, "", NOW.minusSeconds(60), NOW.plusSeconds(3600), 1);
        String code = PaperCode.encode(TicketCodec.encodeSigned(paper, TestTickets.ISSUER));
        GateDecision first = gate.scanPaper(code + "\n");
        assertThat(first.verdict()).as(first.detail()).isEqualTo(Verdict.ADMITTED);
        assertThat(first.seatId()).isEqualTo(paper.seatId());
        assertThat(first.attendees()).as("read from the paper ticket's own bytes").containsExactly("Hanako Yamada");
        assertThat(log.admitted(paper.ticketId())).isTrue();
        assertThat(gate.scanPaper(code).verdict()).isEqualTo(Verdict.ALREADY_USED);

        assertThat(gate.scanPaper("hello, gate").verdict()).isEqualTo(Verdict.UNREADABLE);
        assertThat(gate.scanPaper(code.substring(0, 40)).verdict()).as("a partial scan").isEqualTo(Verdict.UNREADABLE);
        byte[] flipped = TicketCodec.encodeSigned(paper, TestTickets.ISSUER);
        flipped[30] ^= 1;
        assertThat(gate.scanPaper(java.util.Base64.getEncoder().encodeToString(flipped)).verdict()).isEqualTo(Verdict.FORGED);
        String chipTicket = java.util.Base64.getEncoder().encodeToString(TicketCodec.encodeSigned(valid(), TestTickets.ISSUER));
        assertThat(gate.scanPaper(chipTicket).verdict()).as("a chip's ticket printed").isEqualTo(Verdict.WRONG_CHIP);
        assertThat(gate.scanPaper("TK9:" + code.substring(4)).verdict()).as("an unknown paper code").isEqualTo(Verdict.UNREADABLE);
    }

    @Test
    void aPaperTicketPrintedBeforeThePaperCodeStillEnters() {
        GateVerifier gate = gate("north", trust(Set.of()));
        Ticket paper = TestTickets.ticket("", EVENT, "", NOW.minusSeconds(60), NOW.plusSeconds(3600), 1);
        String base64 = java.util.Base64.getEncoder().encodeToString(TicketCodec.encodeSigned(paper, TestTickets.ISSUER));

        GateDecision decision = gate.scanPaper(base64 + "\r\n");

        assertThat(decision.verdict()).as(decision.detail()).isEqualTo(Verdict.ADMITTED);
        assertThat(decision.ticketId()).isEqualTo(paper.ticketId());
    }
}
