package dev.tessera.reader.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tessera.core.crypto.IssuerPublicKey;
import dev.tessera.core.ticket.IssuerKeyResolver;
import dev.tessera.reader.center.CenterClient;
import dev.tessera.reader.center.CenterClient.GateChip;
import dev.tessera.reader.center.CenterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a gate trusts, as of its last sync with the center: the issuer keys, the revoked ticket versions and the
 * event's chips (public key and gate key). Saved to a file so the gate keeps working offline after a restart.
 */
public final class GateTrust {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private final long eventId;
    private final List<IssuerPublicKey> issuers;
    private final IssuerKeyResolver resolver;
    private final Set<String> revoked;
    private final Map<String, GateChip> chips;
    private final long lastRevocationId;

    public GateTrust(long eventId, List<IssuerPublicKey> issuers, Set<String> revoked, List<GateChip> chips,
                     long lastRevocationId) {
        this.eventId = eventId;
        this.issuers = List.copyOf(issuers);
        this.resolver = IssuerKeyResolver.of(issuers.toArray(IssuerPublicKey[]::new));
        this.revoked = Set.copyOf(revoked);
        Map<String, GateChip> byId = new HashMap<>();
        chips.forEach(c -> byId.put(c.chipId(), c));
        this.chips = Map.copyOf(byId);
        this.lastRevocationId = lastRevocationId;
    }

    /**
     * From the issuer keys' raw 32-byte Ed25519 encodings, for callers that hold them as the center's JSON gives
     * them; {@code revoked} holds "ticketId/version" strings.
     */
    public static GateTrust ofEncodedKeys(long eventId, List<byte[]> issuerKeys, Set<String> revoked, List<GateChip> chips,
                                          long lastRevocationId) {
        return new GateTrust(eventId, issuerKeys.stream().map(IssuerPublicKey::of).toList(), revoked, chips,
                lastRevocationId);
    }

    /** Everything fresh from the center (before doors open, and whenever the gate is online). */
    public static GateTrust download(CenterClient center, long eventId) throws CenterException {
        Set<String> revoked = new HashSet<>();
        long last = 0;
        while (true) {
            List<CenterClient.Revocation> page = center.revocations(eventId, last);
            if (page.isEmpty()) {
                break;
            }
            for (CenterClient.Revocation r : page) {
                revoked.add(key(r.ticketId(), r.version()));
                last = Math.max(last, r.id());
            }
        }
        return new GateTrust(eventId, center.issuerKeys(), revoked, center.gatePackage(eventId), last);
    }

    public long eventId() {
        return eventId;
    }

    public IssuerKeyResolver issuers() {
        return resolver;
    }

    public boolean revoked(UUID ticketId, int version) {
        return revoked.contains(key(ticketId, version));
    }

    public Optional<GateChip> chip(String chipId) {
        return Optional.ofNullable(chips.get(chipId));
    }

    /** The trust as JSON text, for a terminal that keeps it in its own database. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode().put("eventId", eventId).put("lastRevocationId", lastRevocationId);
        ArrayNode keys = root.putArray("issuerKeys");
        issuers.forEach(k -> keys.add(HEX.formatHex(k.encoded())));
        ArrayNode rev = root.putArray("revoked");
        revoked.forEach(rev::add);
        ArrayNode chipArray = root.putArray("chips");
        chips.values().forEach(c -> chipArray.addObject().put("chipId", c.chipId())
                .put("publicKey", HEX.formatHex(c.publicKey())).put("gateKey", HEX.formatHex(c.gateKey())));
        return root.toPrettyString();
    }

    public static GateTrust fromJson(String json) throws IOException {
        return of(JSON.readTree(json));
    }

    public void save(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, toJson());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static GateTrust load(Path file) throws IOException {
        return of(JSON.readTree(file.toFile()));
    }

    private static GateTrust of(JsonNode root) {
        List<IssuerPublicKey> issuers = new java.util.ArrayList<>();
        root.path("issuerKeys").forEach(k -> issuers.add(IssuerPublicKey.of(HEX.parseHex(k.asText()))));
        Set<String> revoked = new HashSet<>();
        root.path("revoked").forEach(r -> revoked.add(r.asText()));
        List<GateChip> chips = new java.util.ArrayList<>();
        root.path("chips").forEach(c -> chips.add(new GateChip(c.path("chipId").asText(),
                HEX.parseHex(c.path("publicKey").asText()), HEX.parseHex(c.path("gateKey").asText()))));
        return new GateTrust(root.path("eventId").asLong(), issuers, revoked, chips, root.path("lastRevocationId").asLong());
    }

    /** The highest revocation id the trust holds: the center's revocations after it are new to this gate. */
    public long lastRevocationId() {
        return lastRevocationId;
    }

    /**
     * The same trust refusing {@code more} ticket versions too ("ticketId/version" strings, as the center lists them
     * after {@link #lastRevocationId()}), up to revocation {@code upTo}.
     */
    public GateTrust withRevocations(Set<String> more, long upTo) {
        Set<String> all = new HashSet<>(revoked);
        all.addAll(more);
        return new GateTrust(eventId, issuers, all, List.copyOf(chips.values()), Math.max(lastRevocationId, upTo));
    }

    /** How many chips the trust knows and how many ticket versions it refuses, for the gate's banner. */
    public int chipCount() {
        return chips.size();
    }

    public int revokedCount() {
        return revoked.size();
    }

    private static String key(UUID ticketId, int version) {
        return ticketId + "/" + version;
    }
}
