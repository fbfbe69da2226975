package dev.tessera.reader.conformance;

import static dev.tessera.reader.conformance.ConformanceSweep.sw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.core.crypto.ChipKeys;
import dev.tessera.reader.conformance.WalletSpec.Life;
import dev.tessera.reader.conformance.WalletSpec.State;
import dev.tessera.reader.sim.SimulatedChip;
import dev.tessera.reader.wallet.CardTransport;
import dev.tessera.reader.wallet.ChipTicket;
import dev.tessera.reader.wallet.KeyRef;
import dev.tessera.reader.wallet.SessionMacs;
import dev.tessera.reader.wallet.StoredTicket;
import dev.tessera.reader.wallet.WalletCard;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The applet against docs/card-protocol.md 1.2, in the JVM: a sweep of CLA × INS × P1 P2 × APDU shapes in every
 * life-cycle state ({@link WalletSpec} holds the §4 table and the §5.1 order of checks), then the rules the sweep
 * cannot reach with a MAC that never verifies: SELECT, WRITE chains, MAC-first WRITE, LIST/READ Le, the curve.
 */
class ConformanceTest {

    private static final List<State> ALL_STATES = List.of(State.values());

    private final ConformanceSweep sweep = new ConformanceSweep(() -> new SimulatedChip().simulator()::transmitCommand);

    @Test
    void everyStateAnswersEveryHeaderAndShapeAsTheSpecSays() throws Exception {
        List<Apdus.Command> cases = ConformanceSweep.headerCases();
        long start = System.nanoTime();
        ConformanceSweep.Result result = sweep.run(ALL_STATES, cases);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("CONFORMANCE in-JVM: %d cases (CLA × INS × P1 P2 × shape) per state %s, %d APDUs, %d ms,"
                        + " %d failures; answers %s%n", cases.size(), result.casesPerState(), result.apdus(), millis,
                result.failures().size(), result.statusWords());
        assertThat(result.failures()).as("commands that did not answer as docs/card-protocol.md says:%n%s",
                String.join("\n", result.failures().subList(0, Math.min(60, result.failures().size())))).isEmpty();
    }

    // ---- §4.1 SELECT ----

    @Test
    void selectAnswersTheInfoBlockOnlyAsTheTableSays() throws Exception {
        CardTransport chip = sweep.chipIn(State.PERSONALIZED);
        List<String> before = sweep.snapshot(chip, Life.PERSONALIZED);
        assertThat(sw(send(chip, WalletSpec.CLA_ISO, WalletSpec.SELECT, 4, 0, WalletSpec.AID, 256, false)))
                .isEqualTo(WalletSpec.OK);
        byte[] info = send(chip, WalletSpec.CLA_ISO, WalletSpec.SELECT, 4, 0, WalletSpec.AID, WalletSpec.INFO_FULL, false);
        assertThat(info).hasSize(WalletSpec.INFO_FULL + 2);
        assertThat(sw(send(chip, WalletSpec.CLA_ISO, WalletSpec.SELECT, 4, 0, WalletSpec.AID, WalletSpec.INFO_FULL - 1,
                false))).as("Ne below the info block").isEqualTo(WalletSpec.WRONG_LENGTH);
        assertThat(sw(send(chip, WalletSpec.CLA_ISO, WalletSpec.SELECT, 4, 0, WalletSpec.AID, 0, false)))
                .as("no Le").isEqualTo(WalletSpec.WRONG_LENGTH);
        assertThat(sw(send(chip, WalletSpec.CLA_ISO, WalletSpec.SELECT, 4, 0x0C, WalletSpec.AID, 256, false)))
                .as("P2 0C selects, but is not the table's P2").isEqualTo(WalletSpec.WRONG_P1P2);
        assertThat(sw(send(chip, WalletSpec.CLA_ISO, WalletSpec.SELECT, 4, 0, WalletSpec.AID, 256, true)))
                .as("an extended SELECT is not a selection").isEqualTo(WalletSpec.APPLICATION_NOT_FOUND);
        byte[] otherAid = WalletSpec.AID.clone();
        otherAid[7] = 0x02;
        assertThat(sw(send(chip, WalletSpec.CLA_ISO, WalletSpec.SELECT, 4, 0, otherAid, 256, false)))
                .as("another AID").isEqualTo(WalletSpec.APPLICATION_NOT_FOUND);
        assertThat(sw(send(chip, WalletSpec.CLA_ISO, WalletSpec.SELECT, 0, 0, WalletSpec.AID, 256, false)))
                .isEqualTo(WalletSpec.WRONG_P1P2);
        assertThat(sw(send(chip, WalletSpec.CLA_PLAIN, WalletSpec.SELECT, 4, 0, WalletSpec.AID, 256, false)))
                .isEqualTo(WalletSpec.CLA_NOT_SUPPORTED);
        assertThat(sweep.snapshot(chip, Life.PERSONALIZED)).isEqualTo(before);
    }

