package dev.tessera.bench;

import dev.tessera.core.crypto.ChipEnvelope;
import dev.tessera.core.crypto.ChipSessionCrypto;
import dev.tessera.core.crypto.IssuerKeyPair;
import dev.tessera.core.ticket.Ticket;
import dev.tessera.core.ticket.TicketCodec;
import dev.tessera.reader.applet.WalletProtocol;
import dev.tessera.reader.center.CenterClient.GateChip;
import dev.tessera.reader.gate.GateDecision;
import dev.tessera.reader.gate.GateLog;
import dev.tessera.reader.gate.GateTrust;
import dev.tessera.reader.gate.GateVerifier;
import dev.tessera.reader.pcsc.PcscReader;
import dev.tessera.reader.sim.SimulatedChip;
import dev.tessera.reader.sim.SimulatedReaders;
import dev.tessera.reader.wallet.CardTransport;
import dev.tessera.reader.wallet.ChipInfo;
import dev.tessera.reader.wallet.ChipTicket;
import dev.tessera.reader.wallet.KeyRef;
import dev.tessera.reader.wallet.MeteredTransport;
import dev.tessera.reader.wallet.WalletCard;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.smartcardio.CardTerminal;

/**
 * Issue 3's figures: issuing 1, 4 and 10 tickets in one tap (SELECT, AUTH INIT, AUTH VERIFY, WRITE TICKETS with an
 * extended APDU) on the in-JVM simulated chip, with the same exchange's time on the air; and the gate's CPU time
 * per verification.
 *
 * <p>On-air model (ISO/IEC 14443-4, type A): every byte costs 9 bit times (8 data + parity) at 106 kbit/s
 * (1 bit = 128/fc = 9.44 µs) or 424 kbit/s (32/fc = 2.36 µs); frames carry at most FSC = FSD = 128 bytes (DESFire
 * EV2 class; 3 bytes of PCB + CRC each), a chained I-block is acknowledged by a 3-byte R(ACK); each frame adds its
 * start/end bits and the frame delay time of 1172/fc = 86 µs before the answer. The card's own processing is not
 * in the air time; EEPROM programming is estimated apart as 1 ms per 64-byte page of ticket data.
 */
public final class ChipBenchmark {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final double FC = 13.56e6;
    private static final int FRAME = 128;
    private static final int FRAME_OVERHEAD = 3;
    private static final double FRAME_DELAY_S = 1172 / FC;
    private static final int ROUNDS = 30;

    private ChipBenchmark() {
    }

    public static List<String> run() throws Exception {
        List<String> lines = new ArrayList<>();
        IssuerKeyPair issuer = IssuerKeyPair.generate(RANDOM);
        for (int n : new int[] {1, 4, 10}) {
            lines.addAll(issue(n, issuer));
        }
        lines.addAll(gate(issuer));
        return lines;
    }

    private record Chip(SimulatedChip chip, PcscReader reader, ChipInfo info, byte[] accessKey, byte[] gateKey) {}

    private static Chip personalizedChip() throws Exception {
        SimulatedChip chip = new SimulatedChip();
        CardTerminal terminal = SimulatedReaders.factory("Bench reader").terminals().list().getFirst();
        chip.insertInto(terminal);
        PcscReader reader = new PcscReader(terminal);
        WalletCard card = new WalletCard(reader.connect());
        card.select();
        byte[] chipId = bytes(8);
        byte[] access = bytes(16);
        byte[] gate = bytes(16);
        card.personalize(chipId, access, gate);
        return new Chip(chip, reader, card.select(), access, gate);
    }

