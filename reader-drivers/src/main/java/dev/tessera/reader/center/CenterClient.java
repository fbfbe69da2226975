package dev.tessera.reader.center;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tessera.contract.account.Login;
import dev.tessera.contract.account.SignedIn;
import dev.tessera.contract.chip.ChipTickets;
import dev.tessera.contract.chip.PersonalizationRequest;
import dev.tessera.contract.chip.RegisterChip;
import dev.tessera.contract.chip.ChipSessionGrant;
import dev.tessera.contract.chip.ChipSessionRequest;
import dev.tessera.contract.gate.GatePackage;
import dev.tessera.contract.gate.IssuerKey;
import dev.tessera.contract.gate.RevocationView;
import dev.tessera.contract.gate.Scan;
import dev.tessera.contract.gate.ScanResult;
import dev.tessera.contract.problem.Problem;
import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.core.crypto.IssuerPublicKey;
import dev.tessera.reader.wallet.ChipTicket;
import dev.tessera.reader.wallet.SessionAuthority;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The few platform-center calls a reader terminal makes (docs/openapi.json), over plain HTTP/JSON: the requests and
 * answers are center-contract's records, as the center itself reads and writes them.
 */
public final class CenterClient {
    /** Set (to true) by the build's test runs: a field the center sends that no contract record names fails them. */
    static final String STRICT_PROPERTY = "tessera.center.strictJson";
    /** Tolerant in the field (a newer center may add fields), strict under test. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, Boolean.getBoolean(STRICT_PROPERTY))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    /** A problem document may carry extension members (RFC 9457 §3.2): read always tolerantly. */
    private static final ObjectReader PROBLEM = JSON.readerFor(Problem.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final HexFormat HEX = HexFormat.of();
    /** docs/operations.md "Idempotency keys": a lost answer is asked for again, at most this many times in all. */
    public static final int MAX_ATTEMPTS = 3;
    /** The waits before the second and the third attempt. */
    private static final List<Duration> BACKOFF = List.of(Duration.ofMillis(250), Duration.ofSeconds(1));
    private static final String IN_FLIGHT = "idempotency-key-in-flight";

    private final URI base;
    private final HttpClient http;
    private final String token;

    /** A blank card's PERSONALIZE data, for a chip id the center picked: sent to the card once, never kept. */
    public record Personalization(byte[] chipId, byte[] accessKey, byte[] gateKey) {
        @Override
        public String toString() {
            return "Personalization[" + HEX.formatHex(chipId) + ", keys not shown]";
        }
    }

    /**
     * What entitles the caller to a session on a chip (docs/card-protocol.md §7): SALE (saleId), TRANSFER
     * (transferId), MEMBERSHIP, DELIVERY (a member's own chip), GATE (eventId).
     */
    public record Entitlement(String purpose, Long saleId, Long transferId, Long eventId) {
        public static Entitlement sale(long saleId) {
            return new Entitlement("SALE", saleId, null, null);
        }

        public static Entitlement transfer(long transferId) {
            return new Entitlement("TRANSFER", null, transferId, null);
        }

        public static Entitlement delivery() {
            return new Entitlement("DELIVERY", null, null, null);
        }

        public static Entitlement gate(long eventId) {
            return new Entitlement("GATE", null, null, eventId);
        }
    }

    /** The center's refusal inside a card session (a {@link SessionAuthority} throws only card exceptions). */
    public static final class SessionRefused extends RuntimeException {
        private final CenterException cause;

        SessionRefused(CenterException cause) {
            super(cause.getMessage(), cause);
            this.cause = cause;
        }

        public CenterException centerException() {
            return cause;
        }
    }

    /**
     * One chip of an event's gate package: {@code gateKey} is the chip's gate key for this one event
     * (docs/card-protocol.md §7), which opens no other event's tickets.
     */
    public record GateChip(String chipId, byte[] publicKey, byte[] gateKey) {
        @Override
        public String toString() {
            return "GateChip[" + chipId + "]";
        }
    }

    public record Revocation(long id, UUID ticketId, int version) {}

    private CenterClient(URI base, HttpClient http, String token) {
        this.base = base;
        this.http = http;
        this.token = token;
    }

    public static CenterClient login(URI base, String loginId, char[] password) throws CenterException {
        CenterClient anonymous = new CenterClient(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), null);
        SignedIn session = anonymous.send("POST", "/api/sessions", new Login(loginId, new String(password)),
                type(SignedIn.class));
        return new CenterClient(base, anonymous.http, session.token());
    }

    /**
     * Claims 35, 72: the center as the keeper of chip keys. AUTH INIT's answer is relayed to POST /api/chip-sessions;
     * an entitled caller gets the host cryptogram and this session's MAC key, never the chip's static key. A refusal
     * surfaces as {@link SessionRefused} around the center's answer.
     */
    public SessionAuthority sessions(Entitlement entitlement) {
        Objects.requireNonNull(entitlement, "entitlement");
        return (chipId, key, hostChallenge, cardAnswer) -> {
            ChipSessionRequest body = new ChipSessionRequest(chipId, key.name(), entitlement.purpose(), entitlement.saleId(),
                    entitlement.transferId(), entitlement.eventId(), HEX.formatHex(hostChallenge),
                    HEX.formatHex(cardAnswer), null);
            try {
                ChipSessionGrant grant = send("POST", "/api/chip-sessions", body, type(ChipSessionGrant.class));
                return new SessionAuthority.Grant(HEX.parseHex(grant.hostCryptogram()), HEX.parseHex(grant.sessionKey()));
            } catch (CenterException e) {
                throw new SessionRefused(e);
            }
        };
    }

