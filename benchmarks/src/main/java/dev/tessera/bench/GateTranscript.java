package dev.tessera.bench;

import dev.tessera.core.crypto.ChipEnvelope;
import dev.tessera.core.crypto.ChipSessionCrypto;
import dev.tessera.core.crypto.IssuerKeyPair;
import dev.tessera.core.format.TicketFormatException;
import dev.tessera.core.ticket.Ticket;
import dev.tessera.core.ticket.TicketCodec;
import dev.tessera.reader.applet.WalletProtocol;
import dev.tessera.reader.center.CenterClient.GateChip;
import dev.tessera.reader.gate.GateAdmissions;
import dev.tessera.reader.gate.GateDecision;
import dev.tessera.reader.gate.GateLog;
import dev.tessera.reader.gate.GateTrust;
import dev.tessera.reader.gate.GateVerifier;
import dev.tessera.reader.gate.Verdict;
import dev.tessera.reader.pcsc.PcscReader;
import dev.tessera.reader.sim.SimulatedChip;
import dev.tessera.reader.sim.SimulatedReaders;
import dev.tessera.reader.wallet.CardTransport;
import dev.tessera.reader.wallet.ChipInfo;
import dev.tessera.reader.wallet.ChipTicket;
import dev.tessera.reader.wallet.KeyRef;
import dev.tessera.reader.wallet.WalletCard;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * One gate tap as a chip answered it: recorded once on the in-JVM simulated chip (jCardSim running the wallet applet)
 * and replayed byte for byte, so a benchmark times the gate's own work and nothing of the card's. The chip holds one
 * ticket of the event, already marked used, as in {@code ./tessera bench chip}: the tap runs every check (chip key,
 * INTERNAL AUTHENTICATE, gate session, LIST, READ, KEY AGREEMENT, envelope, issuer signature, the ticket's fields)
 * and refuses the repeat. Used by the JMH benchmarks ({@code dev.tessera.bench.jmh}) and by {@link ChipBenchmark}, which
 * also plays it back through a {@link PcscReader} ({@link #replayTerminal}).
 */
public final class GateTranscript {

    public static final long EVENT_ID = 4711;
    public static final String GATE = "north";
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    public final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    public final GateTrust trust;
    public final byte[] chipId;
    public final byte[] chipPublicKey;
    public final byte[] eventGateKey;
    public final byte[] proofChallenge;
    public final byte[] proofSignature;
    public final byte[] envelope;
    public final byte[] sharedSecret;
    public final byte[] openedTicket;
    public final UUID ticketId;
    private final List<byte[]> commands = new ArrayList<>();
    private final List<byte[]> responses = new ArrayList<>();

    public GateTranscript() throws Exception {
        SecureRandom random = new SecureRandom();
        IssuerKeyPair issuer = IssuerKeyPair.generate(random);
        SimulatedChip chip = new SimulatedChip();
        CardTerminal terminal = SimulatedReaders.factory("JMH reader").terminals().list().getFirst();
        chip.insertInto(terminal);
        try (PcscReader reader = new PcscReader(terminal)) {
            WalletCard card = new WalletCard(reader.connect());
            card.select();
            byte[] access = bytes(random, 16);
            byte[] gateKey = bytes(random, 16);
            card.personalize(bytes(random, 8), access, gateKey);
            ChipInfo info = card.select();
            chipId = info.chipId();
            chipPublicKey = info.publicKey();
            Ticket ticket = new Ticket(UUID.randomUUID(), 1, EVENT_ID, "A-12-7", "CAT-S", GATE,
                    now.minus(1, ChronoUnit.HOURS), now.plus(3, ChronoUnit.HOURS), info.chipIdHex(),
                    List.of("Hanako Yamada"), 12_000, "JPY");
            ticketId = ticket.ticketId();
            byte[] sealed = ChipEnvelope.seal(TicketCodec.encodeSigned(ticket, issuer), chipPublicKey, chipId, random);
            card.authenticate(KeyRef.ACCESS, access);
            card.write(List.of(new ChipTicket(ticketId, 1, EVENT_ID, sealed)));
            card.markUsed(ticketId, 1);
            eventGateKey = ChipSessionCrypto.diversify(gateKey, (byte) 0x04,
                    ByteBuffer.allocate(8).putLong(EVENT_ID).array());
            trust = new GateTrust(EVENT_ID, List.of(issuer.publicKey()), Set.of(),
                    List.of(new GateChip(info.chipIdHex(), chipPublicKey, eventGateKey)), 0);

            CardTransport live = reader.connect();
            CardTransport recording = command -> {
                byte[] response = live.transmit(command);
                commands.add(command.clone());
                responses.add(response.clone());
                return response;
            };
            GateDecision recorded = tap(new WalletCard(recording, WalletCard.LengthMode.EXTENDED, new FixedRandom()),
                    new NoAdmissions());
            requireRepeatRefused(recorded);
        }
        proofChallenge = new byte[32];
        new FixedRandom().nextBytes(proofChallenge);
        proofSignature = answer(WalletProtocol.INS_INTERNAL_AUTHENTICATE);
        envelope = answer(WalletProtocol.INS_READ_TICKET);
        sharedSecret = answer(WalletProtocol.INS_KEY_AGREEMENT);
        openedTicket = open();
    }

    /** The gate's whole judgement of one tap, on the chip {@code card} talks to. */
    public GateDecision tap(WalletCard card, GateAdmissions admissions) {
        return new GateVerifier(trust, GATE, admissions, Clock.fixed(now, ZoneOffset.UTC), CLOCK_SKEW).tap(card);
    }

    public GateVerifier verifier(GateAdmissions admissions) {
        return new GateVerifier(trust, GATE, admissions, Clock.fixed(now, ZoneOffset.UTC), CLOCK_SKEW);
    }

    public static void requireRepeatRefused(GateDecision d) {
        if (d.verdict() != Verdict.ALREADY_USED || !d.detail().equals("marked used on the chip")) {
            throw new IllegalStateException("the recorded tap was to refuse the used ticket, it said " + d);
        }
    }

    /** A card that answers what the chip answered, and fails on any command the chip was not sent. */
    public CardTransport replay() {
        return new CardTransport() {
            private int next;

            @Override
            public byte[] transmit(byte[] command) {
                if (next >= commands.size() || !Arrays.equals(command, commands.get(next))) {
                    throw new IllegalStateException("the tap left the recorded transcript at command " + next);
                }
                return responses.get(next++).clone();
            }
        };
    }

    /**
     * A reader whose card answers the recorded tap over and over (strictly: any other command fails), for the real
     * {@link PcscReader} to drive: the gate's thread hands each APDU to the reader's thread as with a USB reader, and
     * no simulator spends CPU beside it.
     */
    public CardTerminal replayTerminal() {
        Card card = new Card() {
            private final CardChannel channel = new CardChannel() {
                private int next;

                @Override
                public Card getCard() {
                    return card();
                }

                @Override
                public int getChannelNumber() {
                    return 0;
                }

                @Override
                public synchronized ResponseAPDU transmit(CommandAPDU command) throws CardException {
                    int at = next % commands.size();
                    if (!Arrays.equals(command.getBytes(), commands.get(at))) {
                        throw new CardException("the tap left the recorded transcript at command " + at);
                    }
                    next++;
                    return new ResponseAPDU(responses.get(at));
                }

                @Override
                public int transmit(ByteBuffer command, ByteBuffer response) {
                    throw new UnsupportedOperationException("the gate sends CommandAPDUs");
                }

                @Override
                public void close() {
                }
            };

            private Card card() {
                return this;
            }

            @Override
            public ATR getATR() {
                return new ATR(new byte[] {0x3B, (byte) 0x80, (byte) 0x80, 0x01, 0x01});
            }

            @Override
            public String getProtocol() {
                return "T=1";
            }

            @Override
            public CardChannel getBasicChannel() {
                return channel;
            }

            @Override
            public CardChannel openLogicalChannel() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void beginExclusive() {
            }

            @Override
            public void endExclusive() {
            }

            @Override
            public byte[] transmitControlCommand(int controlCode, byte[] command) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void disconnect(boolean reset) {
            }
        };
        return new CardTerminal() {
            @Override
            public String getName() {
                return "Replay reader";
            }

            @Override
            public Card connect(String protocol) {
                return card;
            }

            @Override
            public boolean isCardPresent() {
                return true;
            }

            @Override
            public boolean waitForCardPresent(long timeout) {
                return true;
            }

            @Override
            public boolean waitForCardAbsent(long timeout) {
                return false;
            }
        };
    }

    public int apdus() {
        return commands.size();
    }

    public byte[] open() throws TicketFormatException {
        return ChipEnvelope.open(envelope, chipId, ephemeral -> sharedSecret.clone());
    }

    private byte[] answer(byte ins) {
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i)[1] == ins) {
                byte[] r = responses.get(i);
                return Arrays.copyOf(r, r.length - 2);
            }
        }
        throw new IllegalStateException("the transcript has no command " + (ins & 0xFF));
    }

    private static byte[] bytes(SecureRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** The same bytes every call: the host challenges of the recorded tap come back on every replay. */
    public static final class FixedRandom extends SecureRandom {
        @Override
        public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (0x5A ^ (i * 29));
            }
        }
    }

    /** Admissions as a fresh gate has them: none; the chip's own used mark refuses the repeat. */
    public static final class NoAdmissions implements GateAdmissions {
        @Override
        public boolean admitted(UUID ticketId) {
            return false;
        }

        @Override
        public void append(GateLog.Entry entry) throws IOException {
            throw new IOException("the benchmark's tap never admits");
        }
    }
}
