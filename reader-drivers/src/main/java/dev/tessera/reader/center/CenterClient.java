package dev.tessera.reader.center;

import com.fasterxml.jackson.databind.JavaType;
import dev.tessera.client.CenterHttp;
import dev.tessera.client.CenterProblemException;
import dev.tessera.client.CenterUnreachableException;
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
import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.core.crypto.IssuerPublicKey;
import dev.tessera.reader.wallet.ChipTicket;
import dev.tessera.reader.wallet.SessionAuthority;
import java.net.URI;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The few platform-center calls a reader terminal makes (docs/openapi.json), through center-client's
 * {@link CenterHttp}: the requests and answers are center-contract's records, as the center itself reads and writes
 * them.
 */
public final class CenterClient {
    private static final HexFormat HEX = HexFormat.of();
    /** docs/operations.md "Idempotency keys": a lost answer is asked for again, at most this many times in all. */
    public static final int MAX_ATTEMPTS = CenterHttp.MAX_ATTEMPTS;

    private final CenterHttp http;
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

    private CenterClient(CenterHttp http, String token) {
        this.http = http;
        this.token = token;
    }

    public static CenterClient login(URI base, String loginId, char[] password) throws CenterException {
        CenterHttp http = new CenterHttp(base);
        SignedIn session = call("POST", "/api/sessions", () -> http.post("/api/sessions", null,
                new Login(loginId, new String(password)), CenterHttp.type(SignedIn.class)));
        return new CenterClient(http, session.token());
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
                ChipSessionGrant grant = post("/api/chip-sessions", body, ChipSessionGrant.class);
                return new SessionAuthority.Grant(HEX.parseHex(grant.hostCryptogram()), HEX.parseHex(grant.sessionKey()));
            } catch (CenterException e) {
                throw new SessionRefused(e);
            }
        };
    }

    /** Claim 31: a blank card's keys, once, for a chip id the center picks (POST /api/chip-personalizations). */
    public Personalization personalize(Long memberId) throws CenterException {
        dev.tessera.contract.chip.Personalization p = post("/api/chip-personalizations",
                new PersonalizationRequest(memberId, null), dev.tessera.contract.chip.Personalization.class);
        return new Personalization(HEX.parseHex(p.chipId()), HEX.parseHex(p.accessKey()), HEX.parseHex(p.gateKey()));
    }

    /** Claim 31: the personalized chip becomes a member's card. */
    public void registerChip(String chipId, byte[] publicKey, Long memberId) throws CenterException {
        post("/api/chips", new RegisterChip(chipId, HEX.formatHex(publicKey), memberId), null);
    }

    /** Claims 67, 76, 89: the chip's ticket package, each ticket sealed for it. */
    public List<ChipTicket> ticketPackage(String chipId) throws CenterException {
        ChipTickets pkg = get("/api/chips/" + chipId + "/tickets", CenterHttp.type(ChipTickets.class));
        return pkg.tickets().stream().map(CenterClient::chipTicket).toList();
    }

    /** An issued ticket as the sale, transfer and package answers carry it, decoded for the card. */
    public static ChipTicket chipTicket(IssuedTicket issued) {
        return ChipTicket.of(UUID.fromString(issued.ticketId()), issued.version(),
                Base64.getDecoder().decode(issued.encoded()), Base64.getDecoder().decode(issued.envelope()));
    }

    public List<GateChip> gatePackage(long eventId) throws CenterException {
        GatePackage pkg = get("/api/events/" + eventId + "/gate-package", CenterHttp.type(GatePackage.class));
        return pkg.chips().stream().map(c -> new GateChip(c.chipId(), HEX.parseHex(c.publicKey()),
                HEX.parseHex(c.gateKey()))).toList();
    }

    public List<IssuerPublicKey> issuerKeys() throws CenterException {
        List<IssuerKey> keys = get("/api/issuer-keys", CenterHttp.listOf(IssuerKey.class));
        return keys.stream().map(k -> IssuerPublicKey.of(HEX.parseHex(k.publicKey()))).toList();
    }

    public List<Revocation> revocations(long eventId, long afterId) throws CenterException {
        List<RevocationView> revoked = get("/api/events/" + eventId + "/revocations"
                + (afterId > 0 ? "?after=" + afterId : ""), CenterHttp.listOf(RevocationView.class));
        return revoked.stream().map(r -> new Revocation(r.id(), UUID.fromString(r.ticketId()), r.version())).toList();
    }

    /** Reports a gate admission to the center (its own verdict comes back, e.g. ALREADY_USED for a replay). */
    public ScanResult reportScan(long eventId, String gateId, byte[] signedTicket, String chipId) throws CenterException {
        Scan scan = new Scan(eventId, gateId, Base64.getEncoder().encodeToString(signedTicket), chipId, null);
        return call("POST", "/api/gate/scans", () -> http.postOnce("/api/gate/scans", token, scan,
                CenterHttp.type(ScanResult.class)));
    }

    private <T> T get(String path, JavaType answer) throws CenterException {
        return call("GET", path, () -> http.get(path, token, answer));
    }

    /** {@code answer}: the record the center answers with, or null to read no answer. */
    private <T> T post(String path, Object body, Class<T> answer) throws CenterException {
        return call("POST", path, () -> http.post(path, token, body, answer == null ? null : CenterHttp.type(answer)));
    }

    /** The client's failures as this reader's checked {@link CenterException}: status 0 when no answer came. */
    private static <T> T call(String method, String path, Supplier<T> exchange) throws CenterException {
        try {
            return exchange.get();
        } catch (CenterProblemException e) {
            String type = "about:blank".equals(e.type()) ? "" : e.type();
            throw new CenterException(e.status(), type, method + " " + path + ": " + e.detail(), e);
        } catch (CenterUnreachableException e) {
            throw new CenterException(0, e.getMessage(), e);
        } catch (dev.tessera.client.CenterException e) {
            throw new CenterException(0, method + " " + path + ": " + e.getMessage(), e);
        }
    }
}