    /** Claim 31: a blank card's keys, once, for a chip id the center picks (POST /api/chip-personalizations). */
    public Personalization personalize(Long memberId) throws CenterException {
        dev.tessera.contract.chip.Personalization p = send("POST", "/api/chip-personalizations",
                new PersonalizationRequest(memberId, null), type(dev.tessera.contract.chip.Personalization.class));
        return new Personalization(HEX.parseHex(p.chipId()), HEX.parseHex(p.accessKey()), HEX.parseHex(p.gateKey()));
    }

    /** Claim 31: the personalized chip becomes a member's card. */
    public void registerChip(String chipId, byte[] publicKey, Long memberId) throws CenterException {
        send("POST", "/api/chips", new RegisterChip(chipId, HEX.formatHex(publicKey), memberId), (JavaType) null);
    }

    /** Claims 67, 76, 89: the chip's ticket package, each ticket sealed for it. */
    public List<ChipTicket> ticketPackage(String chipId) throws CenterException {
        ChipTickets pkg = send("GET", "/api/chips/" + chipId + "/tickets", null, type(ChipTickets.class));
        return pkg.tickets().stream().map(CenterClient::chipTicket).toList();
    }

    /** An issued ticket as the sale, transfer and package answers carry it, decoded for the card. */
    public static ChipTicket chipTicket(IssuedTicket issued) {
        return ChipTicket.of(UUID.fromString(issued.ticketId()), issued.version(),
                Base64.getDecoder().decode(issued.encoded()), Base64.getDecoder().decode(issued.envelope()));
    }

    public List<GateChip> gatePackage(long eventId) throws CenterException {
        GatePackage pkg = send("GET", "/api/events/" + eventId + "/gate-package", null, type(GatePackage.class));
        return pkg.chips().stream().map(c -> new GateChip(c.chipId(), HEX.parseHex(c.publicKey()),
                HEX.parseHex(c.gateKey()))).toList();
    }

    public List<IssuerPublicKey> issuerKeys() throws CenterException {
        List<IssuerKey> keys = send("GET", "/api/issuer-keys", null, new TypeReference<List<IssuerKey>>() {});
        return keys.stream().map(k -> IssuerPublicKey.of(HEX.parseHex(k.publicKey()))).toList();
    }

    public List<Revocation> revocations(long eventId, long afterId) throws CenterException {
        List<RevocationView> revoked = send("GET", "/api/events/" + eventId + "/revocations"
                + (afterId > 0 ? "?after=" + afterId : ""), null, new TypeReference<List<RevocationView>>() {});
        return revoked.stream().map(r -> new Revocation(r.id(), UUID.fromString(r.ticketId()), r.version())).toList();
    }

    /** Reports a gate admission to the center (its own verdict comes back, e.g. ALREADY_USED for a replay). */
    public ScanResult reportScan(long eventId, String gateId, byte[] signedTicket, String chipId) throws CenterException {
        return sendOnce("/api/gate/scans", new Scan(eventId, gateId, Base64.getEncoder().encodeToString(signedTicket),
                chipId, null), type(ScanResult.class));
    }

    /**
     * A POST the center runs once per Idempotency-Key: one fresh key for this logical request, the same request sent
     * again when the answer is lost (no answer, a 5xx, the key still in flight), so a retry never turns a lost
     * "admitted" into "already used".
     */
    private <T> T sendOnce(String path, Object body, JavaType answer) throws CenterException {
        String key = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            try {
                return send("POST", path, body, answer, key);
            } catch (CenterException e) {
                boolean lost = e.unreachable() || e.status() >= 500 || (e.status() == 409 && e.problemType().endsWith("/" + IN_FLIGHT));
                if (!lost || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(BACKOFF.get(attempt - 1));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static JavaType type(Class<?> record) {
        return JSON.constructType(record);
    }

    private <T> T send(String method, String path, Object body, TypeReference<T> answer) throws CenterException {
        return send(method, path, body, JSON.getTypeFactory().constructType(answer), null);
    }

    /** {@code answer}: the record the center answers with, or null to read no answer. */
    private <T> T send(String method, String path, Object body, JavaType answer) throws CenterException {
        return send(method, path, body, answer, null);
    }

    private <T> T send(String method, String path, Object body, JavaType answer, String idempotencyKey)
            throws CenterException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw refusal(method, path, response);
            }
            return answer == null || response.body().length == 0 ? null : JSON.readValue(response.body(), answer);
        } catch (IOException e) {
            throw new CenterException(0, "the center at " + base + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CenterException(0, "interrupted while talking to the center", e);
        }
    }

    /** The center's problem document as an exception; a body that is no problem document (a proxy's 502) by status. */
    private static CenterException refusal(String method, String path, HttpResponse<byte[]> response) {
        String detail = "HTTP " + response.statusCode();
        String type = "";
        try {
            Problem problem = response.body().length == 0 ? null : PROBLEM.readValue(response.body());
            if (problem != null) {
                detail = Objects.requireNonNullElse(problem.detail(), detail);
                type = Objects.requireNonNullElse(problem.type(), "");
            }
        } catch (IOException e) {
            // not a problem document (a proxy's page): the status says it
        }
        return new CenterException(response.statusCode(), type, method + " " + path + ": " + detail, null);
    }
}