    // ---- §4.5 sessions and WRITE chains ----

    @Test
    void anotherCommandInsideAWriteChainEndsTheChainAndTheSession() throws Exception {
        for (int ins : WalletSpec.TABLE.keySet()) {
            if (ins == WalletSpec.WRITE || ins == WalletSpec.SELECT) {
                continue;
            }
            CardTransport chip = sweep.chipIn(State.ACCESS_SESSION);
            List<String> before = sweep.snapshot(chip, Life.PERSONALIZED);
            WalletCard card = sweep.card(chip);
            card.authenticate(KeyRef.ACCESS, sweep.accessKey());
            assertThat(sw(send(chip, WalletSpec.CLA_SECURE | WalletSpec.CHAINING_BIT, WalletSpec.WRITE, 0, 0, new byte[40],
                    0, false))).isEqualTo(WalletSpec.OK);
            assertThat(sw(send(chip, WalletSpec.CLA_PLAIN, ins, 0, 0, new byte[0], 256, false)))
                    .as("INS %02X inside a chain", ins).isEqualTo(WalletSpec.LAST_COMMAND_EXPECTED);
            assertThat(sw(send(chip, WalletSpec.CLA_SECURE, WalletSpec.LOCK, 0, 0, new byte[8], 0, false)))
                    .as("the session ended").isEqualTo(WalletSpec.SECURITY_NOT_SATISFIED);
            assertThat(sweep.snapshot(chip, Life.PERSONALIZED)).isEqualTo(before);
        }
    }

    @Test
    void aBlockRefusedInsideAChainEndsTheSessionARefusalBeforeTheMacDoesNot() throws Exception {
        CardTransport chip = sweep.chipIn(State.PERSONALIZED);
        WalletCard card = sweep.card(chip);
        card.select();
        card.authenticate(KeyRef.ACCESS, sweep.accessKey());
        assertThat(sw(send(chip, WalletSpec.CLA_SECURE, WalletSpec.DELETE, 1, 0, new byte[25], 256, false)))
                .isEqualTo(WalletSpec.WRONG_P1P2);
        assertThat(sw(send(chip, WalletSpec.CLA_SECURE, WalletSpec.WRITE, 0, 0, new byte[40], 0, false)))
                .as("WRITE without Le, refused before the MAC").isEqualTo(WalletSpec.WRONG_LENGTH);
        List<StoredTicket> stored = card.list();
        card.markUsed(stored.getFirst());
        assertThat(card.authenticated()).as("the session survived the refusals before the MAC").isTrue();

        assertThat(sw(send(chip, WalletSpec.CLA_SECURE | WalletSpec.CHAINING_BIT, WalletSpec.WRITE, 0, 0, new byte[40],
                0, false))).isEqualTo(WalletSpec.OK);
        assertThat(sw(send(chip, WalletSpec.CLA_SECURE | WalletSpec.CHAINING_BIT, WalletSpec.WRITE, 0, 1, new byte[40],
                0, false))).as("a chained block with a wrong P2").isEqualTo(WalletSpec.WRONG_P1P2);
        assertThat(sw(send(chip, WalletSpec.CLA_SECURE, WalletSpec.LOCK, 0, 0, new byte[8], 0, false)))
                .as("the chain and the session ended").isEqualTo(WalletSpec.SECURITY_NOT_SATISFIED);
    }

    // ---- §4.10 WRITE: the MAC before the stream ----

