package dev.tessera.bench.jmh;

import dev.tessera.bench.BenchTemp;
import dev.tessera.bench.GateTranscript;
import dev.tessera.core.crypto.ChipEnvelope;
import dev.tessera.core.crypto.ChipKeys;
import dev.tessera.core.crypto.ChipProof;
import dev.tessera.core.crypto.ChipSessionCrypto;
import dev.tessera.core.crypto.IssuerPublicKey;
import dev.tessera.core.format.TicketFormatException;
import dev.tessera.core.ticket.SignedTicket;
import dev.tessera.core.ticket.TicketCodec;
import dev.tessera.reader.gate.GateDecision;
import dev.tessera.reader.gate.GateLog;
import dev.tessera.reader.gate.GateVerifier;
import dev.tessera.reader.wallet.CardTicketIds;
import dev.tessera.reader.wallet.WalletCard;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The gate's CPU per tap (issue 13: median under 0.3 ms) and the steps it is made of, on the classes the gate runs
 * ({@link GateVerifier}, {@link WalletCard}, ticket-core's crypto) over a recorded tap ({@link GateTranscript}).
 * {@code tap} is the whole judgement; the others time one step each so that they can be ranked. How to run it:
 * docs/performance.md, "Micro-benchmarks".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class GateTapBenchmark {

    private GateTranscript transcript;
    private Path dir;
    private GateLog log;
    private GateVerifier gate;
    private IssuerPublicKey issuer;
    private byte[] signedPart;
    private byte[] signature;
    private byte[] ephemeralKey;
    private byte[] envelopeKey;
    private final SecureRandom random = new SecureRandom();
    private final GateTranscript.FixedRandom fixedRandom = new GateTranscript.FixedRandom();

    @Setup(Level.Trial)
    public void record() throws Exception {
        transcript = new GateTranscript();
        dir = BenchTemp.dir("tessera-jmh-gate");
        log = GateLog.open(dir.resolve("gate.log"));
        gate = transcript.verifier(log);
        GateTranscript.requireRepeatRefused(tap());
        SignedTicket signed = TicketCodec.decode(transcript.openedTicket);
        issuer = transcript.trust.issuers().find(signed.issuerKeyId()).orElseThrow();
        signature = signed.signature();
        signedPart = Arrays.copyOf(transcript.openedTicket, transcript.openedTicket.length - signature.length);
        int ephemeralOffset = 4 + transcript.chipId.length;
        ephemeralKey = Arrays.copyOfRange(transcript.envelope, ephemeralOffset, ephemeralOffset + 33);
        envelopeKey = ChipEnvelope.deriveKey(transcript.sharedSecret, transcript.chipId);
        if (!cardProofVerify() || !ticketSignatureVerify()) {
            throw new IllegalStateException("the transcript's signatures do not verify");
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        log.close();
        BenchTemp.delete(dir);
    }

    /** The whole tap: SELECT to the refusal, every check, on the gate's verifier (host challenges from a fixed source). */
    @Benchmark
    public GateDecision tap() {
        return gate.tap(new WalletCard(transcript.replay(), WalletCard.LengthMode.EXTENDED, fixedRandom));
    }

    /** INTERNAL AUTHENTICATE's answer: ECDSA P-256 / SHA-256 under the registered chip key. */
    @Benchmark
    public boolean cardProofVerify() {
        return ChipProof.verify(transcript.chipPublicKey, transcript.chipId, transcript.proofChallenge,
                transcript.proofSignature);
    }

    /** The gate session's key arithmetic: session MAC key and both cryptograms (AES-CMAC). */
    @Benchmark
    public byte[] gateSessionKeys() {
        byte[] host = Arrays.copyOf(transcript.proofChallenge, 8);
        byte[] card = Arrays.copyOfRange(transcript.proofChallenge, 8, 16);
        byte[] session = ChipSessionCrypto.sessionMacKey(transcript.eventGateKey, host, card);
        ChipSessionCrypto.cardCryptogram(session, host, card);
        return ChipSessionCrypto.hostCryptogram(session, host, card);
    }

    /** The envelope's ephemeral key: decompressed and checked to be on P-256. */
    @Benchmark
    public boolean envelopeEphemeralKeyCheck() {
        return ChipKeys.isValidPublicKey(ephemeralKey);
    }

    /** HKDF-SHA256 of the chip's ECDH secret. */
    @Benchmark
    public byte[] envelopeKeyDerivation() {
        return ChipEnvelope.deriveKey(transcript.sharedSecret, transcript.chipId);
    }

    /** AES-128-GCM over the envelope (about 250 bytes). */
    @Benchmark
    public byte[] envelopeAesGcm() throws TicketFormatException {
        return ChipEnvelope.decrypt(transcript.envelope, envelopeKey);
    }

    /** The whole envelope with the chip's secret at hand: header, ephemeral key, HKDF, AES-GCM. */
    @Benchmark
    public byte[] envelopeOpen() throws TicketFormatException {
        return transcript.open();
    }

    /** The issuer's Ed25519 signature over the ticket. */
    @Benchmark
    public boolean ticketSignatureVerify() {
        return issuer.verify(signedPart, signature);
    }

    /** The ticket's fields parsed, its issuer found and its signature checked. */
    @Benchmark
    public SignedTicket ticketDecodeAndVerify() throws TicketFormatException {
        return TicketCodec.decodeAndVerify(transcript.openedTicket, transcript.trust.issuers());
    }

    /** The ticket's id on this chip (SHA-256), compared with the chip's directory. */
    @Benchmark
    public UUID cardTicketId() {
        return CardTicketIds.of(transcript.chipId, transcript.ticketId);
    }

    /** The tap's host challenges from a real SecureRandom (40 bytes), which {@link #tap} takes from a fixed source. */
    @Benchmark
    public byte[] hostChallenges() {
        byte[] authInit = new byte[8];
        byte[] proof = new byte[32];
        random.nextBytes(authInit);
        random.nextBytes(proof);
        return proof;
    }
}
