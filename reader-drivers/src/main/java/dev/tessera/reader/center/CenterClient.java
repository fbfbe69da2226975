package dev.tessera.reader.center;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.tessera.core.crypto.IssuerPublicKey;
import dev.tessera.reader.wallet.ChipTicket;
import dev.tessera.reader.wallet.SessionAuthority;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The few platform-center calls a reader terminal makes (docs/openapi.json), over plain HTTP/JSON. */
public final class CenterClient {

    private static final ObjectMapper JSON = new ObjectMapper();
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
        JsonNode session = anonymous.send("POST", "/api/sessions", Map.of("loginId", loginId, "password", new String(password)));
        return new CenterClient(base, anonymous.http, session.path("token").asText());
    }

    /**
     * Claims 35, 72: the center as the keeper of chip keys. AUTH INIT's answer is relayed to POST /api/chip-sessions;
     * an entitled caller gets the host cryptogram and this session's MAC key, never the chip's static key. A refusal
     * surfaces as {@link SessionRefused} around the center's answer.
     */
    public SessionAuthority sessions(Entitlement entitlement) {
        Objects.requireNonNull(entitlement, "entitlement");
        return (chipId, key, hostChallenge, cardAnswer) -> {
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("chipId", chipId);
            body.put("keyRef", key.name());
            body.put("purpose", entitlement.purpose());
            if (entitlement.saleId() != null) {
                body.put("saleId", entitlement.saleId());
            }
            if (entitlement.transferId() != null) {
                body.put("transferId", entitlement.transferId());
            }
            if (entitlement.eventId() != null) {
                body.put("eventId", entitlement.eventId());
            }
            body.put("hostChallenge", HEX.formatHex(hostChallenge));
            body.put("cardAnswer", HEX.formatHex(cardAnswer));
            try {
                JsonNode grant = send("POST", "/api/chip-sessions", body);
                return new SessionAuthority.Grant(HEX.parseHex(grant.path("hostCryptogram").asText()),
                        HEX.parseHex(grant.path("sessionKey").asText()));
            } catch (CenterException e) {
                throw new SessionRefused(e);
            }
        };
    }

    /** Claim 31: a blank card's keys, once, for a chip id the center picks (POST /api/chip-personalizations). */
    public Personalization personalize(Long memberId) throws CenterException {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        if (memberId != null) {
            body.put("memberId", memberId);
        }
        JsonNode p = send("POST", "/api/chip-personalizations", body);
        return new Personalization(HEX.parseHex(p.path("chipId").asText()), HEX.parseHex(p.path("accessKey").asText()),
                HEX.parseHex(p.path("gateKey").asText()));
    }

    /** Claim 31: the personalized chip becomes a member's card. */
    public void registerChip(String chipId, byte[] publicKey, Long memberId) throws CenterException {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("chipId", chipId);
        body.put("publicKey", HEX.formatHex(publicKey));
        if (memberId != null) {
            body.put("memberId", memberId);
        }
        send("POST", "/api/chips", body);
    }

    /** Claims 67, 76, 89: the chip's ticket package, each ticket sealed for it. */
    public List<ChipTicket> ticketPackage(String chipId) throws CenterException {
        JsonNode pkg = send("GET", "/api/chips/" + chipId + "/tickets", null);
        List<ChipTicket> tickets = new ArrayList<>();
        for (JsonNode t : pkg.path("tickets")) {
            tickets.add(chipTicket(t));
        }
        return tickets;
    }

    /** An issued ticket as the sale, transfer and package answers carry it. */
    public static ChipTicket chipTicket(JsonNode issued) {
        return ChipTicket.of(UUID.fromString(issued.path("ticketId").asText()), issued.path("version").asInt(),
                Base64.getDecoder().decode(issued.path("encoded").asText()),
                Base64.getDecoder().decode(issued.path("envelope").asText()));
    }

    public List<GateChip> gatePackage(long eventId) throws CenterException {
        List<GateChip> chips = new ArrayList<>();
        for (JsonNode c : send("GET", "/api/events/" + eventId + "/gate-package", null).path("chips")) {
            chips.add(new GateChip(c.path("chipId").asText(), HEX.parseHex(c.path("publicKey").asText()),
                    HEX.parseHex(c.path("gateKey").asText())));
        }
        return chips;
    }

    public List<IssuerPublicKey> issuerKeys() throws CenterException {
        List<IssuerPublicKey> keys = new ArrayList<>();
        for (JsonNode k : send("GET", "/api/issuer-keys", null)) {
            keys.add(IssuerPublicKey.of(HEX.parseHex(k.path("publicKey").asText())));
        }
        return keys;
    }

    public List<Revocation> revocations(long eventId, long afterId) throws CenterException {
        List<Revocation> out = new ArrayList<>();
        for (JsonNode r : send("GET", "/api/events/" + eventId + "/revocations" + (afterId > 0 ? "?after=" + afterId : ""), null)) {
            out.add(new Revocation(r.path("id").asLong(), UUID.fromString(r.path("ticketId").asText()),
                    r.path("version").asInt()));
        }
        return out;
    }

    /** Reports a gate admission to the center (its own verdict comes back, e.g. ALREADY_USED for a replay). */
    public JsonNode reportScan(long eventId, String gateId, byte[] signedTicket, String chipId) throws CenterException {
        return sendOnce("/api/gate/scans", Map.of("eventId", eventId, "gateId", gateId,
                "ticket", Base64.getEncoder().encodeToString(signedTicket), "chipId", chipId));
    }

    /**
     * A POST the center runs once per Idempotency-Key: one fresh key for this logical request, the same request sent
     * again when the answer is lost (no answer, a 5xx, the key still in flight), so a retry never turns a lost
     * "admitted" into "already used".
     */
    private JsonNode sendOnce(String path, Object body) throws CenterException {
        String key = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            try {
                return send("POST", path, body, key);
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

    private JsonNode send(String method, String path, Object body) throws CenterException {
        return send(method, path, body, null);
    }

    private JsonNode send(String method, String path, Object body, String idempotencyKey) throws CenterException {
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
            JsonNode json = response.body().length == 0 ? NullNode.getInstance() : JSON.readTree(response.body());
            return json;
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
            JsonNode problem = response.body().length == 0 ? NullNode.getInstance() : JSON.readTree(response.body());
            detail = Objects.requireNonNullElse(problem.path("detail").asText(null), detail);
            type = problem.path("type").asText("");
        } catch (IOException e) {
            // not JSON: the status says it
        }
        return new CenterException(response.statusCode(), type, method + " " + path + ": " + detail, null);
    }
}