    @Test
    void writeAnswersAWrongOrMissingMacBeforeAnythingWrongInItsStream() throws Exception {
        CardTransport chip = sweep.chipIn(State.PERSONALIZED);
        WalletCard card = sweep.card(chip);
        List<String> before = sweep.snapshot(chip, Life.PERSONALIZED);
        byte[][] malformed = {
            {0},                                              // count 0
            {1, 1, 2, 3},                                     // short stream
            stream(1, 1, 700),                                // length above 600
            stream(2, 1, 10),                                 // count 2, one entry
            Arrays.copyOf(stream(1, 1, 10), 40),              // bytes after the last entry
        };
        for (byte[] data : malformed) {
            for (boolean chained : new boolean[] {false, true}) {
                card.select();
                card.authenticate(KeyRef.ACCESS, sweep.accessKey());
                byte[] wrongMac = Arrays.copyOf(data, data.length + WalletSpec.MAC_LENGTH);
                assertThat(sendWrite(chip, wrongMac, chained)).as("wrong MAC").isEqualTo(WalletSpec.MAC_INVALID);
                assertThat(sw(send(chip, WalletSpec.CLA_SECURE, WalletSpec.LOCK, 0, 0, new byte[8], 0, false)))
                        .as("6988 closed the session").isEqualTo(WalletSpec.SECURITY_NOT_SATISFIED);
                assertThat(sweep.snapshot(chip, Life.PERSONALIZED)).isEqualTo(before);
            }
        }
        card.select();
        card.authenticate(KeyRef.ACCESS, sweep.accessKey());
        assertThat(sendWrite(chip, new byte[] {1, 2, 3}, true)).as("missing MAC").isEqualTo(WalletSpec.MAC_MISSING);
        assertThat(sweep.snapshot(chip, Life.PERSONALIZED)).isEqualTo(before);
    }

    @Test
    void aWriteRefusedAfterItsMacKeepsTheSessionAndLeavesNoTrace() throws Exception {
        CardTransport chip = sweep.chipIn(State.PERSONALIZED);
        WalletCard card = sweep.card(chip);
        List<String> before = sweep.snapshot(chip, Life.PERSONALIZED);
        card.select();
        card.authenticate(KeyRef.ACCESS, sweep.accessKey());
        for (byte[] data : List.of(new byte[] {0}, stream(2, 1, 10), Arrays.copyOf(stream(1, 1, 10), 40),
                stream(1, 0, 10))) {
            assertThat(SessionMacs.secureSw(card, chip, WalletSpec.WRITE, data, 256)).isEqualTo(WalletSpec.WRONG_DATA);
        }
        ChipTicket twice = new ChipTicket(UUID.randomUUID(), 1, ConformanceSweep.EVENT, new byte[20]);
        assertThat(card.authenticated()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> card.write(List.of(twice, twice)))
                .hasMessageContaining("6A80");
        assertThat(sweep.snapshot(chip, Life.PERSONALIZED)).isEqualTo(before);
        card.authenticate(KeyRef.ACCESS, sweep.accessKey());
        card.write(List.of(new ChipTicket(UUID.randomUUID(), 1, ConformanceSweep.EVENT, new byte[20])));
        assertThat(card.list()).hasSize(3);
    }

    // ---- §4.8 LIST, §4.9 READ: short and extended Le ----

    @Test
    void listAndReadHonourShortAndExtendedLe() throws Exception {
        for (WalletCard.LengthMode mode : WalletCard.LengthMode.values()) {
            CardTransport chip = new SimulatedChip().simulator()::transmitCommand;
            WalletCard card = new WalletCard(chip, mode, new java.security.SecureRandom());
            card.select();
            card.personalize(new byte[8], sweep.accessKey(), sweep.gateKey());
            card.select();
            card.authenticate(KeyRef.ACCESS, sweep.accessKey());
            List<ChipTicket> tickets = new ArrayList<>();
            for (int i = 0; i < WalletSpec.CAPACITY; i++) {
                tickets.add(new ChipTicket(UUID.randomUUID(), 1, ConformanceSweep.EVENT, bytes(i == 3 ? 600 : 30 + i)));
            }
            card.write(tickets.subList(0, 8));
            card.write(tickets.subList(8, 16));
            assertThat(card.list()).extracting(StoredTicket::cardTicketId)
                    .containsExactlyElementsOf(tickets.stream().map(t -> card.cardTicketId(t.ticketId())).toList());
            assertThat(card.read(card.list().get(3))).isEqualTo(tickets.get(3).envelope());

            byte[] all = send(chip, WalletSpec.CLA_PLAIN, WalletSpec.LIST, 0, 0, new byte[0], 65_536, true);
            assertThat(all).as("extended Le 0000: every entry in one page").hasSize(1 + 16 * 22 + 2);
            assertThat(all[0]).isEqualTo((byte) 0xFF);
            byte[] shortPage = send(chip, WalletSpec.CLA_PLAIN, WalletSpec.LIST, 0, 0, new byte[0], 256, false);
            assertThat(shortPage).as("short Le 00: 11 entries").hasSize(1 + 11 * 22 + 2);
            assertThat(shortPage[0]).isEqualTo((byte) 11);
            byte[] onePerPage = send(chip, WalletSpec.CLA_PLAIN, WalletSpec.LIST, 15, 0, new byte[0], 23, false);
            assertThat(onePerPage).hasSize(1 + 22 + 2);
            assertThat(onePerPage[0]).isEqualTo((byte) 0xFF);
            byte[] extendedLe300 = send(chip, WalletSpec.CLA_PLAIN, WalletSpec.LIST, 2, 0, new byte[0], 300, true);
            assertThat(extendedLe300).as("Ne 300: 13 entries").hasSize(1 + 13 * 22 + 2);
            assertThat(extendedLe300[0]).isEqualTo((byte) 15);
            byte[] whole = send(chip, WalletSpec.CLA_PLAIN, WalletSpec.READ, 3, 0, new byte[0], 65_536, true);
            assertThat(Arrays.copyOf(whole, whole.length - 2)).isEqualTo(tickets.get(3).envelope());
            byte[] tail = send(chip, WalletSpec.CLA_PLAIN, WalletSpec.READ, 3, 0, new byte[] {0x02, 0x00}, 256, false);
            assertThat(Arrays.copyOf(tail, tail.length - 2)).isEqualTo(Arrays.copyOfRange(tickets.get(3).envelope(), 512, 600));
            assertThat(sw(send(chip, WalletSpec.CLA_PLAIN, WalletSpec.READ, 3, 0, new byte[] {0x02, 0x59}, 256, false)))
                    .as("offset above the length").isEqualTo(WalletSpec.WRONG_DATA);
            assertThat(send(chip, WalletSpec.CLA_PLAIN, WalletSpec.READ, 3, 0, new byte[] {0x02, 0x58}, 256, false))
                    .as("offset at the length").hasSize(2);
        }
    }

