package dev.tessera.bench.jmh;

import dev.tessera.bench.GateTranscript;
import dev.tessera.core.crypto.ChipProof;
import dev.tessera.core.crypto.IssuerPublicKey;
import dev.tessera.core.ticket.SignedTicket;
import dev.tessera.core.ticket.TicketCodec;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Which implementation the gate's two signature checks should run on: BouncyCastle's (what ticket-core uses,
 * {@link ChipProof} and {@link IssuerPublicKey}) against the JDK's SunEC provider, on the recorded tap's chip proof
 * and ticket. The JDK's Signature objects are made once and kept, as a gate thread would keep them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class SignatureProviderBenchmark {

    private static final byte[] ED25519_X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private GateTranscript transcript;
    private byte[] proofMessage;
    private ECParameterSpec p256;
    private KeyFactory ecKeys;
    private PublicKey chipKey;
    private Signature ecdsa;
    private IssuerPublicKey issuer;
    private PublicKey issuerJdk;
    private Signature ed25519;
    private byte[] signedPart;
    private byte[] ticketSignature;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        transcript = new GateTranscript();
        proofMessage = ChipProof.message(transcript.chipId, transcript.proofChallenge);
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        p256 = parameters.getParameterSpec(ECParameterSpec.class);
        ecKeys = KeyFactory.getInstance("EC");
        ecdsa = Signature.getInstance("SHA256withECDSA");
        chipKey = jdkChipKey();
        SignedTicket signed = TicketCodec.decode(transcript.openedTicket);
        issuer = transcript.trust.issuers().find(signed.issuerKeyId()).orElseThrow();
        byte[] x509 = Arrays.copyOf(ED25519_X509_PREFIX, ED25519_X509_PREFIX.length + IssuerPublicKey.LENGTH);
        System.arraycopy(issuer.encoded(), 0, x509, ED25519_X509_PREFIX.length, IssuerPublicKey.LENGTH);
        issuerJdk = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        ed25519 = Signature.getInstance("Ed25519");
        ticketSignature = signed.signature();
        signedPart = Arrays.copyOf(transcript.openedTicket, transcript.openedTicket.length - ticketSignature.length);
        if (!p256BouncyCastle() || !p256Jdk() || !p256JdkKeyKept() || !ed25519BouncyCastle() || !ed25519Jdk()) {
            throw new IllegalStateException("a signature does not verify");
        }
    }

    private PublicKey jdkChipKey() throws GeneralSecurityException {
        byte[] sec1 = transcript.chipPublicKey;
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(sec1, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(sec1, 33, 65)));
        return ecKeys.generatePublic(new ECPublicKeySpec(w, p256));
    }

    /** What the gate runs: {@link ChipProof#verify} (BouncyCastle), the chip's key decoded from its SEC1 bytes. */
    @Benchmark
    public boolean p256BouncyCastle() {
        return ChipProof.verify(transcript.chipPublicKey, transcript.chipId, transcript.proofChallenge,
                transcript.proofSignature);
    }

    /** SunEC's SHA256withECDSA, the chip's key made from its SEC1 bytes on each tap (each tap is another chip). */
    @Benchmark
    public boolean p256Jdk() throws GeneralSecurityException {
        ecdsa.initVerify(jdkChipKey());
        ecdsa.update(proofMessage);
        return ecdsa.verify(transcript.proofSignature);
    }

    /** SunEC with the key object made beforehand (a gate that decoded every chip key of its package at load). */
    @Benchmark
    public boolean p256JdkKeyKept() throws GeneralSecurityException {
        ecdsa.initVerify(chipKey);
        ecdsa.update(proofMessage);
        return ecdsa.verify(transcript.proofSignature);
    }

    /** What the gate runs: {@link IssuerPublicKey#verify} (BouncyCastle). */
    @Benchmark
    public boolean ed25519BouncyCastle() {
        return issuer.verify(signedPart, ticketSignature);
    }

    /** SunEC's Ed25519 with the issuer key object kept. */
    @Benchmark
    public boolean ed25519Jdk() throws GeneralSecurityException {
        ed25519.initVerify(issuerJdk);
        ed25519.update(signedPart);
        return ed25519.verify(ticketSignature);
    }
}