    private static ChipTicket sealed(ChipInfo chip, IssuerKeyPair issuer, int seat) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Ticket t = new Ticket(UUID.randomUUID(), 1, 4711, "A-12-" + seat, "CAT-S", "north", now.minus(1, ChronoUnit.HOURS),
                now.plus(3, ChronoUnit.HOURS), chip.chipIdHex(), List.of("Hanako Yamada"), 12_000, "JPY");
        byte[] envelope = ChipEnvelope.seal(TicketCodec.encodeSigned(t, issuer), chip.publicKey(), chip.chipId(), RANDOM);
        return new ChipTicket(t.ticketId(), 1, t.eventId(), envelope);
    }

    /** One tap writing {@code n} tickets, as the rows model it (issue 15's budget: 4 tickets in 6 APDUs, 120 ms). */
    record IssueModel(int apdus, double modelledMs) {}

    /** The issue of {@code n} tickets in one tap, one round: its APDUs and its modelled time (the rows' model). */
    static IssueModel issueModel(int n, IssuerKeyPair issuer) throws Exception {
        Chip chip = personalizedChip();
        List<ChipTicket> tickets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tickets.add(sealed(chip.info(), issuer, i + 1));
        }
        int writtenBytes = tickets.stream().mapToInt(t -> t.envelope().length + WalletProtocol.ENTRY_HEADER_LENGTH).sum();
        MeteredTransport meter = new MeteredTransport(chip.reader().connect());
        WalletCard card = new WalletCard(meter);
        card.select();
        card.authenticate(KeyRef.ACCESS, chip.accessKey());
        card.write(tickets);
        chip.reader().close();
        return new IssueModel(meter.apdus(), airSeconds(meter, 424_000, 32) * 1e3 + Math.ceil(writtenBytes / 64.0)
                + CENTER_ROUND_TRIPS_PER_TAP * CENTER_ROUND_TRIP_MS);
    }

    /**
     * The gate's admitting tap, modelled as the rows do: its APDUs on air at 424 kbit/s plus the median CPU of
     * {@code taps} later taps on the same chip (issue 15's budget: 100 ms), in milliseconds.
     */
    static double gateToGreenModelledMs(IssuerKeyPair issuer, int taps) throws Exception {
        Chip chip = personalizedChip();
        WalletCard writer = new WalletCard(chip.reader().connect());
        writer.select();
        writer.authenticate(KeyRef.ACCESS, chip.accessKey());
        writer.write(List.of(sealed(chip.info(), issuer, 7)));
        Path dir = BenchTemp.dir("tessera-bench-gate");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MeteredTransport meter = new MeteredTransport(chip.reader().connect());
        SecureRandom gateRandom = new SecureRandom();
        long[] cpu = new long[taps];
        double air;
        try (GateLog log = GateLog.open(dir.resolve("gate.log"))) {
            GateVerifier gate = new GateVerifier(gateTrust(chip, issuer), "north", log, Clock.systemUTC(), Duration.ofMinutes(2));
            if (!gate.tap(new WalletCard(meter, WalletCard.LengthMode.EXTENDED, gateRandom)).admitted()) {
                throw new IllegalStateException("the gate did not admit the bench ticket");
            }
            air = airSeconds(meter, 424_000, 32);
            for (int i = 0; i < taps; i++) {
                meter.reset();
                WalletCard card = new WalletCard(meter, WalletCard.LengthMode.EXTENDED, gateRandom);
                long c0 = threads.getCurrentThreadCpuTime();
                gate.tap(card);
                cpu[i] = threads.getCurrentThreadCpuTime() - c0;
            }
        } finally {
            chip.reader().close();
        }
        Arrays.sort(cpu);
        return air * 1e3 + cpu[taps / 2] / 1e6;
    }

    /** The gate package of event 4711 holding the chip: its public key and its event gate key. */
    private static GateTrust gateTrust(Chip chip, IssuerKeyPair issuer) {
        return new GateTrust(4711, List.of(issuer.publicKey()), Set.of(),
                List.of(new GateChip(chip.info().chipIdHex(), chip.info().publicKey(),
                        ChipSessionCrypto.diversify(chip.gateKey(), (byte) 0x04, ByteBuffer.allocate(8).putLong(4711).array()))), 0);
    }

    private static List<String> issue(int n, IssuerKeyPair issuer) throws Exception {
        long[] nanos = new long[ROUNDS];
        MeteredTransport last = null;
        int writtenBytes = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Chip chip = personalizedChip();
            List<ChipTicket> tickets = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                tickets.add(sealed(chip.info(), issuer, i + 1));
            }
            writtenBytes = tickets.stream().mapToInt(t -> t.envelope().length + WalletProtocol.ENTRY_HEADER_LENGTH).sum();
            MeteredTransport meter = new MeteredTransport(chip.reader().connect());
            WalletCard card = new WalletCard(meter);
            long start = System.nanoTime();
            card.select();
            card.authenticate(KeyRef.ACCESS, chip.accessKey());
            card.write(tickets);
            nanos[round] = System.nanoTime() - start;
            last = meter;
            chip.reader().close();
        }
        Arrays.sort(nanos);
        double simMs = nanos[ROUNDS / 2] / 1e6;
        double air106 = airSeconds(last, 106_000, 128) * 1e3;
        double air424 = airSeconds(last, 424_000, 32) * 1e3;
        double eeprom = Math.ceil(writtenBytes / 64.0);
        return List.of(
                row("chip issue %d ticket(s): APDUs (round trips)".formatted(n), Integer.toString(last.apdus())),
                row("chip issue %d ticket(s): bytes to card / from card".formatted(n), last.bytesToCard() + " / " + last.bytesFromCard()),
                row("chip issue %d ticket(s): simulator, median of %d".formatted(n, ROUNDS), fmt(simMs) + " ms"),
                row("chip issue %d ticket(s): on air at 106 / 424 kbit/s".formatted(n), fmt(air106) + " / " + fmt(air424) + " ms"),
                row("chip issue %d ticket(s): EEPROM estimate (1 ms per 64-byte page)".formatted(n), fmt(eeprom) + " ms"),
                // the counter relays AUTH INIT's answer to the center (POST /api/chip-sessions) once per tap
                row("chip issue %d ticket(s): one tap, modelled: on air at 424 kbit/s + EEPROM + %d center round trip (%d ms assumed)"
                        .formatted(n, CENTER_ROUND_TRIPS_PER_TAP, CENTER_ROUND_TRIP_MS),
                        fmt(air424 + eeprom + CENTER_ROUND_TRIPS_PER_TAP * CENTER_ROUND_TRIP_MS) + " ms"));
    }

    /** ISO 14443-4 frames for each exchange, as the class comment describes. */
    static double airSeconds(MeteredTransport meter, double bitRate, int etuPerBitFc) {
        double bit = etuPerBitFc / FC;
        double total = 0;
        for (MeteredTransport.Exchange e : meter.exchanges()) {
            total += direction(e.commandBytes(), bit) + direction(e.responseBytes(), bit);
        }
        return total;
    }

    private static double direction(int apduBytes, double bit) {
        int payload = FRAME - FRAME_OVERHEAD;
        int frames = Math.max(1, (apduBytes + payload - 1) / payload);
        double bytesOnAir = apduBytes + frames * FRAME_OVERHEAD + (frames - 1) * FRAME_OVERHEAD;
        double frameBits = 2;
        return bytesOnAir * 9 * bit + (2 * frames - 1) * (frameBits * bit + FRAME_DELAY_S);
    }

    /**
     * A session's one trip to the center: the terminal sends AUTH INIT's answer and gets the host cryptogram and the
     * session key (docs/card-protocol.md §7). Assumed, not measured: a counter on a LAN or a good uplink.
     */
    static final int CENTER_ROUND_TRIP_MS = 20;
    static final int CENTER_ROUND_TRIPS_PER_TAP = 1;

    /** The gate's warm-up, in windows of taps: at least the minimum, then until the JIT is quiet, at most the maximum. */
    static final int GATE_WARM_UP_WINDOW = 100;
    static final int GATE_WARM_UP_MIN = 1_000;
    static final int GATE_WARM_UP_MAX = 3_000;

    private static List<String> gate(IssuerKeyPair issuer) throws Exception {
        Chip chip = personalizedChip();
        WalletCard writer = new WalletCard(chip.reader().connect());
        writer.select();
        writer.authenticate(KeyRef.ACCESS, chip.accessKey());
        writer.write(List.of(sealed(chip.info(), issuer, 7)));
        GateTrust trust = gateTrust(chip, issuer);
        Path dir = BenchTemp.dir("tessera-bench-gate");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        int measured = 500;
        long[] cpu = new long[measured];
        long[] wall = new long[measured];
        MeteredTransport meter = new MeteredTransport(chip.reader().connect());
        // one SecureRandom for the reader's life, as the gate's PcscGateReader holds it
        SecureRandom gateRandom = new SecureRandom();
        double greenAir424;
        int greenApdus;
        int warmUp = 0;
        double jitShare;
        try (GateLog log = GateLog.open(dir.resolve("gate.log"))) {
            GateVerifier gate = new GateVerifier(trust, "north", log, Clock.systemUTC(), Duration.ofMinutes(2));
            // the first tap admits (MARK USED); every later one refuses the repeat
            gate.tap(new WalletCard(meter, WalletCard.LengthMode.EXTENDED, gateRandom));
            greenAir424 = airSeconds(meter, 424_000, 32);
            greenApdus = meter.apdus();
            // warm until the JIT compiler has gone quiet (a window of taps under 2 % compiling), within bounds
            while (warmUp < GATE_WARM_UP_MAX) {
                long compiling = jit.getTotalCompilationTime();
                long start = System.nanoTime();
                for (int i = 0; i < GATE_WARM_UP_WINDOW; i++) {
                    meter.reset();
                    gate.tap(new WalletCard(meter, WalletCard.LengthMode.EXTENDED, gateRandom));
                }
                warmUp += GATE_WARM_UP_WINDOW;
                double share = (jit.getTotalCompilationTime() - compiling) * 1e6 / (System.nanoTime() - start);
                if (warmUp >= GATE_WARM_UP_MIN && share < 0.02) {
                    break;
                }
            }
            long compiling = jit.getTotalCompilationTime();
            long start = System.nanoTime();
            for (int i = 0; i < measured; i++) {
                meter.reset();
                WalletCard card = new WalletCard(meter, WalletCard.LengthMode.EXTENDED, gateRandom);
                long c0 = threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                gate.tap(card);
                cpu[i] = threads.getCurrentThreadCpuTime() - c0;
                wall[i] = System.nanoTime() - w0;
            }
            jitShare = (jit.getTotalCompilationTime() - compiling) * 1e6 / (System.nanoTime() - start);
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        chip.reader().close();
        long[] replayed = replayedGateCpu();
        return List.of(
                row("gate verification: CPU per tap, gate thread (median / p99 of " + measured + ", after " + warmUp
                        + " warm-up taps; JIT compiling " + Math.round(jitShare * 100) + " % of the measured window)",
                        fmt(cpu[measured / 2] / 1e6) + " / " + fmt(cpu[measured * 99 / 100] / 1e6) + " ms"),
                row("gate verification: CPU per tap, gate thread, a recorded tap replayed through PcscReader (no simulator"
                        + " on the other core; median / p99 of " + replayed.length + " after " + REPLAY_WARM_UP + " warm-up taps)",
                        fmt(replayed[replayed.length / 2] / 1e6) + " / " + fmt(replayed[replayed.length * 99 / 100] / 1e6) + " ms"),
                row("gate verification: APDUs per tap (refusing the repeat: no MARK USED)", Integer.toString(meter.apdus())),
                row("gate verification: wall time per tap with the simulated chip (median)", fmt(wall[measured / 2] / 1e6) + " ms"),
                row("gate verification: on air at 106 / 424 kbit/s", fmt(airSeconds(meter, 106_000, 128) * 1e3) + " / "
                        + fmt(airSeconds(meter, 424_000, 32) * 1e3) + " ms"),
                // an online or offline gate decides from its event's package: no center trip inside the tap
                row("gate verification: the admitting tap's APDUs (with MARK USED)", Integer.toString(greenApdus)),
                row("gate verification: tap to green, modelled: the admitting tap on air at 424 kbit/s + CPU median"
                        + " (no center trip)", fmt(greenAir424 * 1e3 + cpu[measured / 2] / 1e6) + " ms"));
    }

    static final int REPLAY_WARM_UP = 5_000;
    static final int REPLAY_MEASURED = 2_000;

    /**
     * The gate's CPU on the same kind of tap with a card that costs the JVM nothing, as a USB reader's chip: the
     * simulated chip's answers recorded once ({@link GateTranscript}) and played back by a javax.smartcardio card that
     * the real {@link PcscReader} drives on its own thread. Sorted nanoseconds of the gate thread's CPU per tap.
     */
    private static long[] replayedGateCpu() throws Exception {
        GateTranscript transcript = new GateTranscript();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[REPLAY_MEASURED];
        try (PcscReader reader = new PcscReader(transcript.replayTerminal())) {
            CardTransport transport = reader.connect();
            GateVerifier gate = transcript.verifier(new GateTranscript.NoAdmissions());
            // the recorded host challenges come back on every tap: a fixed source gives them (a SecureRandom's 40
            // bytes cost the gate 0.3 µs, GateTapBenchmark.hostChallenges)
            SecureRandom challenges = new GateTranscript.FixedRandom();
            for (int i = 0; i < REPLAY_WARM_UP + REPLAY_MEASURED; i++) {
                WalletCard card = new WalletCard(transport, WalletCard.LengthMode.EXTENDED, challenges);
                long c0 = threads.getCurrentThreadCpuTime();
                GateDecision decision = gate.tap(card);
                long spent = threads.getCurrentThreadCpuTime() - c0;
                if (i == 0) {
                    GateTranscript.requireRepeatRefused(decision);
                }
                if (i >= REPLAY_WARM_UP) {
                    cpu[i - REPLAY_WARM_UP] = spent;
                }
            }
        }
        Arrays.sort(cpu);
        return cpu;
    }

    private static String row(String figure, String value) {
        return "| " + figure + " | " + value + " |";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