    // ---- §4.4, §4.8: a gate session is scoped to its event ----

    @Test
    void aGateSessionSeesReadsMarksAndOpensOnlyItsOwnEventsTickets() throws Exception {
        CardTransport chip = sweep.chipIn(State.PERSONALIZED);
        WalletCard card = sweep.card(chip);
        card.select();
        card.authenticate(KeyRef.ACCESS, sweep.accessKey());
        ChipTicket other = new ChipTicket(UUID.randomUUID(), 1, ConformanceSweep.EVENT + 1, bytes(120));
        card.write(List.of(other));
        List<StoredTicket> all = card.list();
        assertThat(all).hasSize(3);
        UUID otherOnCard = card.cardTicketId(other.ticketId());
        int otherSlot = all.stream().filter(t -> t.cardTicketId().equals(otherOnCard)).findFirst().orElseThrow().slot();

        card.select();
        card.authenticateGate(ConformanceSweep.EVENT, sweep.eventGateKey());
        List<String> before = sweep.snapshot(chip, Life.PERSONALIZED);
        card.select();
        card.authenticateGate(ConformanceSweep.EVENT, sweep.eventGateKey());
        assertThat(card.list()).hasSize(2).noneMatch(t -> t.cardTicketId().equals(otherOnCard));
        assertThat(sw(send(chip, WalletSpec.CLA_PLAIN, WalletSpec.READ, otherSlot, 0, new byte[0], 256, false)))
                .as("READ of another event's slot").isEqualTo(WalletSpec.NOT_FOUND);
        java.nio.ByteBuffer mark = java.nio.ByteBuffer.allocate(18).putLong(otherOnCard.getMostSignificantBits())
                .putLong(otherOnCard.getLeastSignificantBits()).putShort((short) 1);
        assertThat(SessionMacs.secureSw(card, chip, WalletSpec.MARK_USED, mark.array(), 0))
                .as("MARK USED of another event's ticket").isEqualTo(WalletSpec.NOT_FOUND);
        byte[] point = ChipKeys.generate(new java.security.SecureRandom()).publicKeySec1();
        assertThat(SessionMacs.secureSw(card, chip, WalletSpec.KEY_AGREEMENT, point, 256))
                .as("KEY AGREEMENT on a point that sealed none of this event's tickets").isEqualTo(WalletSpec.NOT_FOUND);
        assertThat(card.list()).as("the session went on after each 6A88").hasSize(2);

        card.select();
        assertThat(sw(send(chip, WalletSpec.CLA_PLAIN, WalletSpec.AUTH_INIT, 0, 2, new byte[8], 256, false)))
                .as("a gate AUTH INIT without its event id").isEqualTo(WalletSpec.WRONG_LENGTH);
        assertThat(sw(send(chip, WalletSpec.CLA_PLAIN, WalletSpec.AUTH_INIT, 0, 1, new byte[16], 256, false)))
                .as("an access AUTH INIT with an event id").isEqualTo(WalletSpec.WRONG_LENGTH);
        assertThatThrownBy(() -> card.authenticateGate(ConformanceSweep.EVENT + 1, sweep.eventGateKey()))
                .as("event A's key opens no session for event B")
                .isInstanceOf(dev.tessera.reader.wallet.CardProtocolException.class);
        assertThat(sweep.snapshot(chip, Life.PERSONALIZED)).isEqualTo(before);
    }

    // ---- §4.7 KEY AGREEMENT: the point must be on P-256 ----

    @Test
    void keyAgreementRefusesEveryPointOffTheCurveAndKeepsTheSession() throws Exception {
        CardTransport chip = sweep.chipIn(State.PERSONALIZED);
        WalletCard card = sweep.card(chip);
        card.authenticate(KeyRef.ACCESS, sweep.accessKey());
        byte[] good = ChipKeys.generate(new java.security.SecureRandom()).publicKeySec1();
        BigInteger p = new BigInteger("FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF", 16);
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(good, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(good, 33, 65));
        List<byte[]> offCurve = List.of(
                point(x, y.add(BigInteger.ONE).mod(p)),     // y off by one
                point(x, p.subtract(y).add(BigInteger.ONE)), // near −y
                point(BigInteger.ZERO, BigInteger.ZERO),     // (0, 0): no point, not infinity's encoding either
                point(p, y),                                 // x ≥ p
                point(x, p),                                 // y ≥ p
                point(BigInteger.ONE, BigInteger.TWO),       // a point of another curve y² = x³ − 3x + 6
                point(p.subtract(BigInteger.ONE), BigInteger.ONE));
        for (byte[] bad : offCurve) {
            assertThat(SessionMacs.secureSw(card, chip, WalletSpec.KEY_AGREEMENT, bad, 256)).isEqualTo(WalletSpec.WRONG_DATA);
        }
        byte[] compressed = good.clone();
        compressed[0] = 0x02;
        assertThat(SessionMacs.secureSw(card, chip, WalletSpec.KEY_AGREEMENT, compressed, 256)).isEqualTo(WalletSpec.WRONG_DATA);
        assertThat(card.agree(good)).as("the session went on after every 6A80").hasSize(32);
        byte[] negated = point(x, p.subtract(y));
        assertThat(card.agree(negated)).as("−W is on the curve too").isEqualTo(card.agree(good));
    }

    private static byte[] point(BigInteger x, BigInteger y) {
        byte[] out = new byte[65];
        out[0] = 0x04;
        put(x, out, 1);
        put(y, out, 33);
        return out;
    }

    private static void put(BigInteger value, byte[] out, int at) {
        byte[] raw = value.toByteArray();
        int length = Math.min(raw.length, 32);
        // values ≥ 2^256 do not occur here; a leading sign byte is dropped
        System.arraycopy(raw, raw.length - length, out, at + 32 - length, length);
        if (value.bitLength() > 256) {
            throw new IllegalArgumentException("more than 32 bytes");
        }
    }

    /** count ‖ one entry header (id, version, length, event id) ‖ envelope. */
    private static byte[] stream(int count, int version, int length) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1 + 28 + Math.min(length, 100));
        b.put((byte) count).putLong(7).putLong(9).putShort((short) version).putShort((short) length)
                .putLong(ConformanceSweep.EVENT);
        return b.array();
    }

    private int sendWrite(CardTransport chip, byte[] data, boolean chained) throws Exception {
        if (!chained) {
            return sw(send(chip, WalletSpec.CLA_SECURE, WalletSpec.WRITE, 0, 0, data, 256, true));
        }
        int half = data.length / 2;
        int first = sw(send(chip, WalletSpec.CLA_SECURE | WalletSpec.CHAINING_BIT, WalletSpec.WRITE, 0, 0,
                Arrays.copyOf(data, half), 0, false));
        assertThat(first).isEqualTo(WalletSpec.OK);
        return sw(send(chip, WalletSpec.CLA_SECURE, WalletSpec.WRITE, 0, 0, Arrays.copyOfRange(data, half, data.length),
                256, false));
    }

    private static byte[] send(CardTransport chip, int cla, int ins, int p1, int p2, byte[] data, int ne,
                               boolean extended) throws Exception {
        return chip.transmit(new Apdus.Command(cla, ins, p1, p2, data, ne, extended).encode());
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new java.security.SecureRandom().nextBytes(b);
        return b;
    }

    @SuppressWarnings("unused")
    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
